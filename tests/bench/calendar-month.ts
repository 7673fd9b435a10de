// The calendar's month query, as the month grid asks it: part of npm run bench, and runnable
// alone (`node tests/bench/calendar-month.ts DB`, seeding DB first when it does not exist).
import type { Dispatch } from '../../src/main/api/dispatch.ts';
import type { Db } from '../../src/main/store/database.ts';
import type { CalendarRange } from '../../src/shared/domain/calendar.ts';
import { MONTH_FOLLOW_UPS_PER_DAY } from '../../src/shared/domain/calendar-grid.ts';
import { benchDatabaseArg, openSeededBench } from './seeded-bench.ts';
import { type BenchRow, formatTable, percentile, timeAsync } from './stats.ts';

/**
 * November 2026's month grid (Monday first) runs from 26 October to 6 December; the screen asks
 * with done steps included and, in the grid, only as many follow-ups a day as a cell can open.
 */
const MONTH_QUERY = {
  from: '2026-10-26',
  to: '2026-12-06',
  includeDone: true,
  followUpsPerDay: MONTH_FOLLOW_UPS_PER_DAY,
};

export async function benchCalendarMonth(
  context: { db: Db; dispatch: Dispatch },
  record: (row: BenchRow) => void,
): Promise<void> {
  const month = await context.dispatch('calendar.range', MONTH_QUERY);
  if (!month.ok) throw new Error(`calendar.range failed: ${month.error.message}`);
  const { items, crowded } = month.value as CalendarRange;
  // What the grid covers: open steps due on its days, and steps done on them (UTC days: a note).
  const open = context.db
    .prepare(
      "SELECT count(*) FROM followups WHERE due_on BETWEEN ? AND ? AND status IN ('pending', 'snoozed')",
    )
    .pluck()
    .get(MONTH_QUERY.from, MONTH_QUERY.to) as number;
  const done = context.db
    .prepare(
      "SELECT count(*) FROM followups WHERE status = 'done' AND completed_at >= ? AND completed_at < ?",
    )
    .pluck()
    .get(MONTH_QUERY.from, '2026-12-07') as number;
  for (let i = 0; i < 20; i++) await context.dispatch('calendar.range', MONTH_QUERY);
  const samples: number[] = [];
  for (let i = 0; i < 200; i++)
    samples.push((await timeAsync(() => context.dispatch('calendar.range', MONTH_QUERY))).ms);
  record({
    name: 'calendar month range p95 (service layer)',
    value: percentile(samples, 95),
    unit: 'ms',
    target: 5,
    note: `p50 ${percentile(samples, 50).toFixed(2)} ms over ${samples.length} after warm-up; ${items.length} items of ${open} open and ${done} done follow-ups in the grid, ${crowded.length} crowded days capped at ${MONTH_FOLLOW_UPS_PER_DAY}`,
  });
}

if (import.meta.main) {
  const context = openSeededBench(benchDatabaseArg('calendar-month.ts'));
  const rows: BenchRow[] = [];
  await benchCalendarMonth(context, (row) => rows.push(row));
  context.close();
  console.log(formatTable(rows));
}
