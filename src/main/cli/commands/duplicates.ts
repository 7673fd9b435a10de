import type { Command } from 'commander';
import { MATCH_REASON_LABELS, MERGE_FIELDS, type MergeField } from '../../../shared/domain/import-formats.ts';
import { printResult, table } from '../output.ts';
import type { CliSession } from '../session.ts';
import { positiveInt } from './options.ts';

export function registerDuplicateCommands(program: Command, session: () => CliSession): void {
  program
    .command('duplicates')
    .description('list contacts that are likely the same person, and why')
    .option('--limit <n>', 'how many pairs', positiveInt, 200)
    .action(async (o: { limit: number }) => {
      const s = session();
      const pairs = await s.call('duplicates.list', { limit: o.limit });
      printResult(s.options.json, pairs, () =>
        pairs.length === 0
          ? 'No likely duplicates.'
          : table(
              ['A', 'B', 'why'],
              pairs.map((p) => [
                `${p.a.id} ${p.a.displayName}`,
                `${p.b.id} ${p.b.displayName}`,
                p.reasons.map((r) => `${MATCH_REASON_LABELS[r.reason]} (${r.value})`).join('; '),
              ]),
            ),
      );
    });

  program
    .command('merge')
    .description(
      'merge contact B into contact A, keeping every e-mail, phone, tag, interaction and follow-up of both',
    )
    .argument('<a>', 'the contact to keep', positiveInt)
    .argument('<b>', 'the contact merged into it (then removed)', positiveInt)
    .option('--take <fields>', `comma-separated fields to take from B (${MERGE_FIELDS.join(', ')})`)
    .action(async (a: number, b: number, o: { take?: string }) => {
      const s = session();
      const take = (o.take ?? '')
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean) as MergeField[];
      const result = await s.call('contacts.merge', { keepId: a, mergeId: b, take });
      printResult(s.options.json, result, () => `Merged ${b} into ${a}. Undo with \`undo-merge\`.`);
    });

  program
    .command('undo-merge')
    .description('undo the last merge (both contacts come back as they were)')
    .action(async () => {
      const s = session();
      const result = await s.call('contacts.undoMerge', {});
      printResult(
        s.options.json,
        result,
        () => `Restored contact ${result.restoredId} beside ${result.keptId}.`,
      );
    });
}
