import { resolve } from 'node:path';
import type { Command } from 'commander';
import { backupDatabase } from '../../store/backup.ts';
import { printResult } from '../output.ts';
import type { CliSession } from '../session.ts';

export function registerBackupCommand(program: Command, session: () => CliSession): void {
  program
    .command('backup')
    .description('write a consistent copy of the database (safe while the app is running)')
    .requiredOption('--out <file>', 'where to write the copy')
    .option('--force', 'overwrite the file if it exists')
    .action(async (o: { out: string; force?: boolean }) => {
      const s = session();
      const out = resolve(o.out);
      await backupDatabase(s.open().db, out, { overwrite: o.force ?? false });
      printResult(s.options.json, { backup: out }, () => `Backed up to ${out}.`);
    });
}
