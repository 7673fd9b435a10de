import type { Command } from 'commander';
import { ApiError } from '../../../shared/api/errors.ts';
import type { UndoEntry, UndoResult } from '../../../shared/domain/undo.ts';
import type { Read } from '../../../shared/format/dated-text.ts';
import { printResult } from '../output.ts';
import type { CliSession } from '../session.ts';
import { positiveInt } from './options.ts';

export function registerUndoCommand(program: Command, session: () => CliSession): void {
  program
    .command('undo')
    .description(
      'undo the last Done, Skip, Snooze, move, Mark reviewed, catch-up or bulk skip/end (from any shell, within a day), exactly as it was',
    )
    .option('--id <n>', 'undo this action instead of the last one (the id a --json result gave)', positiveInt)
    .option('--dry-run', 'say what would be undone, change nothing')
    .action(async (o: { id?: number; dryRun?: boolean }) => {
      const s = session();
      if (o.dryRun) {
        if (o.id !== undefined)
          throw new ApiError('invalid_input', '--dry-run shows the last action; leave out --id.');
        const last = await s.call('undo.last', {});
        printResult(s.options.json, last, () =>
          last ? `Would undo: ${entryLine(last)}` : 'Nothing to undo.',
        );
        return;
      }
      const result = await s.call('undo.apply', o.id === undefined ? {} : { id: o.id });
      printResult(s.options.json, result, () => undoneText(result));
    });
}

function entryLine(entry: Read<UndoEntry>): string {
  return `${entry.summary} (${entry.recordedAt.slice(0, 16).replace('T', ' ')} UTC, #${entry.id})`;
}

function undoneText({ undone, followUp }: Read<UndoResult>): string {
  const lines = [`Undid: ${entryLine(undone)}.`];
  if (followUp) {
    const state = followUp.status === 'snoozed' ? `snoozed until ${followUp.dueAt}` : followUp.status;
    lines.push(`Follow-up #${followUp.id} is ${state}, due ${followUp.dueOn}.`);
  }
  return lines.join('\n');
}
