import { type DatedText, fromStored, plainText } from '../../shared/format/dated-text.ts';
import type { Db } from './database.ts';
import { cached } from './statements.ts';

/** Filters shared by the calendar's three kinds of item. */
export interface RangeFilter {
  from: string;
  to: string;
  tag: string | null;
  contactId: number | null;
}

const CONTACT_FILTER = `(@contactId IS NULL OR c.id = @contactId)
  AND (@tag IS NULL OR c.id IN (SELECT ct.contact_id FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = @tag))
  AND c.archived_at IS NULL`;

const OPEN = "f.status IN ('pending', 'snoozed')";

/*
 * `+@day`, not `@day`, where a statement has ORDER BY (most here, and two run once per day of
 * a month): SQLite 3.54 as better-sqlite3 builds it redoes work at every binding of a bare
 * parameter in such a statement, several microseconds each time, while a unary plus keeps the
 * same plan and index seek without it (measured: 30 one-row day lookups 0.25 → 0.07 ms).
 */

/** One person or tag, as a condition on `f`; none when neither is set (each filter its own SQL text). */
function personOrTag(f: { tag: string | null; contactId: number | null }): string {
  return [
    f.contactId === null ? '' : ' AND f.contact_id = @contactId',
    f.tag === null
      ? ''
      : ' AND f.contact_id IN (SELECT ct.contact_id FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = @tag)',
  ].join('');
}

/**
 * How many follow-ups each day of [from, to] holds that the calendar shows, for the whole
 * network (days without any are left out): from the per-day counts the triggers of migration
 * 007 keep, never a walk over thousands of steps. Done steps of archived contacts are hidden,
 * so they are counted apart (through the few archived contacts) and taken off.
 */
export function followUpCountsByDay(
  db: Db,
  f: Pick<RangeFilter, 'from' | 'to'>,
  includeDone: boolean,
): { day: string; count: number }[] {
  const counted = cached<[typeof f], { day: string; count: number }>(
    db,
    `SELECT due_on AS day, sum(n) AS count FROM followup_day_counts
     WHERE due_on BETWEEN @from AND @to AND status IN (${includeDone ? "'pending', 'snoozed', 'done'" : "'pending', 'snoozed'"})
       AND n > 0
     GROUP BY due_on`,
  ).all(f);
  if (!includeDone) return counted;
  const hidden = cached<[typeof f], { day: string; count: number }>(
    db,
    `SELECT f.due_on AS day, count(*) AS count
     FROM contacts a INDEXED BY contacts_by_name CROSS JOIN followups f INDEXED BY followups_by_contact
       ON f.contact_id = a.id AND f.status = 'done'
     WHERE a.archived_at IS NOT NULL AND f.due_on BETWEEN @from AND @to
     GROUP BY f.due_on`,
  ).all(f);
  if (hidden.length === 0) return counted;
  const byDay = new Map(counted.map((d) => [d.day, d.count]));
  for (const d of hidden) byDay.set(d.day, (byDay.get(d.day) ?? 0) - d.count);
  return [...byDay].filter(([, count]) => count > 0).map(([day, count]) => ({ day, count }));
}

export interface CalendarStepRow {
  id: number;
  contactId: number;
  contactName: string;
  purpose: string;
  channel: string | null;
  status: string;
  dueOn: string;
  dueAt: string;
  promiseId: number | null;
  /** A done step's moment: the calendar shows it there. */
  completedAt: string | null;
  /** Only when asked for: it is read from the table row, not the index. */
  reason?: DatedText;
}

const CALENDAR_STEP_COLUMNS = `f.id, f.contact_id AS contactId, c.display_name AS contactName, f.purpose, f.channel,
  f.status, f.due_on AS dueOn, f.due_at AS dueAt, f.promise_id AS promiseId`;

/**
 * One day's open follow-ups across the network, most important first (Today's order), at most
 * `limit`: from the open steps' covering index of migration 010 alone (no table row). Open
 * steps never belong to archived contacts (archiving closes them), so none is looked up.
 */
