import type {
  BacklogWeek,
  CycleEndings,
  CycleTouches,
  PromiseFigures,
} from '../../shared/domain/insights.ts';
import { CYCLE_REPORT_ENDINGS, TOUCH_BUCKETS } from '../../shared/domain/insights.ts';
import type { Db } from './database.ts';
import { wholeNetworkReplies } from './insights-sent-counts.ts';
import {
  BACKLOG,
  type BoundParams,
  bind,
  CYCLE_OUTCOMES,
  dayStart,
  ensureFunctions,
  FIRST_BUCKETS,
  LOCAL_AT,
  LOCAL_DIMENSIONS,
  MINE_STATE,
  PROMISES,
  REPLY_KEYS,
  THEIRS_STATE,
  UNITS,
  UNREVIEWED,
} from './insights-sql.ts';
import { type WeekCounts, wholeNetworkCounts, wholeNetworkFollowThrough } from './insights-whole-network.ts';
import { EVER_OVERDUE, STEP_CLOSED, STEP_START } from './migrations/019-backlog-indexes.ts';
import { cached } from './statements.ts';

/**
 * The insights report's figures, read-only, in SQL: each counts the rows of a unit CTE of
 * insights-sql.ts, which insights-people-store.ts lists. Params come from insights-sql's bind().
 */

const countOf = (pred: string) => `coalesce(sum(${pred}), 0)`;
// The middle one or two of the sorted values, found by a sort that keeps only up to them (cheaper
// than numbering every row with window functions).
const median = (values: string) => {
  const n = `(SELECT count(*) FROM (${values}))`;
  return `(SELECT round(avg(h), 2) FROM (SELECT h FROM (${values}) ORDER BY h LIMIT 2 - ${n} % 2 OFFSET (${n} - 1) / 2))`;
};

export interface FollowThroughRow {
  met: number;
  within24h: number;
  within48h: number;
  within7d: number;
  never: number;
  medianHours: number | null;
}

export interface TrendRow {
  week: string;
  met: number;
  within48h: number;
  ever: number;
}

/** One pass over the people met: each week's counts (the totals are their sums) and the median. */
export function followThrough(db: Db, b: BoundParams): { totals: FollowThroughRow; weeks: TrendRow[] } {
  if (b.tag === null && b.eventId === null) return fromWeeks(wholeNetworkFollowThrough(db, b));
  const bucket = (k: string) => countOf(FIRST_BUCKETS.get(k) as string);
  const rows = cached<[BoundParams], TrendRow & Omit<FollowThroughRow, 'met' | 'within48h'>>(
    db,
    `WITH ${UNITS.MET.cte}
    SELECT week, count(*) AS met, ${bucket('within24h')} AS within24h, ${bucket('within48h')} AS within48h,
      ${bucket('within7d')} AS within7d, ${bucket('never')} AS never, ${bucket('ever')} AS ever, NULL AS medianHours
    FROM firsts GROUP BY week
    UNION ALL
    SELECT NULL, 0, 0, 0, 0, 0, 0,
      ${median(`SELECT max(0, (julianday(first_at) - julianday(moment)) * 24) AS h FROM firsts WHERE first_at IS NOT NULL`)}
    ORDER BY 1`,
  ).all(b);
  const totals: FollowThroughRow = {
    met: 0,
    within24h: 0,
    within48h: 0,
    within7d: 0,
    never: 0,
    medianHours: null,
  };
  const weeks: TrendRow[] = [];
  for (const row of rows) {
    if (row.week === null) {
      totals.medianHours = row.medianHours;
      continue;
    }
    for (const k of ['met', 'within24h', 'within48h', 'within7d', 'never'] as const) totals[k] += row[k];
    weeks.push({ week: row.week, met: row.met, within48h: row.within48h, ever: row.ever });
  }
  return { totals, weeks };
}

/** The report's follow-through from the whole network's weekly counts. */
function fromWeeks(ft: { weeks: WeekCounts[]; medianHours: number | null }): {
  totals: FollowThroughRow;
  weeks: TrendRow[];
} {
  const totals: FollowThroughRow = {
    met: 0,
    within24h: 0,
    within48h: 0,
    within7d: 0,
    never: 0,
    medianHours: ft.medianHours,
  };
  for (const w of ft.weeks)
    for (const k of ['met', 'within24h', 'within48h', 'within7d', 'never'] as const) totals[k] += w[k];
  return {
    totals,
    weeks: ft.weeks.map((w) => ({ week: w.week, met: w.met, within48h: w.within48h, ever: w.met - w.never })),
  };
}

