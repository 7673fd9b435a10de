import { Temporal } from 'temporal-polyfill';
import type { Db } from './database.ts';
import type { BoundParams } from './insights-sql.ts';
import { LOCAL_DIMENSIONS, REPLY_KEYS } from './insights-sql.ts';
import { cached } from './statements.ts';

/**
 * The reply figures over everyone (no tag or event filter) in a zone whose offsets are whole
 * hours, read from migration 021's counts instead of the 150,000 messages of the 50,000-contact
 * seed. The whole UTC days inside the period come from insights_sent_days; the few hours before
 * the first and after the last (a local day starts at a UTC hour, not at UTC midnight) from the
 * messages themselves; the weekday and hour from insights_sent_hours, whose UTC hours are local
 * hours in such a zone. The rows are those of the unit path (insights-store's replySql), in the
 * same order; tests compare the two on the same data.
 */

interface SentBounds {
  daysFrom: string;
  daysTo: string;
  a1: string;
  a2: string;
  b1: string;
  b2: string;
  hoursFrom: string;
  hoursTo: string;
}

const MIDNIGHT = 'T00:00:00.000Z';

/** The whole UTC days of [fromAt, toAt) and the two spans around them. */
export function sentBounds(fromAt: string | null, toAt: string): SentBounds {
  const endDay = toAt.slice(0, 10);
  const hours = { hoursFrom: fromAt === null ? '' : fromAt.slice(0, 13), hoursTo: toAt.slice(0, 13) };
  if (fromAt === null)
    return { daysFrom: '', daysTo: endDay, a1: '', a2: '', b1: endDay + MIDNIGHT, b2: toAt, ...hours };
  const fromDay = fromAt.slice(0, 10);
  const firstDay =
    fromAt === fromDay + MIDNIGHT
      ? fromDay
      : new Date(Date.parse(fromDay + MIDNIGHT) + 86_400_000).toISOString().slice(0, 10);
  // A period inside one UTC day (or two partial ones): all from the messages.
  if (firstDay >= endDay) return { daysFrom: '', daysTo: '', a1: fromAt, a2: toAt, b1: '', b2: '', ...hours };
  return {
    daysFrom: firstDay,
    daysTo: endDay,
    a1: fromAt,
    a2: firstDay + MIDNIGHT,
    b1: endDay + MIDNIGHT,
    b2: toAt,
    ...hours,
  };
}

const TEMPLATE = `CASE WHEN o.draft_purpose IS NOT NULL AND o.draft_variant IS NOT NULL
  THEN o.draft_purpose || '/' || o.draft_variant ELSE '' END`;

/** The keys of the unit path's weekday and hour, from a local hour of the week. */
const OF_WEEK = new Map([
  [
    'weekday',
    `CASE of_week / 24 WHEN 1 THEN 'mon' WHEN 2 THEN 'tue' WHEN 3 THEN 'wed' WHEN 4 THEN 'thu'
       WHEN 5 THEN 'fri' WHEN 6 THEN 'sat' ELSE 'sun' END`,
  ],
  ['hour', `printf('%02d', of_week % 24)`],
]);

/**
 * The spans of [from, to) in which the zone's offset is one number of hours, as
 * [first UTC hour, UTC hour after, offset in hours]. An hour takes the offset at its start, as the
 * unit path reads a message's local time from its hour's start. Per span, not per hour: the local
 * time of each of the seed's 15,000 hours, worked out in JavaScript, was half of this part's time.
 */
export function offsetSpans(from: string, to: string, zone: string): [string, string, number][] {
  const spans: [string, string, number][] = [];
  const end = Date.parse(to);
  let at = Temporal.Instant.from(from).toZonedDateTimeISO(zone);
  while (at.epochMilliseconds < end) {
    const next = at.getTimeZoneTransition('next');
    const until = next === null ? end : Math.min(end, Math.ceil(next.epochMilliseconds / HOUR_MS) * HOUR_MS);
    spans.push([hourOf(at.epochMilliseconds), hourOf(until), at.offsetNanoseconds / 3.6e12]);
    if (next === null || until >= end) break;
    at = Temporal.Instant.fromEpochMilliseconds(until).toZonedDateTimeISO(zone);
  }
  return spans;
}

const HOUR_MS = 3_600_000;
const hourOf = (ms: number) => new Date(ms).toISOString().slice(0, 13);

