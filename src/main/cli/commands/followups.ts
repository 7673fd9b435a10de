import type { Command } from 'commander';
import { ApiError } from '../../../shared/api/errors.ts';
import { PURPOSES, type Purpose } from '../../../shared/domain/followup.ts';
import type { Channel } from '../../../shared/domain/interaction.ts';
import { bulkText, catchUpText, followUpRows, printResult, todayText } from '../output.ts';
import type { CliSession } from '../session.ts';
import { collect, nonNegativeInt, positiveInt } from './options.ts';
import { readTextFile } from './text-file.ts';

const SNOOZE = ['1h', 'tomorrow', 'nextWeek'] as const;

export function registerFollowUpCommands(program: Command, session: () => CliSession): void {
  program
    .command('today')
    .description('what to follow up on now: overdue, due today, next days, promises')
    .action(async () => {
      const s = session();
      const today = await s.call('followups.today', {});
      printResult(s.options.json, today, () => todayText(today));
    });

  const followups = program.command('followups').description('scheduled follow-up steps');
  followups
    .command('list')
    .description('follow-ups by day (open ones unless --all)')
    .option('--from <date>', 'first local day, YYYY-MM-DD')
    .option('--to <date>', 'last local day, YYYY-MM-DD')
    .option('--contact <id>', 'only this contact', positiveInt)
    .option('--all', 'include done, skipped and cancelled steps')
    .action(async (o: { from?: string; to?: string; contact?: number; all?: boolean }) => {
      const s = session();
      const list = await s.call('followups.list', {
        from: o.from,
        to: o.to,
        contactId: o.contact,
        statuses: o.all ? undefined : ['pending', 'snoozed'],
      });
      printResult(s.options.json, list, () => followUpRows(list));
    });
  followups
    .command('done')
    .description('mark a follow-up done: logs the interaction and advances the cycle')
    .argument('<id>', 'follow-up id', positiveInt)
    .option('--channel <channel>', 'how you followed up (default: the planned channel)')
    .option('--summary <text>', 'what you sent or said')
    .option('--message-file <file>', 'the message as sent, kept whole on the timeline (see `draft`)')
    .option(
      '--variant <n>',
      'the draft variant it came from (so the next message uses another)',
      nonNegativeInt,
    )
    .action(
      async (
        id: number,
        o: { channel?: string; summary?: string; messageFile?: string; variant?: number },
      ) => {
        const s = session();
        if (o.summary !== undefined && o.messageFile !== undefined)
          throw new ApiError('invalid_input', 'Give --summary or --message-file, not both.');
        const result = await s.call('followups.done', {
          id,
          channel: o.channel as Channel | undefined,
          summary:
            o.messageFile === undefined ? o.summary : readTextFile(o.messageFile, '--message-file').text,
          variant: o.variant,
        });
        printResult(s.options.json, result, () =>
          result.next
            ? `Done. Next: ${result.next.purpose.replace('_', ' ')} on ${result.next.dueOn} (#${result.next.id}).`
            : 'Done.',
        );
      },
    );
  followups
    .command('snooze')
    .description('put a follow-up off: 1h, tomorrow or nextWeek')
    .argument('<id>', 'follow-up id', positiveInt)
    .argument('[for]', 'how long', 'tomorrow')
    .action(async (id: number, preset: string) => {
      const s = session();
      if (!(SNOOZE as readonly string[]).includes(preset))
        throw new Error(`Snooze for ${SNOOZE.join(', ')}.`);
      const step = await s.call('followups.snooze', { id, preset: preset as (typeof SNOOZE)[number] });
      printResult(s.options.json, step, () => `Snoozed until ${step.dueAt}.`);
    });
  const bulkOptions = (command: Command) =>
    command
      .option('--purpose <purpose>', 'only this purpose (repeatable): reengage, check_in, second, …', collect)
      .option('--tag <tag>', 'only contacts with this tag')
      .option('--older-than <days>', 'only steps due at least this many days ago', nonNegativeInt)
      .option('--waiting', 'everything waiting beyond today’s budget (when no other filter is given)')
      .option('--including-today', 'take the steps in today’s budget too, not only what waits')
      .option('--preview', 'say which ones it would take, change nothing');
  bulkOptions(
    followups
      .command('skip')
      .description(
        'skip one follow-up by id, or many due ones at once (by purpose, tag, age); the playbook carries on',
      )
      .argument('[id]', 'follow-up id', positiveInt),
  ).action(async (id: number | undefined, o: BulkOptions) => {
    const s = session();
    if (id !== undefined) {
      if (hasFilter(o) || o.waiting || o.preview)
        throw new ApiError('invalid_input', 'Give either a follow-up id or filters, not both.');
      const step = await s.call('followups.skip', { id });
      printResult(s.options.json, step, () => 'Skipped.');
      return;
    }
    await closeInBulk(s, 'skip', o);
  });
  bulkOptions(
    followups
      .command('end')
      .description('end the cycles of many due follow-ups at once (by purpose, tag, age): no further steps'),
  ).action(async (o: BulkOptions) => closeInBulk(session(), 'end', o));
  followups
    .command('catch-up')
    .description(
      'spread what is due now (overdue, waiting, going cold) over the coming working days within the daily budget',
    )
    .option('--preview', 'show the new days, change nothing')
    .action(async (o: { preview?: boolean }) => {
      const s = session();
      const plan = await s.call(o.preview ? 'followups.previewCatchUp' : 'followups.catchUp', {});
      printResult(s.options.json, plan, () => catchUpText(plan, Boolean(o.preview)));
    });
  followups
    .command('schedule')
    .description('plan a follow-up by hand (allowed even when it breaks a cap, with a warning)')
    .argument('<contactId>', 'contact id', positiveInt)
    .requiredOption('--on <date>', 'local day, YYYY-MM-DD')
    .option('--note <text>', 'what it is about')
    .action(async (contactId: number, o: { on: string; note?: string }) => {
      const s = session();
      const result = await s.call('followups.schedule', { contactId, dueOn: o.on, note: o.note });
      printResult(s.options.json, result, () => scheduled(result.followUp.dueOn, result.warnings));
    });

  program
    .command('meeting')
    .description('arrange a meeting: a confirmation is planned for the day before')
    .argument('<contactId>', 'contact id', positiveInt)
    .requiredOption('--at <datetime>', 'when, ISO 8601 with offset')
    .option('--note <text>', 'where, what about')
    .action(async (contactId: number, o: { at: string; note?: string }) => {
      const s = session();
      const result = await s.call('followups.arrangeMeeting', { contactId, meetingAt: o.at, note: o.note });
      printResult(s.options.json, result, () =>
        result.followUp
          ? scheduled(result.followUp.dueOn, result.warnings)
          : (result.reason ?? 'Nothing planned.'),
      );
    });

  program
    .command('thank')
    .description('they helped you: a thank-you is planned within a day')
    .argument('<contactId>', 'contact id', positiveInt)
    .option('--note <text>', 'what they did')
    .action(async (contactId: number, o: { note?: string }) => {
      const s = session();
      const result = await s.call('followups.thank', { contactId, note: o.note });
      printResult(s.options.json, result, () =>
        result.followUp
          ? scheduled(result.followUp.dueOn, result.warnings)
          : (result.reason ?? 'Nothing planned.'),
      );
    });
}