export function unreviewedImports(db: Db, b: BoundParams): number {
  return cached<[BoundParams], { n: number }>(
    db,
    `WITH ${UNREVIEWED.cte} SELECT count(*) AS n FROM unreviewed`,
  ).get(b)?.n as number;
}

export interface ReplyRow {
  dim: string;
  key: string;
  sent: number;
  replied: number;
}

const replied = countOf('reply_at IS NOT NULL');
// Sorting the messages is most of the cost: they are grouped twice (by the keys that need no
// time zone, and by the hour sent), and each dimension is summed from those small groups.
const replySql = (sent: string) => `WITH ${sent},
  combos AS MATERIALIZED (
    SELECT channel, purpose, pacing, template, count(*) AS n, ${replied} AS r FROM sent
    GROUP BY channel, purpose, pacing, template
  ),
  buckets AS MATERIALIZED (
    SELECT ${LOCAL_AT} AS local_at, n, r FROM (SELECT bucket, count(*) AS n, ${replied} AS r FROM sent GROUP BY bucket)
  )
  ${[...REPLY_KEYS]
    .map(([dim, key]) => {
      const [from, k] = LOCAL_DIMENSIONS.has(dim) ? ['buckets', key('local_at')] : ['combos', key('')];
      return `SELECT '${dim}' AS dim, ${k} AS key, sum(n) AS sent, sum(r) AS replied FROM ${from} WHERE ${k} IS NOT NULL GROUP BY 2`;
    })
    .join('\nUNION ALL\n')}
  UNION ALL
  SELECT 'median', '', count(*), ${median(`SELECT (julianday(reply_at) - julianday(date)) * 24 AS h FROM sent WHERE reply_at IS NOT NULL`)}
  FROM sent WHERE reply_at IS NOT NULL`;

/** Reply counts by every dimension, and one 'median' row: sent = messages replied, replied = median hours. */
export function replyFigures(db: Db, b: BoundParams): ReplyRow[] {
  if (b.tag === null && b.eventId === null && b.stampLength === 13) return wholeNetworkReplies(db, b);
  return cached<[BoundParams], ReplyRow>(db, replySql(UNITS.SENT.cte)).all(b);
}

/** The same for a period and filters alone (the forecast reads the user's own reply rate so). */
export function replyCounts(
  db: Db,
  p: { from: string | null; to: string; zone: string; tag: string | null; eventId: number | null },
): ReplyRow[] {
  ensureFunctions(db);
  const toAt = dayStart(p.to, 1, p.zone);
  return replyFigures(db, bind({ ...p, defaultPacing: 'standard', now: toAt }, []));
}

/** The cycles by ending and by touches, from their few groups. */
export function cycleFigures(db: Db, b: BoundParams): { endings: CycleEndings; touches: CycleTouches } {
  const endings = Object.fromEntries(CYCLE_REPORT_ENDINGS.map((k) => [k, 0])) as CycleEndings;
  const touches = Object.fromEntries(TOUCH_BUCKETS.map((k) => [k, 0])) as CycleTouches;
  const endingCounts = new Map<string, number>(Object.entries(endings));
  const last = TOUCH_BUCKETS.length - 1;
  for (const g of cached<[BoundParams], { ending: string | null; touches: number; n: number }>(
    db,
    CYCLE_OUTCOMES,
  ).all(b)) {
    if (g.ending !== null && endingCounts.has(g.ending)) endings[g.ending as keyof CycleEndings] += g.n;
    touches[TOUCH_BUCKETS[Math.min(g.touches, last)] as keyof CycleTouches] += g.n;
  }
  return { endings, touches };
}