export function openFollowUpsOnDay(
  db: Db,
  day: string,
  { limit, withReasons }: { limit: number; withReasons: boolean },
): CalendarStepRow[] {
  return cached<[{ day: string; limit: number }], CalendarStepRow>(
    db,
    `SELECT ${CALENDAR_STEP_COLUMNS}, NULL AS completedAt${withReasons ? ', f.reason' : ''}
     FROM followups f INDEXED BY followups_calendar_open CROSS JOIN contacts c ON c.id = f.contact_id
     WHERE f.due_on = +@day AND ${OPEN}
     ORDER BY f.priority, f.due_at, f.id LIMIT +@limit`,
  ).all({ day, limit });
}

/**
 * Every open follow-up of one person or tag on the days [from, to], by day and most important
 * first. One statement lists the tag's contacts once, where a statement per day would list them
 * again for every day; the caller keeps each day's first ones.
 */
export function openFollowUpsOfFilterInRange(
  db: Db,
  f: RangeFilter,
  { withReasons }: { withReasons: boolean },
): CalendarStepRow[] {
  return cached<[RangeFilter], CalendarStepRow>(
    db,
    `SELECT ${CALENDAR_STEP_COLUMNS}, NULL AS completedAt${withReasons ? ', f.reason' : ''}
     FROM followups f CROSS JOIN contacts c ON c.id = f.contact_id
     WHERE f.due_on BETWEEN @from AND @to AND ${OPEN}${personOrTag(f)}
     ORDER BY f.due_on, f.priority, f.due_at, f.id`,
  ).all(f);
}

/** Instants [from, to): one local day, or a range of them. */
export interface InstantRange {
  from: string;
  to: string;
}

/**
 * Follow-ups done in [from, to), in the order they were done, at most `limit`, for one person
 * or tag if set. Done steps of archived contacts are hidden.
 */
export function doneFollowUpsBetween(
  db: Db,
  range: InstantRange & Pick<RangeFilter, 'tag' | 'contactId'>,
  { limit, withReasons }: { limit: number; withReasons: boolean },
): CalendarStepRow[] {
  return cached<[typeof range & { limit: number }], CalendarStepRow>(
    db,
    `SELECT ${CALENDAR_STEP_COLUMNS}, f.completed_at AS completedAt${withReasons ? ', f.reason' : ''}
     FROM followups f INDEXED BY followups_done_at CROSS JOIN contacts c ON c.id = f.contact_id
     WHERE f.status = 'done' AND f.completed_at >= +@from AND f.completed_at < +@to AND c.archived_at IS NULL${personOrTag(range)}
     ORDER BY f.completed_at, f.id LIMIT +@limit`,
  ).all({ ...range, limit });
}

/**
 * How many follow-ups across the network were done on each of `days` (local days as instant
 * ranges, in order), days without any left out: counted in the done steps' index alone, and
 * not for days after the last one done (the future, mostly). Those of the few archived
 * contacts, which the calendar hides, are found through them and taken off.
 */
export function doneCountsOnDays(
  db: Db,
  days: readonly (InstantRange & { day: string })[],
): Map<string, number> {
  const counts = new Map<string, number>();
  const last = cached<[], string | null>(
    db,
    "SELECT max(completed_at) FROM followups INDEXED BY followups_done_at WHERE status = 'done'",
  )
    .pluck()
    .get();
  if (days.length === 0 || !last) return counts;
  const count = cached<[InstantRange], number>(
    db,
    `SELECT count(*) FROM followups INDEXED BY followups_done_at
     WHERE status = 'done' AND completed_at >= @from AND completed_at < @to`,
  ).pluck();
  for (const d of days) {
    if (d.from > last) break;
    const n = count.get({ from: d.from, to: d.to }) ?? 0;
    if (n > 0) counts.set(d.day, n);
  }
  if (counts.size === 0) return counts;
  const hidden = cached<[InstantRange], string>(
    db,
    `SELECT f.completed_at
     FROM contacts a INDEXED BY contacts_by_name CROSS JOIN followups f INDEXED BY followups_by_contact
       ON f.contact_id = a.id AND f.status = 'done'
     WHERE a.archived_at IS NOT NULL AND f.completed_at >= @from AND f.completed_at < @to`,
  )
    .pluck()
    .all({ from: days[0]!.from, to: days.at(-1)!.to });
  for (const at of hidden) {
    const d = days.find((x) => x.from <= at && at < x.to)!;
    const left = (counts.get(d.day) ?? 0) - 1;
    if (left > 0) counts.set(d.day, left);
    else counts.delete(d.day);
  }
  return counts;
}

