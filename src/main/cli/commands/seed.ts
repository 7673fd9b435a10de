import type { Command } from 'commander';
import { seedDatabase } from '../../seed/seed-database.ts';
import { printResult, progress, progressDone } from '../output.ts';
import type { CliSession } from '../session.ts';
import { nonNegativeInt, positiveInt } from './options.ts';

export function registerSeedCommand(program: Command, session: () => CliSession): void {
  program
    .command('seed')
    .description('fill the database with a realistic synthetic network (demos and benchmarks)')
    .option('--contacts <n>', 'how many contacts', positiveInt, 200)
    .option('--interactions-per-contact <n>', 'average timeline length', nonNegativeInt, 5)
    .option('--seed <n>', 'random seed (same seed, same network)', nonNegativeInt, 42)
    .action(async (o: { contacts: number; interactionsPerContact: number; seed: number }) => {
      const s = session();
      const context = s.open();
      const started = performance.now();
      const result = seedDatabase(
        context.db,
        {
          contacts: o.contacts,
          interactionsPerContact: o.interactionsPerContact,
          seed: o.seed,
          now: context.clock(),
        },
        (done, total) => progress(`Seeding… ${done}/${total} contacts`),
        // Plans follow from the history: the engine runs over the timeline as real use would.
        { settings: context.settings },
      );
      progressDone();
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      printResult(
        s.options.json,
        result,
        () =>
          `Seeded ${result.contacts} contacts, ${result.interactions} interactions and ${result.events} events in ${seconds} s.`,
      );
    });
}