export function promiseFigures(db: Db, b: BoundParams): PromiseFigures {
  const cols = [
    ...[...MINE_STATE].map(([k, pred]) => `${countOf(pred)} AS mine_${k}`),
    ...[...THEIRS_STATE].map(([k, pred]) => `${countOf(pred)} AS theirs_${k}`),
  ];
  const r = cached<[BoundParams], Record<string, number>>(
    db,
    `WITH ${PROMISES.cte} SELECT ${cols.join(', ')} FROM prom`,
  ).get(b) as Record<string, number>;
  return {
    mine: { keptOnTime: r.mine_keptOnTime ?? 0, late: r.mine_late ?? 0, open: r.mine_open ?? 0 },
    theirs: { fulfilled: r.theirs_fulfilled ?? 0, nudged: r.theirs_nudged ?? 0, open: r.theirs_open ?? 0 },
  };
}

// Going cold and never written to read the same network: one pass over it counts both.
const NETWORK_COUNTS = `WITH ${UNITS.NETWORK.cte},
  ${UNITS.COLD.body}, ${UNITS.NEVER.body}
  SELECT (SELECT count(*) FROM cold) AS goingCold, (SELECT count(*) FROM never_written) AS neverFollowedUp`;

/**
 * The overdue count at the end of each backlog week: steps started before then, less those closed
 * before then (every step kept was closed after it started). With a tag or event filter, counted
 * here from the kept steps' two times sorted once (per week in SQL, it read every step twice a
 * week); without one, from migration 019's indexes, week by week.
 */
function backlogCounts(db: Db, b: BoundParams): BacklogWeek[] {
  const weeks = JSON.parse(b.weeks) as { week: string; endAt: string }[];
  if (b.tag === null && b.eventId === null) return backlogFromIndexes(db, weeks);
  const steps = cached<[BoundParams], [string, string | null]>(
    db,
    `WITH ${BACKLOG.cte} SELECT start, closed_at FROM steps`,
  )
    .raw()
    .all(b);
  const starts = steps.map((st) => st[0]).sort();
  const closes = steps.flatMap((st) => (st[1] === null ? [] : [st[1]])).sort();
  return weeks.map((w) => ({
    week: w.week,
    overdue: countBefore(starts, w.endAt) - countBefore(closes, w.endAt),
  }));
}

/**
 * Steps started, and closed, in each span between week ends (the first span from the beginning),
 * each a range of one of migration 019's indexes, all in one statement; the week's count is the
 * running difference. Unreviewed imports' steps are left out, as everywhere in the report.
 */
function backlogFromIndexes(db: Db, weeks: readonly { week: string; endAt: string }[]): BacklogWeek[] {
  if (weeks.length === 0) return [];
  const span = (index: string, at: string, i: number) =>
    `(SELECT count(*) FROM followups INDEXED BY ${index} WHERE ${EVER_OVERDUE}${index.endsWith('closes') ? ` AND ${at} IS NOT NULL` : ''}
      AND ${i === 0 ? '' : `${at} >= @e${i - 1} AND `}${at} < @e${i}
      AND contact_id NOT IN (SELECT id FROM contacts WHERE review_state IS NOT NULL))`;
  const sql = `SELECT ${weeks
    .flatMap((_, i) => [
      span('followups_backlog_starts', STEP_START, i),
      span('followups_backlog_closes', STEP_CLOSED, i),
    ])
    .join(',\n')}`;
  const ends = Object.fromEntries(weeks.map((w, i) => [`e${i}`, w.endAt]));
  const counts = cached<[Record<string, string>], number[]>(db, sql).raw().get(ends) as number[];
  let overdue = 0;
  return weeks.map((w, i) => {
    overdue += (counts[2 * i] as number) - (counts[2 * i + 1] as number);
    return { week: w.week, overdue };
  });
}

/** How many of the sorted `values` are before `at`. */
function countBefore(values: string[], at: string): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as string) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function networkFigures(
  db: Db,
  b: BoundParams,
): { goingCold: number; neverFollowedUp: number; backlog: BacklogWeek[] } {
  const counts =
    b.tag === null && b.eventId === null
      ? wholeNetworkCounts(db, b)
      : (cached<[BoundParams], { goingCold: number; neverFollowedUp: number }>(db, NETWORK_COUNTS).get(b) as {
          goingCold: number;
          neverFollowedUp: number;
        });
  return { ...counts, backlog: backlogCounts(db, b) };
}
