// The insights report timed part by part on a seeded database (`node tests/bench/insights-parts.ts DB`),
// to see which measure its time goes to; the bench row itself is insights-report.ts.
import Database from 'better-sqlite3';
import { insightsParams } from '../../src/main/insights/insights-params.ts';
import { inMemorySettings } from '../../src/main/settings/settings-store.ts';
import * as s from '../../src/main/store/insights-store.ts';
import { fixedClock } from '../../src/main/time/clock.ts';

const db = new Database(process.argv[2]!);
db.pragma('journal_mode = WAL');
const deps = { db, clock: fixedClock('2026-11-20T09:00:00.000Z'), settings: inMemorySettings() } as never;
const parts: [string, (b: never) => unknown][] = [
  ['followThrough', (b) => s.followThrough(db, b)],
  ['unreviewed', (b) => s.unreviewedImports(db, b)],
  ['replies', (b) => s.replyFigures(db, b)],
  ['cycles', (b) => s.cycleFigures(db, b)],
  ['promises', (b) => s.promiseFigures(db, b)],
  ['network', (b) => s.networkFigures(db, b)],
];
const times = new Map<string, number[]>();
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const b = insightsParams(deps, {}) as never;
  (times.get('params') ?? times.set('params', []).get('params')!).push(performance.now() - t0);
  for (const [name, f] of parts) {
    const t = process.cpuUsage();
    f(b);
    const used = process.cpuUsage(t);
    (times.get(name) ?? times.set(name, []).get(name)!).push((used.user + used.system) / 1000);
  }
}
for (const [k, v] of times)
  console.log(
    k.padEnd(14),
    v
      .slice(1)
      .sort((a, b) => a - b)[2]!
      .toFixed(1),
    'ms CPU',
  );
