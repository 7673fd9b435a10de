import type { Command } from 'commander';
import type { SyncConflictResolve } from '../../../shared/domain/sync-conflicts.ts';
import { printResult, table } from '../output.ts';
import type { CliSession } from '../session.ts';
import { usage } from './account-options.ts';

// What the contact sync waits for the user's word on, from the CLI as in Settings › Sync: deletes
// made here that reach the server only once confirmed, cards the first link could only guess at,
// and fields changed on both sides. Each ends in the same handler the app's buttons call.

const positiveId = (what: string, ref: string): number => {
  const n = Number(ref.trim());
  if (!Number.isInteger(n) || n < 1) throw usage(`${what} must be a number such as 3 (not "${ref}").`);
  return n;
};

/** Exactly one of the flags given: its name. */
function oneOf<K extends string>(o: Partial<Record<K, unknown>>, flags: readonly K[]): K {
  const given = flags.filter((f) => o[f] !== undefined && o[f] !== false);
  if (given.length !== 1)
    throw usage(
      `give exactly one of ${flags.map((f) => `--${f}`).join(', ')}${given.length ? ` (not ${given.map((f) => `--${f}`).join(' and ')})` : ''}.`,
    );
  return given[0] as K;
}

export function registerSyncContactCommands(sync: Command, session: () => CliSession): void {
  sync
    .command('pending')
    .description('contacts deleted here waiting for your word, and cards matched only by name')
    .action(async () => {
      const s = session();
      const r = await s.call('sync.contacts.pending', {});
      printResult(s.options.json, r, () =>
        [
          r.deletes.length === 0
            ? 'No deletes waiting.'
            : `Deleted here, still on the server (\`sync deletes ACCOUNT --confirm\` or --keep):\n${table(
                ['ACCOUNT', 'CONTACT', 'NAME', 'CARD'],
                r.deletes.map((d) => [String(d.accountId), String(d.contactId), d.name, d.href]),
              )}`,
          r.reviews.length === 0
            ? 'No cards to review.'
            : // One per paragraph, its card's href whole: the review command takes it as it is.
              `Cards to review:\n${r.reviews
                .map(
                  (v) =>
                    `  card "${v.cardName}" and contact ${v.contactId} ${v.contactName} (matched by ${v.reason}, account ${v.accountId})\n    sync review ${v.accountId} '${v.href.replaceAll("'", "'\\''")}' --same   (or --different)`,
                )
                .join('\n')}`,
        ].join('\n\n'),
      );
    });

  sync
    .command('deletes')
    .description('contacts deleted here: delete their cards on the server too, or keep them there')
    .argument('<account>', 'sync account id (see `sync accounts list`)')
    .option('--confirm', 'delete the cards on the server (a card changed there since is kept)')
    .option('--keep', 'keep the cards on the server: the contacts come back here at the next pass')
    .action(async (ref: string, o: { confirm?: boolean; keep?: boolean }) => {
      const choice = oneOf(o, ['confirm', 'keep'] as const);
      const s = session();
      const r = await s.call('sync.contacts.deletes', {
        id: positiveId('the account', ref),
        confirm: choice === 'confirm',
      });
      printResult(s.options.json, r, () =>
        [`Deleted ${r.deleted} on the server, kept ${r.kept}.`, ...r.messages].join('\n'),
      );
    });

  sync
    .command('review')
    .description('a card the first link matched only by name: the same person, or someone else')
    .argument('<account>', 'sync account id')
    .argument('<card>', 'the card, as `sync pending` lists it')
    .option('--same', 'link the card to the contact (fields merge)')
    .option('--different', 'someone else: the card becomes a contact of its own')
    .action(async (ref: string, href: string, o: { same?: boolean; different?: boolean }) => {
      const decision = oneOf(o, ['same', 'different'] as const);
      const s = session();
      const r = await s.call('sync.contacts.review', { id: positiveId('the account', ref), href, decision });
      printResult(s.options.json, r, () =>
        decision === 'same'
          ? `Linked the card to contact ${r.contactId}.`
          : `The card is now contact ${r.contactId}.`,
      );
    });

  sync
    .command('resolve')
    .description('settle a conflict (see `sync conflicts`): this side, the server, or a value of your own')
    .argument('<conflict>', 'conflict id')
    .option('--here', "keep this computer's value")
    .option('--there', "take the server's value")
    .option('--value <text>', 'a value of your own (empty clears the field)')
    .action(async (ref: string, o: { here?: boolean; there?: boolean; value?: string }) => {
      const choice = oneOf(o, ['here', 'there', 'value'] as const);
      const id = positiveId('the conflict', ref);
      const input: SyncConflictResolve =
        choice === 'value'
          ? { id, value: o.value === '' ? null : (o.value ?? null) }
          : { id, take: choice === 'here' ? 'local' : 'remote' };
      const s = session();
      const r = await s.call('sync.conflicts.resolve', input);
      printResult(s.options.json, r, () => `Resolved conflict ${r.id}; the next \`sync run\` sends it.`);
    });
}