function scheduled(day: string, warnings: string[]): string {
  return [`Planned for ${day}.`, ...warnings.map((w) => `Warning: ${w}.`)].join('\n');
}

interface BulkOptions {
  purpose?: string[];
  tag?: string;
  olderThan?: number;
  waiting?: boolean;
  includingToday?: boolean;
  preview?: boolean;
}

const hasFilter = (o: BulkOptions) => Boolean(o.purpose?.length || o.tag || o.olderThan !== undefined);

/** Many due steps at once; without a filter only when asked for everything waiting (--waiting). */
async function closeInBulk(s: CliSession, action: 'skip' | 'end', o: BulkOptions): Promise<void> {
  if (!hasFilter(o) && !o.waiting)
    throw new ApiError(
      'invalid_input',
      `Say which follow-ups to ${action}: ${action === 'skip' ? 'an id, ' : ''}--purpose, --tag or --older-than, or --waiting for everything waiting.`,
    );
  const unknown = o.purpose?.find((p) => !(PURPOSES as readonly string[]).includes(p));
  if (unknown !== undefined)
    throw new ApiError('invalid_input', `--purpose ${unknown}: use one of ${PURPOSES.join(', ')}.`, [
      { path: 'purposes', message: `unknown purpose "${unknown}"` },
    ]);
  const filter = {
    purposes: o.purpose as Purpose[] | undefined,
    tag: o.tag,
    olderThanDays: o.olderThan,
    among: o.includingToday ? ('due' as const) : ('waiting' as const),
  };
  if (o.preview) {
    const preview = await s.call('followups.previewBulkClose', filter);
    printResult(s.options.json, preview, () => bulkText(preview, action));
    return;
  }
  const result = await s.call('followups.bulkClose', { ...filter, action });
  printResult(s.options.json, result, () =>
    result.closed === 0
      ? `Nothing matched: no follow-up ${action === 'skip' ? 'skipped' : 'ended'}.`
      : `${action === 'skip' ? 'Skipped' : 'Ended'} ${result.closed} follow-up${result.closed === 1 ? '' : 's'}; ${result.cyclesEnded} cycle${result.cyclesEnded === 1 ? '' : 's'} ended.`,
  );
}
