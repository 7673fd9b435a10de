// Issue 14's calendar target against a real Radicale: the first push of STEPS follow-ups to an
// empty calendar, then an incremental pass with nothing changed, with the server's own share of
// the time (the wall clock spent waiting for its answers). Runnable alone:
// `node tests/bench/calendar-sync.ts [STEPS]` (default 10,000; a temp database, seeded here).
import diagnostics from 'node:diagnostics_channel';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppContext } from '../../src/main/app/context.ts';
import { seedDatabase } from '../../src/main/seed/seed-database.ts';
import { inMemorySettings } from '../../src/main/settings/settings-store.ts';
import { fixedClock } from '../../src/main/time/clock.ts';
import type { SyncRunResult } from '../../src/shared/domain/sync.ts';
import { startRadicale } from '../helpers/radicale.ts';
import { BENCH_NOW } from './seeded-bench.ts';
import { type BenchRow, formatTable, timeAsync } from './stats.ts';

const PASSWORD = 'bench-dav-pw-4Kd';
const VARIABLE = 'FT_BENCH_DAV_PASSWORD';

/**
 * Sums the time from each HTTP request's start to its answer's end: the server's share (and the
 * loopback's). Read from node:http's diagnostics channels, which the DAV session's client uses.
 * Each request's method and time are kept too, so a row can name the one that took longest.
 */
export function measureServer(): {
  ms: () => number;
  requests: () => number;
  each: () => readonly { method: string; ms: number }[];
  restore: () => void;
} {
  const started = new WeakMap<object, number>();
  const each: { method: string; ms: number }[] = [];
  let waited = 0;
  const onStart = (message: unknown) => {
    started.set((message as { request: object }).request, performance.now());
  };
  const onFinish = (message: unknown) => {
    const request = (message as { request: { method?: string } }).request;
    const at = started.get(request);
    if (at === undefined) return;
    const ms = performance.now() - at;
    waited += ms;
    each.push({ method: request.method ?? '?', ms });
  };
  diagnostics.subscribe('http.client.request.start', onStart);
  diagnostics.subscribe('http.client.response.finish', onFinish);
  return {
    ms: () => waited,
    requests: () => each.length,
    each: () => each,
    restore: () => {
      diagnostics.unsubscribe('http.client.request.start', onStart);
      diagnostics.unsubscribe('http.client.response.finish', onFinish);
    },
  };
}

export async function benchCalendarSync(steps: number, record: (row: BenchRow) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ft-bench-caldav-'));
  // A budget high enough that the plan places every step within the year the calendar holds.
  const context = openAppContext({
    shell: 'cli',
    dataDir: dir,
    databasePath: join(dir, 'followthrough.db'),
    settings: inMemorySettings({
      timeZone: 'Europe/Berlin',
      caps: { minGapDays: 3, maxPer30Days: 4, dailyBudget: 200 },
    }),
    clock: fixedClock(BENCH_NOW),
  });
  const server = await startRadicale(dir, { users: { bench: PASSWORD } });
  const meter = measureServer();
  try {
    // The seed leaves about one open step per four or five contacts.
    seedDatabase(
      context.db,
      { contacts: Math.ceil(steps * 5), interactionsPerContact: 2, seed: 7, now: new Date(BENCH_NOW) },
      () => {},
      { settings: context.settings },
    );
    // Exactly `steps` open steps: the rest are closed before any account exists (nothing queued).
    context.db
      .prepare(
        `UPDATE followups SET status = 'cancelled' WHERE status IN ('pending', 'snoozed') AND id NOT IN
           (SELECT id FROM followups WHERE status IN ('pending', 'snoozed') ORDER BY due_at, id LIMIT ?)`,
      )
      .run(steps);
    process.env[VARIABLE] = PASSWORD;
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const reply = await context.dispatch(method, input);
      if (!reply.ok) throw new Error(`${method} failed: ${reply.error.message}`);
      return reply.value as T;
    };
    await call('sync.accounts.add', {
      url: `${server.base}/`,
      user: 'bench',
      credential: { kind: 'env', variable: VARIABLE },
    });
    const before = { ms: meter.ms(), n: meter.requests() };
    const cpuBefore = process.cpuUsage();
    const first = await timeAsync(() => call<SyncRunResult>('sync.run', {}));
    const cpu = process.cpuUsage(cpuBefore);
    if (first.value.errors.length > 0) throw new Error(`sync failed: ${first.value.errors[0]}`);
    const serverMs = meter.ms() - before.ms;
    record({
      name: `calendar first push, ${first.value.pushed.toLocaleString('en')} events to Radicale`,
      value: first.ms,
      unit: 'ms',
      note: `server's share ${((serverMs / first.ms) * 100).toFixed(0)}% (${(serverMs / 1000).toFixed(1)} s waiting on ${meter.requests() - before.n} requests); ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU in this process; ${first.value.pending} left`,
    });
    const quiet = { ms: meter.ms(), n: meter.requests() };
    const again = await timeAsync(() => call<SyncRunResult>('sync.run', {}));
    if (again.value.pushed !== 0) throw new Error(`an incremental pass pushed ${again.value.pushed}`);
    record({
      name: `calendar incremental pass, nothing changed, ${first.value.pushed.toLocaleString('en')} events`,
      value: again.ms,
      unit: 'ms',
      target: 1000,
      note: `server's share ${(((meter.ms() - quiet.ms) / again.ms) * 100).toFixed(0)}% over ${meter.requests() - quiet.n} requests (sync-collection); the rest is planning and hashing the year`,
    });
  } finally {
    meter.restore();
    await server.stop();
    context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const rows: BenchRow[] = [];
  await benchCalendarSync(Number(process.argv[2] ?? 10_000), (row) => rows.push(row));
  console.log(formatTable(rows));
}
