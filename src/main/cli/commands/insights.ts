import type { Command } from 'commander';
import type { InsightsReport, ReplyRate } from '../../../shared/domain/insights.ts';
import { WEEKDAY_KEYS } from '../../../shared/domain/insights.ts';
import { insightsCsv } from '../../../shared/domain/insights-csv.ts';
import { printResult, table } from '../output.ts';
import type { CliSession } from '../session.ts';
import { positiveInt } from './options.ts';

interface InsightsOptions {
  from?: string;
  to?: string;
  tag?: string;
  event?: number;
  csv?: boolean;
}

const share = (n: number, of: number) => (of === 0 ? '–' : `${Math.round((n / of) * 100)}%`);
const rateText = (r: ReplyRate) => (r.rate === null ? 'too few to say' : `${Math.round(r.rate * 100)}%`);

const WEEKDAY_ORDER = new Map<string, number>(WEEKDAY_KEYS.map((k, i) => [k, i]));

function rateRows(map: Record<string, ReplyRate>): string[][] {
  return Object.entries(map)
    .sort(([a], [b]) => (WEEKDAY_ORDER.get(a) ?? 0) - (WEEKDAY_ORDER.get(b) ?? 0) || a.localeCompare(b))
    .map(([key, r]) => [key, String(r.sent), String(r.replied), rateText(r)]);
}

export function insightsText(r: InsightsReport): string {
  const ft = r.followThrough;
  const lines = [
    `Insights ${r.period.from ?? 'from the beginning'} to ${r.period.to} (${r.period.timeZone})`,
    '',
    `Follow-through: ${ft.met} people met`,
    table(
      ['FIRST MESSAGE', 'PEOPLE', 'SHARE'],
      [
        ['within 24 h', String(ft.within24h), share(ft.within24h, ft.met)],
        ['within 48 h', String(ft.within48h), share(ft.within48h, ft.met)],
        ['within 7 days', String(ft.within7d), share(ft.within7d, ft.met)],
        ['never', String(ft.never), share(ft.never, ft.met)],
      ],
    ),
    `Median time to the first message: ${ft.medianHours === null ? '–' : `${ft.medianHours} h`}`,
  ];
  if (r.excluded.unreviewedImports > 0)
    lines.push(`(${r.excluded.unreviewedImports} imported contacts not yet reviewed are left out)`);
  const weeks = r.trend.weeks.map((w) => [
    w.week,
    String(w.met),
    w.small ? `${w.within48h} (too few)` : share(w.within48h, w.met),
    w.small ? `${w.ever} (too few)` : share(w.ever, w.met),
  ]);
  if (weeks.length > 0)
    lines.push(
      '',
      `Week by week (baseline: under ${Math.round(r.trend.baseline * 100)}% ever followed up)`,
      table(['WEEK OF', 'MET', 'WITHIN 48 H', 'EVER'], weeks),
    );
  const rows = (['channel', 'purpose', 'pacing', 'weekday', 'hour', 'template'] as const).flatMap((by) =>
    rateRows(r.replyRate[by]).map(([k, ...rest]) => [`${by}: ${k}`, ...rest]),
  );
  lines.push('', 'Replies (within 14 days)');
  lines.push(rows.length === 0 ? 'No messages sent.' : table(['BY', 'SENT', 'REPLIED', 'RATE'], rows));
  if (r.replyTime.medianHours !== null) lines.push(`Median time to reply: ${r.replyTime.medianHours} h`);
  lines.push(
    '',
    `Cycles: ${Object.entries(r.cycles)
      .map(([k, n]) => `${k.replace('_', ' ')} ${n}`)
      .join(', ')}`,
    `Touches per cycle: ${Object.entries(r.cycleTouches)
      .map(([k, n]) => `${k}: ${n}`)
      .join(', ')}`,
    `My promises: kept on time ${r.promises.mine.keptOnTime}, late ${r.promises.mine.late}, open ${r.promises.mine.open}`,
    `Their promises: fulfilled ${r.promises.theirs.fulfilled}, nudged ${r.promises.theirs.nudged}, open ${r.promises.theirs.open}`,
    '',
    `Going cold: ${r.network.goingCold}; never followed up: ${r.network.neverFollowedUp}`,
    `Overdue steps at the end of each week: ${r.network.backlog.map((w) => w.overdue).join(' ') || '–'}`,
  );
  return lines.join('\n');
}

export function registerInsightsCommand(program: Command, session: () => CliSession): void {
  program
    .command('insights')
    .description('how well you follow through, and what gets replies')
    .option('--from <date>', 'first day of the period, YYYY-MM-DD')
    .option('--to <date>', 'last day of the period, YYYY-MM-DD (default: today)')
    .option('--tag <tag>', 'only people with this tag')
    .option('--event <id>', 'only people met at this event', positiveInt)
    .option('--csv', 'the figures as CSV (one a row: measure, by, key, metric, value)')
    .action(async (o: InsightsOptions) => {
      const s = session();
      const report = await s.call('insights.report', {
        from: o.from,
        to: o.to,
        tag: o.tag,
        eventId: o.event,
      });
      if (o.csv) process.stdout.write(insightsCsv(report));
      else printResult(s.options.json, report, () => insightsText(report));
    });
}