export interface StepRangeRow {
  id: number;
  contactId: number;
  contactName: string;
  purpose: string;
  dueAt: string;
  reason: DatedText;
  context: string | null;
  sequence: number;
  updatedAt: string;
  createdAt: string;
  /** The contact's e-mails and links, space-separated, for the event's description. */
  emails: string | null;
  links: string | null;
  /** The step's own time; `dueAt` becomes the planned one when the plan moves the step. */
  ownDueAt: string;
  /** What earlier exports wrote when the plan moved it (migration 010); null and 0 if never. */
  exportedStart: string | null;
  exportBumps: number;
  exportMovedAt: string | null;
}

const EXPORT_COLUMNS = `f.id, f.contact_id AS contactId, c.display_name AS contactName, f.purpose, f.due_at AS dueAt,
       f.reason, f.context, f.sequence, f.updated_at AS updatedAt, f.created_at AS createdAt,
       (SELECT group_concat(value, ' ') FROM contact_emails WHERE contact_id = c.id) AS emails,
       (SELECT group_concat(url, ' ') FROM contact_links WHERE contact_id = c.id) AS links,
       f.due_at AS ownDueAt, m.start AS exportedStart, coalesce(m.bumps, 0) AS exportBumps,
       m.moved_at AS exportMovedAt`;

/**
 * Open follow-up steps on the days [from, to], with what an exported event describes. Read from
 * the open steps' own index (the days' index over every status walked past the closed steps of
 * the past, 88,000 rows for 10,000 on the bench seed: 100 → 80 ms); within a day SQLite sorts by
 * id, which that index does not hold.
 */
export function stepsInRange(
  db: Db,
  f: RangeFilter,
  { limit = 20_000 }: { limit?: number } = {},
): StepRangeRow[] {
  return cached<[RangeFilter & { limit: number }], StepRangeRow>(
    db,
    `SELECT ${EXPORT_COLUMNS}
     FROM followups f INDEXED BY followups_calendar_open CROSS JOIN contacts c ON c.id = f.contact_id
       LEFT JOIN ics_exported_starts m ON m.followup_id = f.id
     WHERE f.due_on BETWEEN @from AND @to AND ${OPEN} AND ${CONTACT_FILTER}
     ORDER BY f.due_on, f.id LIMIT @limit`,
  ).all({ ...f, limit });
}

/**
 * Every open step due before `until` (and not stale), slim: what planning the coming days needs.
 * Read from the open-steps index and the row; no contact (open steps never belong to archived
 * contacts, see dueTotals).
 */
export function openStepsForPlan(
  db: Db,
  b: { until: string; staleBefore: string },
): { id: number; dueOn: string; dueAt: string; priority: number; purpose: string }[] {
  return cached<[typeof b], { id: number; dueOn: string; dueAt: string; priority: number; purpose: string }>(
    db,
    `SELECT f.id, f.due_on AS dueOn, f.due_at AS dueAt, f.priority, f.purpose
     FROM followups f INDEXED BY followups_open_by_due
     WHERE ${OPEN} AND f.due_at < @until AND f.due_at >= @staleBefore`,
  ).all(b);
}

/** The steps of `ids` (a JSON array) with what an exported event describes, for one person or tag if set. */
export function stepsByIds(db: Db, ids: string, f: Pick<RangeFilter, 'tag' | 'contactId'>): StepRangeRow[] {
  return cached<[{ ids: string; tag: string | null; contactId: number | null }], StepRangeRow>(
    db,
    `SELECT ${EXPORT_COLUMNS}
     FROM followups f CROSS JOIN contacts c ON c.id = f.contact_id
       LEFT JOIN ics_exported_starts m ON m.followup_id = f.id
     WHERE f.id IN (SELECT value FROM json_each(@ids)) AND ${CONTACT_FILTER}`,
  ).all({ ids, tag: f.tag, contactId: f.contactId });
}

