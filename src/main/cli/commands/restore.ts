import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { ApiError } from '../../../shared/api/errors.ts';
import type { RestoreCounts, RestorePreview, RestoreResult } from '../../../shared/domain/imports.ts';
import { printResult, table } from '../output.ts';
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
      // Both kinds go through the dispatcher as bytes; main tells them apart by content.
      const input = {
        fileName: path,
        content: readBackup(path).toString('base64'),
        encoding: 'base64' as const,
      };
      if (!o.yes) {
        // Checked before asking, so a wrong file is refused without a question.
        const preview = await s.call('data.previewRestore', input);
        if (!(await confirmOnTerminal(preview))) {
          throw new ApiError(
            'invalid_input',
            'Restoring replaces every contact, event and follow-up (a safety copy is taken first). Confirm on a terminal, or run again with --yes.',
          );
        }
      }
      const result = await s.call('data.restore', { ...input, confirm: true });
      printResult(s.options.json, result, () => restoredText(path, result));
    });
}

function readBackup(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new ApiError('invalid_input', `${path} cannot be read: ${(error as Error).message}`);
  }
}

const ROWS: [keyof RestoreCounts, string][] = [
  ['contacts', 'contacts'],
  ['events', 'events'],
  ['interactions', 'interactions'],
  ['followUps', 'follow-ups'],
  ['promises', 'promises'],
];

function countsTable(headers: [string, string], left: RestoreCounts, right: RestoreCounts): string {
  return table(
    ['', ...headers],
    ROWS.map(([key, label]) => [
      label,
      left[key].toLocaleString('en-US'),
      right[key].toLocaleString('en-US'),
    ]),
  );
}

function restoredText(path: string, result: RestoreResult): string {
  const lines = [`Restored ${path}.`, countsTable(['BEFORE', 'NOW'], result.before, result)];
  if (result.contacts === 0 && result.before.contacts > 0) {
    lines.push(
      `The backup held no contacts, so there are none now (there were ${result.before.contacts.toLocaleString('en-US')}).`,
    );
  }
  if (result.safetyBackup) {
    lines.push(
      `The data as it was before is in ${result.safetyBackup} (restore it the same way to go back).`,
    );
  }
  return lines.join('\n');
}

/** Asks on a terminal; a script (no TTY) must say --yes instead of hanging on a prompt. */
async function confirmOnTerminal(preview: RestorePreview): Promise<boolean> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return false;
  const what =
    preview.kind === 'json'
      ? `a JSON backup${preview.exportedAt ? ` exported ${preview.exportedAt}` : ''}`
      : 'a database copy';
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(
      `${preview.fileName} is ${what}, schema version ${preview.schemaVersion}.\n${countsTable(['NOW', 'IN THE BACKUP'], preview.current, preview.counts)}\n` +
        'Restoring replaces all of the data now in the database; it is copied to backups/ first. Type yes to go on: ',
    );
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}
