import { Command, CommanderError } from 'commander';
import { ApiError } from '../../shared/api/errors.ts';
import { busyError } from '../api/dispatch.ts';
import { APP_VERSION } from '../app/version.ts';
import { isBusyError } from '../store/transaction.ts';
import { registerBackupCommand } from './commands/backup.ts';
import { registerComposeCommands } from './commands/compose.ts';
import { registerContactCommands } from './commands/contacts.ts';
import { registerDuplicateCommands } from './commands/duplicates.ts';
import { registerEventCommands } from './commands/events.ts';
import { registerExportCommand } from './commands/export.ts';
import { registerFollowUpCommands } from './commands/followups.ts';
import { registerForecastCommand } from './commands/forecast.ts';
import { registerImportCommand } from './commands/import.ts';
import { registerImportMboxCommand } from './commands/import-mbox.ts';
import { registerInfoCommand } from './commands/info.ts';
import { registerInsightsCommand } from './commands/insights.ts';
import { registerInteractionCommands } from './commands/interactions.ts';
import { registerMailCommands } from './commands/mail.ts';
import { registerPromiseCommands } from './commands/promises.ts';
import { registerRestoreCommand } from './commands/restore.ts';
import { registerSeedCommand } from './commands/seed.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerSyncCommands } from './commands/sync.ts';
import { registerUndoCommand } from './commands/undo.ts';
import { CliSession, type GlobalOptions } from './session.ts';

/** Exit codes: 0 success, 1 the operation failed, 2 the command line or its input was wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export function buildProgram(): { program: Command; session: () => CliSession } {
  const program = new Command('followthrough')
    .description('Followthrough: capture the people you meet and follow up with them.')
    .version(APP_VERSION)
    .option('--db <path>', "database file (default: the desktop app's, or $FOLLOWTHROUGH_DB)")
    .option('--json', 'machine-readable output on stdout; errors as JSON on stderr')
    .option('--now <datetime>', 'pretend the current time is this ISO 8601 instant (for checking schedules)')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();

  let session: CliSession | undefined;
  const current = () => {
    session ??= new CliSession(program.opts<GlobalOptions>());
    return session;
  };
  for (const register of [
    registerContactCommands,
    registerInteractionCommands,
    registerEventCommands,
    registerFollowUpCommands,
    registerPromiseCommands,
    registerComposeCommands,
    registerUndoCommand,
    registerImportCommand,
    registerImportMboxCommand,
    registerMailCommands,
    registerSyncCommands,
    registerExportCommand,
    registerRestoreCommand,
    registerDuplicateCommands,
    registerServeCommand,
    registerBackupCommand,
    registerSeedCommand,
    registerInfoCommand,
    registerInsightsCommand,
    registerForecastCommand,
  ]) {
    register(program, current);
  }
  for (const command of program.commands) command.exitOverride();
  return { program, session: current };
}

export async function runCli(argv: string[]): Promise<number> {
  const { program, session } = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return session().failed ? EXIT.failed : EXIT.ok;
  } catch (error) {
    return reportError(error, program.opts<GlobalOptions>().json ?? argv.includes('--json'));
  } finally {
    session().close();
  }
}

function reportError(error: unknown, json: boolean): number {
  if (error instanceof CommanderError) {
    // Commander has already printed help or the usage error itself.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  const apiError =
    error instanceof ApiError
      ? error
      : isBusyError(error)
        ? // Opening the database may have to wait for another process's write lock too.
          busyError()
        : new ApiError('internal', error instanceof Error ? error.message : String(error));
  if (json) process.stderr.write(`${JSON.stringify({ error: apiError.toJSON() })}\n`);
  else process.stderr.write(`Error: ${apiError.describe()}\n`);
  return apiError.code === 'invalid_input' ? EXIT.usage : EXIT.failed;
}