/** The messages of one span around the whole days, each counted once. */
const SPAN = (
  s: string,
) => `SELECT o.channel, coalesce(o.step_purpose, 'unplanned'), ${TEMPLATE}, c.insights_pacing, 1,
      o.reply_at IS NOT NULL
    FROM interactions o INDEXED BY interactions_outbound_by_time JOIN contacts c ON c.id = o.contact_id
    WHERE o.direction = 'outbound' AND o.occurred_at >= @${s}1 AND o.occurred_at < @${s}2 AND c.insights_pacing IS NOT NULL`;

const COUNTS = `WITH counted AS (
    SELECT channel, purpose, template, pacing, sent, replied FROM insights_sent_days
    WHERE day >= @daysFrom AND day < @daysTo
    UNION ALL
    ${['a', 'b'].map((s) => SPAN(s)).join('\n    UNION ALL\n')}
  ),
  combos AS MATERIALIZED (
    SELECT channel, purpose, pacing, template, sum(n) AS n, sum(r) AS r FROM (
      SELECT channel, purpose, CASE WHEN pacing = '' THEN @defaultPacing ELSE pacing END AS pacing,
        nullif(template, '') AS template, sent AS n, replied AS r FROM counted)
    GROUP BY channel, purpose, pacing, template HAVING sum(n) > 0
  ),
  -- Each UTC hour's local hour of the week (0 = Sunday 00:00), from the offset of the span it is in.
  buckets AS MATERIALIZED (
    SELECT (CAST(strftime('%w', substr(h.hour, 1, 10)) AS INTEGER) * 24 + CAST(substr(h.hour, 12, 2) AS INTEGER)
            + s.hours + 168) % 168 AS of_week, sum(h.sent) AS n, sum(h.replied) AS r
    FROM (SELECT json_extract(value, '$[0]') AS lo, json_extract(value, '$[1]') AS hi, json_extract(value, '$[2]') AS hours
          FROM json_each(@spans)) s
    JOIN insights_sent_hours h ON h.hour >= s.lo AND h.hour < s.hi
    WHERE h.sent > 0 GROUP BY 1
  )
  ${[...REPLY_KEYS]
    .map(([dim, key]) => {
      const [from, k] = LOCAL_DIMENSIONS.has(dim)
        ? ['buckets', OF_WEEK.get(dim) as string]
        : ['combos', key('')];
      return `SELECT '${dim}' AS dim, ${k} AS key, sum(n) AS sent, sum(r) AS replied FROM ${from} WHERE ${k} IS NOT NULL GROUP BY 2`;
    })
    .join('\nUNION ALL\n')}`;

// The middle one or two answer delays, walked to in the index of them (migration 021), whose
// order is the delay's: no sort. The unit path sorts the hours, the same order.
const MEDIAN = `SELECT round(avg(h), 2) AS hours FROM (
  SELECT (julianday(reply_at) - julianday(occurred_at)) * 24 AS h
  FROM interactions INDEXED BY interactions_reply_delay
  WHERE direction = 'outbound' AND reply_at IS NOT NULL
    AND (@fromAt IS NULL OR occurred_at >= @fromAt) AND occurred_at < @toAt
    AND contact_id NOT IN (SELECT id FROM contacts WHERE review_state IS NOT NULL)
  ORDER BY julianday(reply_at) - julianday(occurred_at)
  LIMIT 2 - CAST(@n AS INTEGER) % 2 OFFSET (CAST(@n AS INTEGER) - 1) / 2)`;

interface Row {
  dim: string;
  key: string;
  sent: number;
  replied: number;
}

/** The reply rows of the unit path, from the counts; only for b.stampLength 13 and no filter. */
export function wholeNetworkReplies(db: Db, b: BoundParams): Row[] {
  const first =
    b.fromAt ??
    cached<[], { hour: string | null }>(db, 'SELECT min(hour) AS hour FROM insights_sent_hours').get()?.hour;
  const spans = first ? offsetSpans(first.length === 13 ? `${first}:00:00.000Z` : first, b.toAt, b.zone) : [];
  const params = {
    ...sentBounds(b.fromAt, b.toAt),
    defaultPacing: b.defaultPacing,
    spans: JSON.stringify(spans),
  };
  const rows = cached<[typeof params], Row>(db, COUNTS).all(params);
  let n = 0;
  for (const row of rows) if (row.dim === 'channel') n += row.replied;
  const hours =
    n === 0
      ? null
      : (cached<[{ fromAt: string | null; toAt: string; n: number }], { hours: number | null }>(
          db,
          MEDIAN,
        ).get({
          fromAt: b.fromAt,
          toAt: b.toAt,
          n,
        })?.hours ?? null);
  rows.push({ dim: 'median', key: '', sent: n, replied: hours as number });
  return rows;
}
