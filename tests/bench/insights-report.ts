// The insights report over the whole seeded network, as the screen and `insights` ask it: part of
// npm run bench, and runnable alone (`node tests/bench/insights-report.ts DB`, seeding DB first
// when it does not exist).
import type { Dispatch } from '../../src/main/api/dispatch.ts';
import type { InsightsReport } from '../../src/shared/domain/insights.ts';
import { benchDatabaseArg, openSeededBench } from './seeded-bench.ts';
import { type BenchRow, formatTable, percentile, timeAsync } from './stats.ts';

export async function benchInsightsReport(
  context: { dispatch: Dispatch },
  record: (row: BenchRow) => void,
): Promise<void> {
  const first = await timeAsync(() => context.dispatch('insights.report', {}));
  if (!first.value.ok) throw new Error(`insights.report failed: ${first.value.error.message}`);
  const report = first.value.value as InsightsReport;
  const samples: number[] = [];
  for (let i = 0; i < 9; i++)
    samples.push((await timeAsync(() => context.dispatch('insights.report', {}))).ms);
  record({
    name: 'insights report, 50k seed (median)',
    value: percentile(samples, 50),
    unit: 'ms',
    target: 200,
    note: `first ${first.ms.toFixed(0)} ms, p95 ${percentile(samples, 95).toFixed(0)} ms; ${report.followThrough.met} met, ${report.replyRate.channel.email?.sent ?? 0} emails sent`,
  });
}

if (import.meta.main) {
  const context = openSeededBench(benchDatabaseArg('insights-report.ts'));
  const rows: BenchRow[] = [];
  await benchInsightsReport(context, (row) => rows.push(row));
  context.close();
  console.log(formatTable(rows));
}
