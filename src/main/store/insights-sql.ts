import { Temporal } from 'temporal-polyfill';
import { GOING_COLD_DAYS } from '../../shared/domain/insights.ts';
import type { Db } from './database.ts';

/**
 * The units every insights measure counts (people met, messages sent, cycles, promises, steps),
 * each as one SQL CTE shared by the report, which counts its rows, and by insights.people, which
 * lists them: so a number and the list behind it cannot disagree. SQLite knows no time zones, so
 * deterministic functions bring the user's zone in: ft_local_day(instant, zone) is the local day
 * of an instant, ft_local_stamp(instant, zone) its local 'YYYY-MM-DDTHH:MM', and
 * ft_day_start(day, n, zone) the instant local midnight starts the day n days after `day`
 * (Temporal, so a 23- or 25-hour DST day is still one day). README "Insights" defines each measure.
 */
export interface InsightsParams {
  /** Local days, inclusive; from null = since the beginning. */
  from: string | null;
  to: string;
  zone: string;
  tag: string | null;
  eventId: number | null;
  /** The pacing preset of a contact whose own and whose tags' are unset (Settings). */
  defaultPacing: string;
  /** The clock's now: a step is not overdue before it. */
  now: string;
}

export interface BoundParams extends InsightsParams {
  fromAt: string | null;
  toAt: string;
  /** No interaction since this instant: going cold (the last GOING_COLD_DAYS local days of the period). */
  coldSince: string;
  /** The backlog's weeks as JSON [{week, endAt}]. */
  weeks: string;
  /** How much of an ISO instant makes a bucket of the same local hour: 13 (the UTC hour), or 16 (the minute). */
  stampLength: number;
}

const registered = new WeakSet<Db>();
const dayStarts = new Map<string, string>();

export function dayStart(day: string, offsetDays: number, zone: string): string {
  const key = `${day}|${offsetDays}|${zone}`;
  let at = dayStarts.get(key);
  if (at === undefined) {
    const zoned = Temporal.PlainDate.from(day).add({ days: offsetDays }).toZonedDateTime({ timeZone: zone });
    at = new Date(zoned.epochMilliseconds).toISOString();
    if (dayStarts.size > 100_000) dayStarts.clear();
    dayStarts.set(key, at);
  }
  return at;
}

const HOUR_MS = 3_600_000;
const offsets = new Map<string, number>();
const offsetAt = (ms: number, zone: string) =>
  Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).offsetNanoseconds / 1e6;

/**
 * The local wall-clock time of an instant, 'YYYY-MM-DDTHH:MM'. Called once per message on a
 * 50,000-contact network, so the zone's offset is kept per UTC hour (Temporal each time was most
 * of the report's time); an hour in which the offset changes (a :30 zone's DST) is not kept.
 */
