import type { ContactNudge, FollowUp } from '../../shared/domain/followup.ts';
import type { Db } from './database.ts';
import { FOLLOWED_UP_SQL } from './followups-store.ts';
import { cached } from './statements.ts';

/** An open step with what the Today view adds: the company and the contact's zone. */
export type TodayRow = FollowUp & {
  company: string | null;
  theirTimeZone: string | null;
  lastInteractionAt: string | null;
};

const todaySelect = (
  indexHint = '',
) => `SELECT f.id, f.contact_id AS contactId, c.display_name AS contactName, f.cycle_id AS cycleId,
  cy.playbook, f.purpose, f.channel, f.due_at AS dueAt, f.due_on AS dueOn, f.status,
  CASE WHEN f.status = 'snoozed' THEN f.due_at END AS snoozedUntil, f.notified_at AS notifiedAt,
  f.completed_at AS completedAt, f.priority, f.reason, f.context, f.cap_warning AS capWarning,
  f.promise_id AS promiseId, f.cancel_reason AS cancelReason, f.sequence, f.created_at AS createdAt,
  f.updated_at AS updatedAt, c.company, c.time_zone AS theirTimeZone,
  c.last_interaction_at AS lastInteractionAt
  FROM followups f ${indexHint} CROSS JOIN contacts c ON c.id = f.contact_id JOIN cycles cy ON cy.id = f.cycle_id`;
// CROSS JOIN makes SQLite read follow-ups first (through the index named) and look each
// contact up by id, instead of scanning 50,000 contacts to probe their follow-ups.

const OPEN = "f.status IN ('pending', 'snoozed')";

/**
 * The bounds of "due now", in UTC: steps due up to `until` (the end of today), except those
 * due before `staleBefore`, which the engine's sweep expires (so a count taken before the
 * sweep runs agrees with one taken after).
 */
export interface DueBounds {
  startOfToday: string;
  until: string;
  staleBefore: string;
}

/**
 * Due steps except check-ins overdue since before today (those are "going cold"), most
 * important first: walks the priority index and stops after `limit`.
 */
export function dueByPriority(db: Db, b: DueBounds, limit: number): TodayRow[] {
  return cached<[DueBounds & { limit: number }], TodayRow>(
    db,
    `${todaySelect('INDEXED BY followups_open_by_priority')}
     WHERE ${OPEN} AND f.due_at <= @until AND f.due_at >= @staleBefore
       AND NOT (f.purpose = 'check_in' AND f.due_at < @startOfToday) AND c.archived_at IS NULL
     ORDER BY f.priority, f.due_at, f.id LIMIT @limit`,
  ).all({ ...b, limit });
}

/**
 * The totals behind every "due" number: steps due now (going-cold check-ins apart), the
 * check-ins going cold, and the follow-ups done today (the daily budget counts them). Counted
 * inside the partial indexes alone (archiving a contact closes their steps, so open steps never
 * belong to archived contacts).
 */
export function dueTotals(db: Db, b: DueBounds): { due: number; goingCold: number; doneToday: number } {
  const all = cached<[DueBounds], number>(
    db,
    `SELECT count(*) FROM followups f INDEXED BY followups_open_by_due
     WHERE ${OPEN} AND f.due_at <= @until AND f.due_at >= @staleBefore`,
  )
    .pluck()
    .get(b)!;
  const goingCold = cached<[DueBounds], number>(
    db,
    `SELECT count(*) FROM followups f INDEXED BY followups_open_by_purpose
     WHERE ${OPEN} AND f.purpose = 'check_in' AND f.due_at < @startOfToday AND f.due_at >= @staleBefore`,
  )
    .pluck()
    .get(b)!;
  const doneToday = cached<[DueBounds], number>(
    db,
    `SELECT count(*) FROM followups INDEXED BY followups_done_at
     WHERE status = 'done' AND completed_at >= @startOfToday AND completed_at < @until`,
  )
    .pluck()
    .get(b)!;
  return { due: all - goingCold, goingCold, doneToday };
}

/** Check-ins past their day: the people going cold, longest overdue first. */
export function overdueCheckIns(db: Db, b: DueBounds, limit: number): TodayRow[] {
  return cached<[DueBounds & { limit: number }], TodayRow>(
    db,
    `${todaySelect('INDEXED BY followups_open_by_purpose')}
     WHERE ${OPEN} AND f.purpose = 'check_in' AND f.due_at < @startOfToday AND f.due_at >= @staleBefore
       AND c.archived_at IS NULL
     ORDER BY f.due_at, f.id LIMIT @limit`,
  ).all({ ...b, limit });
}

