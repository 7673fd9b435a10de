import type { Command } from 'commander';
import { printResult } from '../output.ts';
import type { CliSession } from '../session.ts';

export function registerInfoCommand(program: Command, session: () => CliSession): void {
  program
    .command('info')
    .description('where the data lives, and the schema version')
    .action(async () => {
      const s = session();
      const info = await s.call('app.info', {});
      printResult(
        s.options.json,
        info,
        () =>
          `Followthrough ${info.version}\nData folder: ${info.dataDir}\nDatabase:    ${info.databasePath} (schema ${info.schemaVersion})`,
      );
    });
}
