import type { InsightsReport, ReplyRate } from './insights.ts';
// From the zod-free module: the renderer's Insights chunk downloads this CSV without zod.
import { REPLY_DIMENSIONS, WEEKDAY_KEYS } from './insights-constants.ts';

/**
 * The report's figures as CSV (RFC 4180, CRLF), one figure a row in long form, so a spreadsheet
 * can pivot it: measure, by (the breakdown, if any), key, metric, value. Pure, so the screen
 * downloads and `insights --csv` prints the same bytes. A rate too small to show is empty.
 */
export const INSIGHTS_CSV_HEADER = ['measure', 'by', 'key', 'metric', 'value'] as const;

type Cell = string | number | null;

/** Quotes what needs it; a cell a spreadsheet would run as a formula gets a leading quote (OWASP CSV injection). */
function cell(v: Cell): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function insightsCsv(r: InsightsReport): string {
  const rows: Cell[][] = [];
  const add = (measure: string, by: string, key: string, metric: string, value: Cell) =>
    rows.push([measure, by, key, metric, value]);
  add('period', '', 'from', 'day', r.period.from);
  add('period', '', 'to', 'day', r.period.to);
  add('period', '', 'timeZone', 'zone', r.period.timeZone);
  add('filters', '', 'tag', 'name', r.filters.tag);
  add('filters', '', 'eventId', 'id', r.filters.eventId);
  const ft = r.followThrough;
  for (const k of ['met', 'within24h', 'within48h', 'within7d', 'never'] as const)
    add('followThrough', '', k, 'people', ft[k]);
  add('followThrough', '', 'medianHours', 'hours', ft.medianHours);
  add('trend', '', 'baseline', 'everShare', r.trend.baseline);
  for (const w of r.trend.weeks) {
    for (const k of ['met', 'within48h', 'ever'] as const) add('trend', 'week', w.week, k, w[k]);
    add('trend', 'week', w.week, 'within48hShare', w.within48hShare);
    add('trend', 'week', w.week, 'everShare', w.everShare);
  }
  const rate = (by: string, key: string, x: ReplyRate) => {
    add('replyRate', by, key, 'sent', x.sent);
    add('replyRate', by, key, 'replied', x.replied);
    add('replyRate', by, key, 'rate', x.rate);
  };
  const weekOrder = new Map<string, number>(WEEKDAY_KEYS.map((k, i) => [k, i]));
  for (const by of REPLY_DIMENSIONS) {
    const keys = Object.keys(r.replyRate[by]).sort();
    if (by === 'weekday') keys.sort((a, b) => (weekOrder.get(a) ?? 9) - (weekOrder.get(b) ?? 9));
    for (const key of keys) rate(by, key, r.replyRate[by][key] as ReplyRate);
  }
  add('replyTime', '', 'replied', 'messages', r.replyTime.replied);
  add('replyTime', '', 'medianHours', 'hours', r.replyTime.medianHours);
  for (const [k, n] of Object.entries(r.cycles)) add('cycles', 'ending', k, 'cycles', n);
  for (const [k, n] of Object.entries(r.cycleTouches)) add('cycleTouches', 'touches', k, 'cycles', n);
  for (const [k, n] of Object.entries(r.promises.mine)) add('promises', 'mine', k, 'promises', n);
  for (const [k, n] of Object.entries(r.promises.theirs)) add('promises', 'theirs', k, 'promises', n);
  add('network', '', 'goingCold', 'people', r.network.goingCold);
  add('network', '', 'neverFollowedUp', 'people', r.network.neverFollowedUp);
  for (const w of r.network.backlog) add('network', 'backlogWeek', w.week, 'overdueSteps', w.overdue);
  add('excluded', '', 'unreviewedImports', 'people', r.excluded.unreviewedImports);
  return [INSIGHTS_CSV_HEADER, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