export function localStamp(iso: string, zone: string): string {
  const ms = Date.parse(iso);
  const hourStart = Math.floor(ms / HOUR_MS) * HOUR_MS;
  const key = `${zone}|${hourStart}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = offsetAt(ms, zone);
    if (offsetAt(hourStart, zone) === offset && offsetAt(hourStart + HOUR_MS - 1, zone) === offset) {
      if (offsets.size > 200_000) offsets.clear();
      offsets.set(key, offset);
    }
  }
  return new Date(ms + offset).toISOString().slice(0, 16);
}

export function ensureFunctions(db: Db): void {
  if (registered.has(db)) return;
  db.function('ft_local_day', { deterministic: true }, (iso: unknown, zone: unknown) =>
    typeof iso === 'string' ? localStamp(iso, String(zone)).slice(0, 10) : null,
  );
  db.function('ft_local_stamp', { deterministic: true }, (iso: unknown, zone: unknown) =>
    typeof iso === 'string' ? localStamp(iso, String(zone)) : null,
  );
  db.function('ft_day_start', { deterministic: true }, (day: unknown, n: unknown, zone: unknown) =>
    typeof day === 'string' ? dayStart(day, Number(n), String(zone)) : null,
  );
  registered.add(db);
}

/** The Monday on or before a local day. */
export function mondayOf(day: string): string {
  const d = Temporal.PlainDate.from(day);
  return d.subtract({ days: d.dayOfWeek - 1 }).toString();
}

/** Whether the zone's offsets around `day` are whole hours (then a UTC hour is one local hour). */
function wholeHours(zone: string, day: string): boolean {
  const year = Number(day.slice(0, 4));
  return [1, 4, 7, 10].every((month) => {
    const ms = Date.UTC(year, month - 1, 1);
    return offsetAt(ms, zone) % HOUR_MS === 0;
  });
}

export function bind(p: InsightsParams, backlogWeeks: { week: string; endAt: string }[]): BoundParams {
  return {
    ...p,
    fromAt: p.from === null ? null : dayStart(p.from, 0, p.zone),
    toAt: dayStart(p.to, 1, p.zone),
    coldSince: dayStart(p.to, 1 - GOING_COLD_DAYS, p.zone),
    weeks: JSON.stringify(backlogWeeks),
    stampLength: wholeHours(p.zone, p.to) ? 13 : 16,
  };
}

// The people the filters keep (by tag, by event), imported contacts not yet reviewed included:
// each measure leaves them out itself so the follow-through can count them apart.
const scope = (firstOut: boolean) => `scope AS (
  SELECT c.id, c.display_name, c.review_state, c.met_on, c.created_at, c.archived_at, c.pacing, c.last_interaction_at${firstOut ? ', c.first_outbound_at AS first_out' : ''}
  FROM contacts c
  WHERE (@eventId IS NULL OR c.met_event_id = @eventId)
    AND (@tag IS NULL OR EXISTS (SELECT 1 FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
                                 WHERE ct.contact_id = c.id AND t.name = @tag))
)`;
const SCOPE = scope(false);

/**
 * Whether a row's contact is a reviewed person the filters keep. Without a tag or event filter
 * that is "not an unreviewed import": a search in the set of those, usually empty (building the
 * set of all 50,000 people kept cost ~45 ms a measure on the seed). With a filter, a search in the
 * set of the kept people's ids, built once: joining each cycle or step to its contact row read a
 * wide row per cycle, and the unary + keeps SQLite from driving the search from the contact's
 * index instead. CASE evaluates only the branch it takes, so only that set is built.
 */
const IN_SCOPE = (contactId: string) => `CASE WHEN @tag IS NULL AND @eventId IS NULL
  THEN ${contactId} NOT IN (SELECT id FROM contacts WHERE review_state IS NOT NULL)
  ELSE +${contactId} IN (SELECT id FROM scope WHERE review_state IS NULL) END`;

/** A unit of counting: its CTE (after WITH), the table it leaves, and the date a list shows. */
export interface Unit {
  cte: string;
  table: string;
  /** Columns: contact_id, date, and a stable order key `ord` (a list takes names from contacts). */
}

// The meeting day is met_on, else the local day the contact was created. The meeting moment is
// the end of that day (the first message may come any time on the day itself: 0 hours). The
// day starts are worked out once per distinct day, not per person.
// My first message to a person after meeting them: with 016, their first message ever when that
// is on or after the meeting day (nearly always), a search only when I wrote to them before.
const MET: Unit = {
  table: 'firsts',
  cte: `${scope(true)},
met AS MATERIALIZED (
  SELECT id, display_name, review_state, met_day, first_out FROM (
    SELECT id, display_name, review_state, coalesce(met_on, ft_local_day(created_at, @zone)) AS met_day, first_out FROM scope
  ) WHERE (@from IS NULL OR met_day >= @from) AND met_day <= @to
),
days AS MATERIALIZED (
  SELECT met_day, ft_day_start(met_day, 0, @zone) AS d0, ft_day_start(met_day, 1, @zone) AS d1,
    ft_day_start(met_day, 2, @zone) AS d2, ft_day_start(met_day, 3, @zone) AS d3,
    ft_day_start(met_day, 8, @zone) AS d8, date(met_day, 'weekday 0', '-6 days') AS week
  FROM (SELECT DISTINCT met_day FROM met WHERE review_state IS NULL)
),
firsts AS MATERIALIZED (
  SELECT m.id AS contact_id, m.display_name AS name, m.met_day AS date, m.id AS ord, d.week,
    d.d1 AS moment, d.d2, d.d3, d.d8,
    CASE WHEN m.first_out IS NULL THEN NULL WHEN m.first_out >= d.d0 THEN m.first_out ELSE (SELECT min(i.occurred_at) FROM interactions i
      WHERE i.contact_id = m.id AND i.direction = 'outbound' AND i.occurred_at >= d.d0) END AS first_at
  -- CROSS JOIN: each person finds their day among the few distinct days (an automatic index of
  -- those), rather than each day among all the people (which indexed every person first).
  FROM met m CROSS JOIN days d ON d.met_day = m.met_day WHERE m.review_state IS NULL
)`,
};

/** Follow-through buckets, as predicates on a row of MET. */
export const FIRST_BUCKETS = new Map<string, string>([
  ['met', '1'],
  ['within24h', 'first_at < d2'],
  ['within48h', 'first_at < d3'],
  ['within7d', 'first_at < d8'],
  ['never', 'first_at IS NULL'],
  ['ever', 'first_at IS NOT NULL'],
]);

export const UNREVIEWED: Unit = {
  table: 'unreviewed',
  cte: `${SCOPE},
unreviewed AS (
  SELECT id AS contact_id, display_name AS name, met_day AS date, id AS ord FROM (
    SELECT id, display_name, coalesce(met_on, ft_local_day(created_at, @zone)) AS met_day FROM scope
    WHERE review_state = 'imported'
  ) WHERE met_day BETWEEN coalesce(@from, '') AND @to
)`,
};

/**
 * Outbound messages sent in the period, each replied when the contact wrote back after it, within
 * 14 days and before my next message to them (a reply answers the last message before it; at the
 * same instant, my message comes first). The purpose is that of the completed follow-up the
 * message was logged for, else 'unplanned'; the pacing the contact's, else their first tag's (by
 * name, as the engine reads it), else the default. The answer and the step's purpose are stored on
 * the message (migration 016's reply_at and step_purpose, read from interactions_by_contact_direction
 * with the rest). `bucket` is the UTC hour sent (the minute in
 * a zone whose offset is not whole hours): the local weekday and hour are worked out once per
 * bucket, not per message.
 */
const SENT: Unit = {
  table: 'sent',
  cte: `${scope(true)},
people AS MATERIALIZED (
  SELECT id,
    coalesce(pacing, (SELECT t.pacing FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
                      WHERE ct.contact_id = scope.id AND t.pacing IS NOT NULL ORDER BY t.name LIMIT 1),
             @defaultPacing) AS pacing
  FROM scope WHERE review_state IS NULL
),
sent AS MATERIALIZED (
    SELECT o.contact_id, o.occurred_at AS date, o.id AS ord, o.channel, p.pacing,
      coalesce(o.step_purpose, 'unplanned') AS purpose,
      CASE WHEN o.draft_purpose IS NOT NULL AND o.draft_variant IS NOT NULL
           THEN o.draft_purpose || '/' || o.draft_variant END AS template,
      substr(o.occurred_at, 1, @stampLength) AS bucket,
      o.reply_at AS reply_at
    -- CROSS JOIN keeps people outside: each person's messages are one search in the index.
    FROM people p CROSS JOIN interactions o ON o.contact_id = p.id AND o.direction = 'outbound'
    WHERE (@fromAt IS NULL OR o.occurred_at >= @fromAt) AND o.occurred_at < @toAt
)`,
};

/** The local 'YYYY-MM-DDTHH:MM' of a row's bucket (its start: the same hour, or minute, as the message). */
export const LOCAL_AT = `ft_local_stamp(bucket || substr(':00:00.000Z', @stampLength - 12), @zone)`;

/** The key of a message in each reply dimension, as an expression on a row of SENT (given its local time). */
export const REPLY_KEYS = new Map<string, (localAt: string) => string>([
  ['channel', () => 'channel'],
  ['purpose', () => 'purpose'],
  ['pacing', () => 'pacing'],
  // strftime('%w') is 0 for Sunday: ISO order puts Sunday last.
  [
    'weekday',
    (l) => `CASE CAST(strftime('%w', substr(${l}, 1, 10)) AS INTEGER)
       WHEN 1 THEN 'mon' WHEN 2 THEN 'tue' WHEN 3 THEN 'wed' WHEN 4 THEN 'thu'
       WHEN 5 THEN 'fri' WHEN 6 THEN 'sat' ELSE 'sun' END`,
  ],
  ['hour', (l) => `substr(${l}, 12, 2)`],
  ['template', () => 'template'],
]);
/** Dimensions keyed by the local time sent, counted by bucket first. */
export const LOCAL_DIMENSIONS = new Set(['weekday', 'hour']);

/** Cycles started in the period, with their ending ('active' while running) and touches (steps done). */
export const CYCLES: Unit = {
  table: 'cyc',
  cte: `${SCOPE},
cyc AS (
  SELECT cy.contact_id, cy.started_at AS date, cy.id AS ord,
    CASE WHEN cy.status = 'active' THEN 'active' ELSE cy.ending END AS ending,
    cy.touches -- kept by migration 018's triggers
  FROM cycles cy
  WHERE ${IN_SCOPE('cy.contact_id')} AND (@fromAt IS NULL OR cy.started_at >= @fromAt) AND cy.started_at < @toAt
)`,
};

/**
 * The same cycles counted by status, ending and touches, in the order of their index
 * (cycles_for_insights, migration 018), so the groups need no sort.
 */
export const CYCLE_OUTCOMES = `WITH ${SCOPE}
  SELECT CASE WHEN status = 'active' THEN 'active' ELSE ending END AS ending, touches, count(*) AS n
  FROM cycles cy INDEXED BY cycles_for_insights
  WHERE ${IN_SCOPE('cy.contact_id')} AND (@fromAt IS NULL OR cy.started_at >= @fromAt) AND cy.started_at < @toAt
  GROUP BY cy.status, cy.ending, cy.touches`;

export const TOUCHES_KEY = `CASE WHEN touches >= 4 THEN '4+' ELSE CAST(touches AS TEXT) END`;

/**
 * Promises made in the period (cancelled ones left out). Mine is kept on time when marked done on
 * or before its due day (the local day of completion, in the user's zone), late when after.
 * Theirs is nudged when a "their promise" step about it was done.
 */
export const PROMISES: Unit = {
  table: 'prom',
  cte: `${SCOPE},
prom AS MATERIALIZED (
  SELECT pr.contact_id, s.display_name AS name, pr.due_on AS date, pr.id AS ord, pr.direction, pr.status,
    CASE WHEN pr.status = 'done' THEN ft_local_day(pr.completed_at, @zone) END AS done_day, pr.due_on,
    (pr.direction = 'theirs' AND EXISTS (SELECT 1 FROM followups f WHERE f.promise_id = pr.id
       AND f.purpose = 'promise_theirs' AND f.status = 'done')) AS nudged
  FROM scope s JOIN promises pr ON pr.contact_id = s.id
  WHERE s.review_state IS NULL AND pr.status <> 'cancelled'
    AND (@fromAt IS NULL OR pr.created_at >= @fromAt) AND pr.created_at < @toAt
)`,
};

export const MINE_STATE = new Map<string, string>([
  ['keptOnTime', `direction = 'mine' AND status = 'done' AND done_day <= due_on`],
  ['late', `direction = 'mine' AND status = 'done' AND done_day > due_on`],
  ['open', `direction = 'mine' AND status = 'open'`],
]);
export const THEIRS_STATE = new Map<string, string>([
  ['fulfilled', `direction = 'theirs' AND status = 'done'`],
  ['nudged', `direction = 'theirs' AND nudged`],
  ['open', `direction = 'theirs' AND status = 'open'`],
]);

/**
 * The network at the period's end: reviewed people, not archived, added by then, with their
 * first message from me ever (stored by migration 016) and their last
 * interaction before the period's end (the contact's own last_interaction_at when that is before).
 */
const NETWORK = `${scope(true)},
network AS MATERIALIZED (
  SELECT id, display_name, met_on, created_at, last_interaction_at,
    first_out
  FROM scope
  WHERE review_state IS NULL AND archived_at IS NULL AND created_at < @toAt
)`;

const COLD_BODY = `cold AS (
  SELECT contact_id, name, date, ord FROM (
    SELECT n.id AS contact_id, n.display_name AS name, n.id AS ord,
      CASE WHEN n.last_interaction_at < @toAt THEN n.last_interaction_at
           ELSE (SELECT max(i.occurred_at) FROM interactions i WHERE i.contact_id = n.id AND i.occurred_at < @toAt)
      END AS date
    FROM network n WHERE n.first_out < @toAt
  ) WHERE date < @coldSince
)`;

const NEVER_BODY = `never_written AS (
  SELECT n.id AS contact_id, n.display_name AS name, coalesce(n.met_on, ft_local_day(n.created_at, @zone)) AS date,
    n.id AS ord
  FROM network n WHERE n.first_out IS NULL OR n.first_out >= @toAt
)`;

/** A unit read from the network, and its own CTE alone (after the network's), to count several in one statement. */
export type NetworkUnit = Unit & { body: string };

/** The units that read migration 016's stored facts (each message's answer and step, each person's first message). */
export const UNITS = {
  MET,
  SENT,
  NETWORK: { cte: NETWORK },
  COLD: { table: 'cold', cte: `${NETWORK},\n${COLD_BODY}`, body: COLD_BODY } satisfies NetworkUnit,
  NEVER: {
    table: 'never_written',
    cte: `${NETWORK},\n${NEVER_BODY}`,
    body: NEVER_BODY,
  } satisfies NetworkUnit,
} as const;

/**
 * Steps overdue at the end of each backlog week: due before then, added before then, and not
 * done, skipped or cancelled by then (a step's updated_at is when it was skipped or cancelled).
 */
export const BACKLOG: Unit = {
  table: 'overdue',
  cte: `${SCOPE},
weeks AS MATERIALIZED (
  SELECT json_extract(value, '$.week') AS week, json_extract(value, '$.endAt') AS end_at FROM json_each(@weeks)
),
-- A step counts from the later of its due and added times to when it was closed: only steps
-- still open at the end of the first week, or closed after they started to count, matter.
steps AS MATERIALIZED (
  SELECT * FROM (
    SELECT f.id, f.contact_id, f.due_at, max(f.due_at, f.created_at) AS start,
      CASE f.status WHEN 'done' THEN f.completed_at WHEN 'skipped' THEN f.updated_at
                    WHEN 'cancelled' THEN f.updated_at END AS closed_at
    FROM followups f
    WHERE ${IN_SCOPE('f.contact_id')} AND f.due_at < (SELECT max(end_at) FROM weeks)
  ) WHERE start < (SELECT max(end_at) FROM weeks)
      AND (closed_at IS NULL OR (closed_at > start AND closed_at >= (SELECT min(end_at) FROM weeks)))
),
overdue AS (
  SELECT w.week, st.contact_id, st.due_at AS date, st.id AS ord
  FROM weeks w JOIN steps st ON st.start < w.end_at AND (st.closed_at IS NULL OR st.closed_at >= w.end_at)
)`,
};
