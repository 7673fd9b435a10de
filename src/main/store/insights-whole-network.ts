import type { Db } from './database.ts';
import type { BoundParams } from './insights-sql.ts';
import { cached } from './statements.ts';

/**
 * The follow-through and network measures over everyone (no tag or event filter), read from
 * migration 020's indexes: the same numbers as the units of insights-sql.ts, which the lists and
 * the filtered report still count, in a fraction of the time (the units join every person to
 * their meeting day and sort them by week; here each day's people are one range of an index).
 * tests/integration/insights check both ways agree.
 */

/** The instants a local day's follow-through is measured against, and its week (Monday). */
const DAY_STARTS = `ft_day_start(day, 0, @zone) AS d0, ft_day_start(day, 1, @zone) AS d1,
  ft_day_start(day, 2, @zone) AS d2, ft_day_start(day, 3, @zone) AS d3, ft_day_start(day, 8, @zone) AS d8,
  julianday(ft_day_start(day, 1, @zone)) AS j1, date(day, 'weekday 0', '-6 days') AS week`;

// The meeting days of the period: met_on, else (met_on unset) the local day the person was added.
const DAYS = `met_days AS MATERIALIZED (
  SELECT day, ${DAY_STARTS} FROM (
    SELECT DISTINCT met_on AS day FROM contacts INDEXED BY contacts_met_for_insights
    WHERE review_state IS NULL AND (@from IS NULL OR met_on >= @from) AND met_on <= @to)
),
added_days AS MATERIALIZED (
  SELECT day, ${DAY_STARTS} FROM (
    SELECT DISTINCT ft_local_day(created_at, @zone) AS day FROM contacts INDEXED BY contacts_added_for_insights
    WHERE review_state IS NULL AND met_on IS NULL)
  WHERE (@from IS NULL OR day >= @from) AND day <= @to
)`;

/** A day's people, c, for a row d of met_days or added_days: the index range, as a join condition. */
const PEOPLE_OF = new Map([
  [
    'met_days',
    {
      from: 'contacts c INDEXED BY contacts_met_for_insights',
      on: 'c.met_on = d.day AND c.review_state IS NULL',
    },
  ],
  [
    'added_days',
    {
      from: 'contacts c INDEXED BY contacts_added_for_insights',
      on: 'c.created_at >= d.d0 AND c.created_at < d.d1 AND c.met_on IS NULL AND c.review_state IS NULL',
    },
  ],
]);

/** My first message to c on or after their meeting day d (as the MET unit's first_at). */
const FIRST_AT = `CASE WHEN c.first_outbound_at IS NULL THEN NULL
  WHEN c.first_outbound_at >= d.d0 THEN c.first_outbound_at
  ELSE (SELECT min(i.occurred_at) FROM interactions i
        WHERE i.contact_id = c.id AND i.direction = 'outbound' AND i.occurred_at >= d.d0) END`;

// Each day's counts in one pass over its people, in order, with no sort: met, within 24 h, 48 h
// and a week, never. (A scalar subquery gives one value: the five travel as a JSON array.)
const PER_DAY = `WITH ${DAYS}
  ${[...PEOPLE_OF]
    .map(
      ([
        days,
        people,
      ]) => `SELECT d.week, (SELECT json_array(count(*), sum(f < d.d2), sum(f < d.d3), sum(f < d.d8), sum(f IS NULL))
        FROM (SELECT ${FIRST_AT} AS f FROM ${people.from} WHERE ${people.on})) AS counts FROM ${days} d`,
    )
    .join('\nUNION ALL\n')}`;

// The middle one or two of the hours from the end of the meeting day to the first message; @n is
// how many people got one. The day's end is read as a Julian day once per day, not per person.
const MEDIAN = `WITH ${DAYS}, firsts AS (
  ${[...PEOPLE_OF]
    .map(
      ([days, people]) =>
        `SELECT d.j1 AS moment, ${FIRST_AT} AS first_at FROM ${days} d JOIN ${people.from} ON ${people.on}`,
    )
    .join('\nUNION ALL\n')}
)
SELECT round(avg(h), 2) FROM (
  SELECT max(0, (julianday(first_at) - moment) * 24) AS h FROM firsts WHERE first_at IS NOT NULL
  ORDER BY h LIMIT 2 - CAST(@n AS INTEGER) % 2 OFFSET (CAST(@n AS INTEGER) - 1) / 2)`;

export interface WeekCounts {
  week: string;
  met: number;
  within24h: number;
  within48h: number;
  within7d: number;
  never: number;
}

/** Each week's follow-through counts (weeks in order), and the median hours to a first message. */
export function wholeNetworkFollowThrough(
  db: Db,
  b: BoundParams,
): { weeks: WeekCounts[]; medianHours: number | null } {
  const byWeek = new Map<string, WeekCounts>();
  for (const { week, counts } of cached<[BoundParams], { week: string; counts: string }>(db, PER_DAY).all(
    b,
  )) {
    const [met, within24h, within48h, within7d, never] = (JSON.parse(counts) as (number | null)[]).map(
      (n) => n ?? 0,
    ) as [number, number, number, number, number];
    const into = byWeek.get(week) ?? { week, met: 0, within24h: 0, within48h: 0, within7d: 0, never: 0 };
    into.met += met;
    into.within24h += within24h;
    into.within48h += within48h;
    into.within7d += within7d;
    into.never += never;
    byWeek.set(week, into);
  }
  const weeks = [...byWeek.values()].sort((x, y) => (x.week < y.week ? -1 : 1));
  const n = weeks.reduce((sum, w) => sum + w.met - w.never, 0);
  const medianHours =
    n === 0
      ? null
      : (cached<[BoundParams & { n: number }], number | null>(db, MEDIAN)
          .pluck()
          .get({ ...b, n }) ?? null);
  return { weeks, medianHours };
}

// Going cold: written to before the period's end, and nothing either way in its last days (the
// last interaction before the end: the stored one, unless it is after the end). Never followed
// up: no message from me before the end. Both over the reviewed, unarchived people added by then.
const NETWORK = `SELECT
  (SELECT coalesce(sum(CASE WHEN c.last_interaction_at < @coldSince THEN 1
      WHEN c.last_interaction_at >= @toAt OR c.last_interaction_at IS NULL THEN
        (SELECT max(i.occurred_at) FROM interactions i WHERE i.contact_id = c.id AND i.occurred_at < @toAt) < @coldSince
      ELSE 0 END), 0)
   FROM contacts c INDEXED BY contacts_network_for_insights
   WHERE c.review_state IS NULL AND c.archived_at IS NULL AND c.first_outbound_at < @toAt AND c.created_at < @toAt
  ) AS goingCold,
  (SELECT count(*) FROM contacts c INDEXED BY contacts_network_for_insights
   WHERE c.review_state IS NULL AND c.archived_at IS NULL AND c.created_at < @toAt
     AND (c.first_outbound_at IS NULL OR c.first_outbound_at >= @toAt)
  ) AS neverFollowedUp`;

export function wholeNetworkCounts(db: Db, b: BoundParams): { goingCold: number; neverFollowedUp: number } {
  return cached<[BoundParams], { goingCold: number; neverFollowedUp: number }>(db, NETWORK).get(b) as {
    goingCold: number;
    neverFollowedUp: number;
  };
}