/** Open steps due in (after, until], soonest first (streams the due index, no sort). */
export function openStepsBetween(db: Db, after: string, until: string, limit = 200): TodayRow[] {
  return cached<[string, string, number], TodayRow>(
    db,
    `${todaySelect('INDEXED BY followups_open_by_due')} WHERE ${OPEN} AND f.due_at > ? AND f.due_at <= ? AND c.archived_at IS NULL
     ORDER BY f.due_at LIMIT ?`,
  ).all(after, until, limit);
}

/**
 * People met on or before `metBy` with no follow-up on their timeline since (see
 * followedUpSince) and nothing planned:
 * "met but not followed up". Looks at the 300 most recently met only, newest first, so it stays
 * fast on a large network.
 */
export function metNotFollowedUp(db: Db, metBy: string, limit = 20): Omit<ContactNudge, 'days'>[] {
  return cached<[{ metBy: string; limit: number }], Omit<ContactNudge, 'days'>>(
    db,
    `SELECT c.id AS contactId, c.display_name AS contactName, c.company, c.met_on AS metOn,
       coalesce(e.name, c.met_where) AS metWhere, c.last_interaction_at AS lastInteractionAt
     FROM (SELECT id FROM contacts WHERE archived_at IS NULL AND met_on IS NOT NULL AND met_on <= @metBy
             AND review_state IS NULL -- imported, not reviewed yet: not a meeting to follow up
           ORDER BY archived_at, met_on DESC, id LIMIT 300) recent
     JOIN contacts c ON c.id = recent.id LEFT JOIN events e ON e.id = c.met_event_id
     WHERE NOT EXISTS (SELECT 1 FROM interactions i WHERE i.contact_id = c.id AND i.occurred_at >= c.met_on
                       AND ${FOLLOWED_UP_SQL})
       AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.contact_id = c.id AND f.status IN ('pending', 'snoozed'))
     ORDER BY c.met_on DESC, c.id LIMIT @limit`,
  ).all({ metBy, limit });
}

/** How many follow-ups were done in [from, to) (UTC), from the done-steps index alone. */
export function doneBetween(db: Db, from: string, to: string): number {
  return cached<[string, string], number>(
    db,
    `SELECT count(*) FROM followups INDEXED BY followups_done_at
     WHERE status = 'done' AND completed_at >= ? AND completed_at < ?`,
  )
    .pluck()
    .get(from, to)!;
}

/** Whether any follow-up was done in [from, to) (UTC): one index probe. */
export function anyDoneBetween(db: Db, from: string, to: string): boolean {
  return (
    cached<[string, string], number>(
      db,
      `SELECT EXISTS (SELECT 1 FROM followups INDEXED BY followups_done_at
       WHERE status = 'done' AND completed_at >= ? AND completed_at < ?)`,
    )
      .pluck()
      .get(from, to) === 1
  );
}

/** A due step as catching up and bulk actions see it. */
export interface DueStepRow {
  id: number;
  contactId: number;
  contactName: string;
  cycleId: number;
  purpose: FollowUp['purpose'];
  dueOn: string;
  dueAt: string;
  priority: number;
}

export interface DueStepFilter {
  /** JSON array of purposes, or null for all. */
  purposes: string | null;
  tag: string | null;
  /** Only steps due on this local day or before. */
  dueOnOrBefore: string | null;
}

/**
 * Every due step, going-cold check-ins included (see DueBounds), matching the filter, most
 * important first (Today's order).
 */
export function dueSteps(db: Db, b: DueBounds, f: DueStepFilter): DueStepRow[] {
  return cached<[DueBounds & DueStepFilter], DueStepRow>(
    db,
    `SELECT f.id, f.contact_id AS contactId, c.display_name AS contactName, f.cycle_id AS cycleId, f.purpose,
       f.due_on AS dueOn, f.due_at AS dueAt, f.priority
     FROM followups f INDEXED BY followups_open_by_due CROSS JOIN contacts c ON c.id = f.contact_id
     WHERE ${OPEN} AND f.due_at <= @until AND f.due_at >= @staleBefore AND c.archived_at IS NULL
       AND (@purposes IS NULL OR f.purpose IN (SELECT value FROM json_each(@purposes)))
       AND (@dueOnOrBefore IS NULL OR f.due_on <= @dueOnOrBefore)
       AND (@tag IS NULL OR f.contact_id IN (SELECT ct.contact_id FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
                                            WHERE t.name = @tag))
     ORDER BY f.priority, f.due_at, f.id`,
  ).all({ ...b, ...f });
}