/** Remembers the start each of these events was exported with, and its count of such moves. */
export function recordExportedStarts(
  db: Db,
  moves: readonly { id: number; start: string; bumps: number }[],
  at: string,
): void {
  const upsert = cached<[{ id: number; start: string; bumps: number; at: string }]>(
    db,
    `INSERT INTO ics_exported_starts (followup_id, start, bumps, moved_at) VALUES (@id, @start, @bumps, @at)
     ON CONFLICT (followup_id) DO UPDATE SET start = excluded.start, bumps = excluded.bumps, moved_at = excluded.moved_at`,
  );
  for (const m of moves) upsert.run({ ...m, at });
}

/** How many of the steps `ids` (a JSON array) belong to the person or tag, when one is set. */
export function countByIds(db: Db, ids: string, f: Pick<RangeFilter, 'tag' | 'contactId'>): number {
  return cached<[{ ids: string; tag: string | null; contactId: number | null }], number>(
    db,
    `SELECT count(*) FROM followups f CROSS JOIN contacts c ON c.id = f.contact_id
     WHERE f.id IN (SELECT value FROM json_each(@ids)) AND ${CONTACT_FILTER}`,
  )
    .pluck()
    .get({ ids, tag: f.tag, contactId: f.contactId })!;
}

export interface MeetingRow {
  cycleId: number;
  contactId: number;
  contactName: string;
  meetingAt: string;
  note: string | null;
}

/** Meetings whose time falls in [fromInstant, toInstant). */
export function meetingsInRange(
  db: Db,
  f: RangeFilter & { fromInstant: string; toInstant: string },
): MeetingRow[] {
  return cached<[typeof f], MeetingRow>(
    db,
    `SELECT cy.id AS cycleId, c.id AS contactId, c.display_name AS contactName, cy.meeting_at AS meetingAt, cy.note
     FROM cycles cy INDEXED BY cycles_by_meeting CROSS JOIN contacts c ON c.id = cy.contact_id
     WHERE cy.meeting_at >= +@fromInstant AND cy.meeting_at < +@toInstant AND cy.ending IS NOT 'cancelled'
       AND ${CONTACT_FILTER}
     ORDER BY cy.meeting_at`,
  ).all(f);
}

export interface PromiseRangeRow {
  id: number;
  contactId: number;
  contactName: string;
  direction: 'mine' | 'theirs';
  text: string;
  dueOn: string;
  status: 'open' | 'done' | 'cancelled';
}

/** Promises due on [from, to]: open ones, and kept ones when asked. */
export function promisesInRange(db: Db, f: RangeFilter, includeDone: boolean): PromiseRangeRow[] {
  return cached<[RangeFilter & { includeDone: number }], PromiseRangeRow>(
    db,
    `SELECT p.id, c.id AS contactId, c.display_name AS contactName, p.direction, p.text, p.due_on AS dueOn, p.status
     FROM promises p INDEXED BY promises_by_due CROSS JOIN contacts c ON c.id = p.contact_id
     WHERE p.due_on BETWEEN +@from AND +@to AND (p.status = 'open' OR (+@includeDone AND p.status = 'done'))
       AND ${CONTACT_FILTER}
     ORDER BY p.due_on, p.id`,
  ).all({ ...f, includeDone: includeDone ? 1 : 0 });
}

export interface ItemDetailRow {
  /** A follow-up's reason; a meeting's note and a promise's words, as dated text too. */
  reason: DatedText | null;
  context: string | null;
  capWarning: string | null;
}

/** What a calendar card shows beyond the range's item; undefined when it is gone. */
export function calendarItemDetail(
  db: Db,
  kind: 'followup' | 'meeting' | 'promise',
  id: number,
): ItemDetailRow | undefined {
  const sql = {
    followup: 'SELECT reason, context, cap_warning AS capWarning FROM followups WHERE id = ?',
    meeting:
      'SELECT note AS reason, NULL AS context, NULL AS capWarning FROM cycles WHERE id = ? AND meeting_at IS NOT NULL',
    promise: 'SELECT text AS reason, NULL AS context, NULL AS capWarning FROM promises WHERE id = ?',
  }[kind];
  const row = cached<[number], Omit<ItemDetailRow, 'reason'> & { reason: string | null }>(db, sql).get(id);
  if (!row) return undefined;
  const reason =
    row.reason === null ? null : kind === 'followup' ? fromStored(row.reason) : plainText(row.reason);
  return { ...row, reason };
}
