import type { Command } from 'commander';
import type { Channel } from '../../../shared/domain/interaction.ts';
import { followUpRows, printResult, todayText } from '../output.ts';
import type { CliSession } from '../session.ts';
import { positiveInt } from './options.ts';

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
    .action(async (id: number, o: { channel?: string; summary?: string }) => {
      const s = session();
      const result = await s.call('followups.done', {
        id,
        channel: o.channel as Channel | undefined,
        summary: o.summary,
      });
      printResult(s.options.json, result, () =>
        result.next
          ? `Done. Next: ${result.next.purpose.replace('_', ' ')} on ${result.next.dueOn} (#${result.next.id}).`
          : 'Done.',
      );
    });
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
  followups
    .command('skip')
    .description('skip a follow-up (its cycle ends)')
    .argument('<id>', 'follow-up id', positiveInt)
    .action(async (id: number) => {
      const s = session();
      const step = await s.call('followups.skip', { id });
      printResult(s.options.json, step, () => 'Skipped.');
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
