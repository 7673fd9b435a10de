import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { ApiError } from '../../../shared/api/errors.ts';
import type { RestoreResult } from '../../../shared/domain/imports.ts';
import { restoreBackup } from '../../backup/restore.ts';
import { readSqliteBackup, SQLITE_MAGIC } from '../../backup/sqlite-backup.ts';
import { printResult } from '../output.ts';
import type { CliSession } from '../session.ts';

export function registerRestoreCommand(program: Command, session: () => CliSession): void {
  program
    .command('restore')
    .description(
      'replace all data with a backup: a JSON backup (export --format json) or a database copy (backups/*.sqlite)',
    )
    .argument('<file>', 'the backup file')
    .option(
      '--yes',
      'do not ask (needed when not on a terminal): everything is replaced, after a safety copy',
    )
    .action(async (file: string, o: { yes?: boolean }) => {
      const s = session();
      const path = resolve(file);
      if (!o.yes && !(await confirmOnTerminal(path))) {
        throw new ApiError(
          'invalid_input',
          'Restoring replaces every contact, event and follow-up (a safety copy is taken first). Confirm on a terminal, or run again with --yes.',
        );
      }
      const bytes = readFileSync(path);
      let result: RestoreResult;
      if (bytes.subarray(0, 16).toString('latin1') === SQLITE_MAGIC) {
        const ctx = s.open();
        const info = await s.call('app.info', {});
        result = await restoreBackup(
          { ...ctx, dataDir: info.dataDir, now: ctx.clock().toISOString() },
          readSqliteBackup(path),
          path,
        );
      } else {
        result = await s.call('data.restore', { content: bytes.toString('utf8'), confirm: true });
      }
      printResult(
        s.options.json,
        result,
        () =>
          `Restored ${result.contacts} contacts, ${result.events} events, ${result.interactions} interactions, ${result.followUps} follow-ups.` +
          (result.safetyBackup ? `\nThe data as it was before is in ${result.safetyBackup}.` : ''),
      );
    });
}

/** Asks on a terminal; a script (no TTY) must say --yes instead of hanging on a prompt. */
async function confirmOnTerminal(path: string): Promise<boolean> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(
      `Replace every contact, event and follow-up with ${path}?\nThe current data is copied to backups/ first. Type yes to go on: `,
    );
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}
