import type { Command } from 'commander';
import { eventRows, printResult } from '../output.ts';
import type { CliSession } from '../session.ts';

export function registerEventCommands(program: Command, session: () => CliSession): void {
  const events = program.command('events').description('networking events and the people met there');
  events
    .command('add')
    .description('record an event')
    .argument('<name>', 'e.g. "Web Summit 2026"')
    .requiredOption('--date <date>', 'YYYY-MM-DD')
    .option('--location <place>')
    .option('--notes <text>')
    .action(async (name: string, o: { date: string; location?: string; notes?: string }) => {
      const s = session();
      const event = await s.call('events.create', {
        name,
        date: o.date,
        location: o.location,
        notes: o.notes,
      });
      printResult(s.options.json, event, () => `Added event ${event.name} (#${event.id}).`);
    });
  events
    .command('list')
    .description('list events, newest first')
    .action(async () => {
      const s = session();
      const list = await s.call('events.list', {});
      printResult(s.options.json, list, () => eventRows(list));
    });
}
