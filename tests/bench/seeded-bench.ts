// What a bench file run alone needs: the network npm run bench measures, in a database file
// given on the command line (seeded first when it does not exist yet).
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { type AppContext, openAppContext } from '../../src/main/app/context.ts';
import { seedDatabase } from '../../src/main/seed/seed-database.ts';
import { inMemorySettings } from '../../src/main/settings/settings-store.ts';
import { fixedClock } from '../../src/main/time/clock.ts';

/** npm run bench's clock: every bench file reads the seed at this moment. */
export const BENCH_NOW = '2026-11-20T09:00:00.000Z';

/** The database path a standalone bench file was given, or its usage and exit 2. */
export function benchDatabaseArg(script: string): string {
  const databasePath = process.argv[2];
  if (!databasePath) {
    console.error(`usage: node tests/bench/${script} DB (seeded with 50,000 contacts if missing)`);
    process.exit(2);
  }
  return databasePath;
}

/** The same network as npm run bench (same size, seed and clock), opened as the CLI opens it. */
export function openSeededBench(databasePath: string): AppContext {
  const seeding = !existsSync(databasePath);
  const context = openAppContext({
    shell: 'cli',
    dataDir: dirname(databasePath),
    databasePath,
    settings: inMemorySettings(),
    clock: fixedClock(BENCH_NOW),
  });
  if (seeding)
    seedDatabase(
      context.db,
      { contacts: 50_000, interactionsPerContact: 5, seed: 7, now: new Date(BENCH_NOW) },
      () => {},
      { settings: context.settings },
    );
  return context;
}
