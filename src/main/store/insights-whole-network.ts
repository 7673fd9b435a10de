import type { Db } from './database.ts';
import { type BoundParams, dayStart, mondayOf } from './insights-sql.ts';
import { cached } from './statements.ts';

/**
 * The follow-through and network measures over everyone (no tag or event filter), read from
 * migration 020's indexes: the same numbers as the units of insights-sql.ts, which the lists and
 * the filtered report still count, in a fraction of the time (the units join every person to
 * their meeting day and sort them by week; here each day's people are one range of an index).
 * tests/integration/insights check both ways agree.
 */

// The meeting days of the period: met_on, else (met_on unset) the local day the person was added.
const MET_DAYS = `SELECT DISTINCT met_on FROM contacts INDEXED BY contacts_met_for_insights
  WHERE review_state IS NULL AND (@from IS NULL OR met_on >= @from) AND met_on <= @to`;
const ADDED_DAYS = `SELECT day FROM (
    SELECT DISTINCT ft_local_day(created_at, @zone) AS day FROM contacts INDEXED BY contacts_added_for_insights
    WHERE review_state IS NULL AND met_on IS NULL)
  WHERE (@from IS NULL OR day >= @from) AND day <= @to`;

/**
 * Each meeting day with the instants its follow-through is measured against (the starts of the
 * day and of the days 1, 2, 3 and 8 after it) and its week (Monday), worked out once here and
 * handed to both statements as JSON: read in each statement by SQL calling into JavaScript, they
 * were found twice at some 7 calls a day, about a tenth of the measure's time.
 */
function dayList(days: string[], zone: string): string {
  return JSON.stringify(
    days.map((day) => [day, ...[0, 1, 2, 3, 8].map((n) => dayStart(day, n, zone)), mondayOf(day)]),
  );
}

const dayColumns = (
  list: string,
) => `SELECT json_extract(value, '$[0]') AS day, json_extract(value, '$[1]') AS d0,
    json_extract(value, '$[2]') AS d1, json_extract(value, '$[3]') AS d2, json_extract(value, '$[4]') AS d3,
    json_extract(value, '$[5]') AS d8, julianday(json_extract(value, '$[2]')) AS j1, json_extract(value, '$[6]') AS week
  FROM json_each(${list})`;

const DAYS = `met_days AS MATERIALIZED (${dayColumns('@metDays')}),
added_days AS MATERIALIZED (${dayColumns('@addedDays')})`;

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

// The hours from the end of each person's meeting day to my first message to them, unsorted: the
// middle is found in JavaScript (a typed array sorts 40,000 numbers in a few ms; SQLite's sorter
// took some 30 ms to keep the middle of them). The day's end is read as a Julian day once per day.
const FIRST_HOURS = `WITH ${DAYS}, firsts AS (
  ${[...PEOPLE_OF]
    .map(
      ([days, people]) =>
        `SELECT d.j1 AS moment, ${FIRST_AT} AS first_at FROM ${days} d JOIN ${people.from} ON ${people.on}`,
    )
    .join('\nUNION ALL\n')}
)
SELECT max(0, (julianday(first_at) - moment) * 24) FROM firsts WHERE first_at IS NOT NULL`;

/**
 * The median as the unit path's SQL gives it: the mean of the middle one or two, rounded by
 * SQLite's round(), whose decimal rounding JavaScript's arithmetic does not reproduce exactly.
 */
function medianOf(db: Db, values: Float64Array): number | null {
  const n = values.length;
  if (n === 0) return null;
  values.sort();
  const mid = (n - 1) >> 1;
  const mean =
    n % 2 === 1 ? (values[mid] as number) : ((values[mid] as number) + (values[mid + 1] as number)) / 2;
  return cached<[number], number>(db, 'SELECT round(?, 2)').pluck().get(mean) as number;
}

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
  const days = {
    ...b,
    metDays: dayList(cached<[BoundParams], string>(db, MET_DAYS).pluck().all(b), b.zone),
    addedDays: dayList(cached<[BoundParams], string>(db, ADDED_DAYS).pluck().all(b), b.zone),
  };
  for (const { week, counts } of cached<[typeof days], { week: string; counts: string }>(db, PER_DAY).all(
    days,
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
  const hours = Float64Array.from(cached<[typeof days], number>(db, FIRST_HOURS).pluck().all(days));
  return { weeks, medianHours: medianOf(db, hours) };
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
