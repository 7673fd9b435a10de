import type { Command } from 'commander';
import { printResult, table } from '../output.ts';
import type { CliSession } from '../session.ts';
import { positiveInt } from './options.ts';

export function registerPromiseCommands(program: Command, session: () => CliSession): void {
  const promises = program
    .command('promises')
    .description('what you promised them, and what they promised you');
  promises
    .command('add')
    .description('record a promise')
    .argument('<contactId>', 'contact id', positiveInt)
    .argument('<text>', 'e.g. "Introduce her to Priya"')
    .requiredOption('--due <date>', 'local day, YYYY-MM-DD')
    .option('--theirs', 'they promised it (default: you did)')
    .action(async (contactId: number, text: string, o: { due: string; theirs?: boolean }) => {
      const s = session();
      const promise = await s.call('promises.add', {
        contactId,
        text,
        dueOn: o.due,
        direction: o.theirs ? 'theirs' : 'mine',
      });
      printResult(s.options.json, promise, () => `Recorded promise #${promise.id}.`);
    });
  promises
    .command('list')
    .description('open promises (or --all)')
    .option('--contact <id>', 'only this contact', positiveInt)
    .option('--all', 'include kept and cancelled ones')
    .action(async (o: { contact?: number; all?: boolean }) => {
      const s = session();
      const list = await s.call('promises.list', { contactId: o.contact, status: o.all ? 'all' : 'open' });
      printResult(s.options.json, list, () =>
        list.length === 0
          ? 'No open promises.'
          : table(
              ['ID', 'DUE', 'WHO', 'PROMISE', 'STATUS'],
              list.map((p) => [
                String(p.id),
                p.dueOn,
                `${p.direction === 'mine' ? 'I → ' : ''}${p.contactName}${p.direction === 'theirs' ? ' → me' : ''}`,
                p.text,
                p.status,
              ]),
            ),
      );
    });
  promises
    .command('done')
    .description('mark a promise kept')
    .argument('<id>', 'promise id', positiveInt)
    .action(async (id: number) => {
      const s = session();
      const promise = await s.call('promises.done', { id });
      printResult(s.options.json, promise, () => 'Promise kept.');
    });
}
