// A 30-day forecast over the 50,000-contact seed, as the Insights screen asks it (issue 13's
// target: under 5 s). Part of npm run bench, and runnable alone:
// `node tests/bench/forecast.ts DB` (seeding DB first when it does not exist).
import type { Dispatch } from '../../src/main/api/dispatch.ts';
import type { Forecast } from '../../src/shared/domain/forecast.ts';
import { benchDatabaseArg, openSeededBench } from './seeded-bench.ts';
import { type BenchRow, formatTable, percentile, timeAsync } from './stats.ts';

export async function benchForecast(
  context: { dispatch: Dispatch },
  record: (row: BenchRow) => void,
): Promise<void> {
  const samples: number[] = [];
  let last: Forecast | null = null;
  // Three runs: the first also warms the statement caches of the copy's code paths.
  for (let i = 0; i < 3; i++) {
    const t = await timeAsync(() => context.dispatch('insights.forecast', { days: 30 }));
    if (!t.value.ok) throw new Error(`insights.forecast failed: ${t.value.error.message}`);
    last = t.value.value as Forecast;
    samples.push(t.ms);
  }
  const s = last!.summary;
  record({
    name: 'forecast 30 days (handler, median of 3)',
    value: percentile(samples, 50),
    unit: 'ms',
    target: 5000,
    note: `slowest ${Math.max(...samples).toFixed(0)} ms; ${s.totalDone} prompts done, ${s.newContacts} new people, ${s.daysOverBudget} days over budget, reply rate ${last!.assumptions.replyRate.value} (${last!.assumptions.replyRate.source})`,
  });
}

if (import.meta.main) {
  const context = openSeededBench(benchDatabaseArg('forecast.ts'));
  const rows: BenchRow[] = [];
  await benchForecast(context, (row) => rows.push(row));
  context.close();
  console.log(formatTable(rows));
}
