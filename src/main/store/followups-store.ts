import type { CycleEnding, FollowUp, Playbook, Purpose, StepStatus } from '../../shared/domain/followup.ts';
import type { Channel } from '../../shared/domain/interaction.ts';
import { type DatedText, storedForm } from '../../shared/format/dated-text.ts';
import type { Db } from './database.ts';
import { cached } from './statements.ts';

// ——— cycles ———

export interface CycleRow {
  id: number;
  contactId: number;
  playbook: Playbook;
  status: 'active' | 'ended';
  ending: CycleEnding | null;
  startedAt: string;
  endedAt: string | null;
  endsAt: string | null;
  meetingAt: string | null;
  note: string | null;
}

const CYCLE_COLUMNS = `id, contact_id AS contactId, playbook, status, ending, started_at AS startedAt,
  ended_at AS endedAt, ends_at AS endsAt, meeting_at AS meetingAt, note`;

export function insertCycle(
  db: Db,
  c: {
    contactId: number;
    playbook: Playbook;
    startedAt: string;
    meetingAt?: string | null;
    note?: string | null;
  },
): number {
  return Number(
    cached(
      db,
      'INSERT INTO cycles (contact_id, playbook, started_at, meeting_at, note) VALUES (?, ?, ?, ?, ?)',
    ).run(c.contactId, c.playbook, c.startedAt, c.meetingAt ?? null, c.note ?? null).lastInsertRowid,
  );
}

export function getCycle(db: Db, id: number): CycleRow | undefined {
  return cached<[number], CycleRow>(db, `SELECT ${CYCLE_COLUMNS} FROM cycles WHERE id = ?`).get(id);
}

/** A contact's active cycles, oldest first (sorted here: see openStepsOfContact). */
export function activeCycles(db: Db, contactId: number): CycleRow[] {
  return cached<[number], CycleRow>(
    db,
    `SELECT ${CYCLE_COLUMNS} FROM cycles WHERE contact_id = ? AND status = 'active'`,
  )
    .all(contactId)
    .sort((a, b) => a.id - b.id);
}

export function endCycle(db: Db, id: number, ending: CycleEnding, at: string): void {
  cached(
    db,
    "UPDATE cycles SET status = 'ended', ending = ?, ended_at = ?, ends_at = NULL WHERE id = ? AND status = 'active'",
  ).run(ending, at, id);
}

export function setCycleDeadline(db: Db, id: number, endsAt: string): void {
  cached(db, 'UPDATE cycles SET ends_at = ? WHERE id = ?').run(endsAt, id);
}

/**
 * Every engine call sweeps, so this must stay a range of the few waiting cycles. Named, because
 * the planner took the insights index on (status, …) for `status = 'active'` instead and read
 * every active cycle into a sort: 80% of a 30-day forecast on the 50k seed (25 s).
 */
export function cyclesPastDeadline(db: Db, now: string): CycleRow[] {
  return cached<[string], CycleRow>(
    db,
    `SELECT ${CYCLE_COLUMNS} FROM cycles INDEXED BY cycles_waiting
     WHERE status = 'active' AND ends_at IS NOT NULL AND ends_at <= ? ORDER BY ends_at`,
  ).all(now);
}

/** Active cycles with nothing left to do and no deadline: ended by the engine as completed. */
export function cyclesWithoutOpenSteps(db: Db, contactId: number): CycleRow[] {
  return cached<[number], CycleRow>(
    db,
    `SELECT ${CYCLE_COLUMNS} FROM cycles c WHERE contact_id = ? AND status = 'active' AND ends_at IS NULL
     AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.cycle_id = c.id AND f.status IN ('pending', 'snoozed'))`,
  ).all(contactId);
}

// ——— steps ———

export interface StepFields {
  cycleId: number;
  contactId: number;
  purpose: Purpose;
  channel: Channel | null;
  dueOn: string;
  dueAt: string;
  manual: boolean;
  priority: number;
  reason: DatedText;
  context: string | null;
  capWarning: string | null;
  promiseId: number | null;
}

export function insertStep(db: Db, s: StepFields, now: string): number {
  return Number(
    cached(
      db,
      `INSERT INTO followups (cycle_id, contact_id, purpose, channel, due_on, due_at, manual, priority, reason, context,
         cap_warning, promise_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      s.cycleId,
      s.contactId,
      s.purpose,
      s.channel,
      s.dueOn,
      s.dueAt,
      s.manual ? 1 : 0,
      s.priority,
      storedForm(s.reason),
      s.context,
      s.capWarning,
      s.promiseId,
      now,
      now,
    ).lastInsertRowid,
  );
}

// The name and playbook as scalar subqueries: joined instead, SQLite 3.54 looked a person's few
// steps up ten times slower (the engine does this on every step it plans).
const STEP_SELECT = `SELECT f.id, f.contact_id AS contactId,
  (SELECT c.display_name FROM contacts c WHERE c.id = f.contact_id) AS contactName, f.cycle_id AS cycleId,
  (SELECT cy.playbook FROM cycles cy WHERE cy.id = f.cycle_id) AS playbook, f.purpose, f.channel, f.due_at AS dueAt, f.due_on AS dueOn, f.status,
  CASE WHEN f.status = 'snoozed' THEN f.due_at END AS snoozedUntil, f.notified_at AS notifiedAt,
  f.completed_at AS completedAt, f.priority, f.reason, f.context, f.cap_warning AS capWarning,
  f.promise_id AS promiseId, f.cancel_reason AS cancelReason, f.sequence, f.created_at AS createdAt,
  f.updated_at AS updatedAt, f.manual
  FROM followups f`;

type StepRow = FollowUp & { manual: number };

const toFollowUp = ({ manual: _manual, ...row }: StepRow): FollowUp => row;

export function getStep(db: Db, id: number): (FollowUp & { manual: boolean }) | undefined {
  const row = cached<[number], StepRow>(db, `${STEP_SELECT} WHERE f.id = ?`).get(id);
  return row ? { ...toFollowUp(row), manual: row.manual === 1 } : undefined;
}

/** A contact's open steps, soonest first. */
export function openStepsOfContact(db: Db, contactId: number): (FollowUp & { manual: boolean })[] {
  return (
    cached<[number], StepRow>(
      db,
      `${STEP_SELECT} WHERE f.contact_id = ? AND f.status IN ('pending', 'snoozed')`,
    )
      .all(contactId)
      // Sorted here: for the few rows a person has, SQLite's sorter costs more than the lookup,
      // and the engine asks on every step it plans.
      .sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id - b.id))
      .map((row) => ({ ...toFollowUp(row), manual: row.manual === 1 }))
  );
}

export function openStepsOfCycle(db: Db, cycleId: number): FollowUp[] {
  return cached<[number], StepRow>(
    db,
    `${STEP_SELECT} WHERE f.cycle_id = ? AND f.status IN ('pending', 'snoozed')`,
  )
    .all(cycleId)
    .map(toFollowUp);
}

/** Closes a step (done, skipped, cancelled); bumps its sequence for calendar exports. */
export function closeStep(
  db: Db,
  id: number,
  status: Extract<StepStatus, 'done' | 'skipped' | 'cancelled'>,
  at: string,
  extra: { interactionId?: number | null; cancelReason?: DatedText | null } = {},
): void {
  cached(
    db,
    `UPDATE followups SET status = ?, completed_at = ?, interaction_id = coalesce(?, interaction_id),
       cancel_reason = ?, sequence = sequence + 1, updated_at = ? WHERE id = ?`,
  ).run(
    status,
    at,
    extra.interactionId ?? null,
    extra.cancelReason ? storedForm(extra.cancelReason) : null,
    at,
    id,
  );
}

/**
 * Moves an open step; a moved step is due again, so it may be notified again, unless
 * `keepNotified` (an overdue step brought to today is the same reminder, already announced).
 */
export function moveStep(
  db: Db,
  id: number,
  to: {
    dueOn: string;
    dueAt: string;
    manual: boolean;
    snoozed: boolean;
    capWarning: string | null;
    keepNotified?: boolean;
  },
  at: string,
): void {
  cached(
    db,
    `UPDATE followups SET due_on = ?, due_at = ?, manual = ?, status = ?, cap_warning = ?,
       notified_at = CASE WHEN ? THEN notified_at END, sequence = sequence + 1, updated_at = ? WHERE id = ?`,
  ).run(
    to.dueOn,
    to.dueAt,
    to.manual ? 1 : 0,
    to.snoozed ? 'snoozed' : 'pending',
    to.capWarning,
    to.keepNotified ? 1 : 0,
    at,
    id,
  );
}

export interface StepQuery {
  from?: string | undefined;
  to?: string | undefined;
  contactId?: number | undefined;
  statuses?: readonly StepStatus[] | undefined;
  limit: number;
}

export function listSteps(db: Db, q: StepQuery): FollowUp[] {
  const statuses = JSON.stringify(q.statuses ?? ['pending', 'snoozed', 'done', 'skipped', 'cancelled']);
  return cached<
    [{ from: string | null; to: string | null; contactId: number | null; statuses: string; limit: number }],
    StepRow
  >(
    db,
    `${STEP_SELECT} WHERE (@from IS NULL OR f.due_on >= @from) AND (@to IS NULL OR f.due_on <= @to)
       AND (@contactId IS NULL OR f.contact_id = @contactId) AND f.status IN (SELECT value FROM json_each(@statuses))
     ORDER BY f.due_on, f.due_at, f.id LIMIT @limit`,
  )
    .all({ from: q.from ?? null, to: q.to ?? null, contactId: q.contactId ?? null, statuses, limit: q.limit })
    .map(toFollowUp);
}

/**
 * Whether the timeline shows a follow-up since `day`: a message out, or a conversation (a call,
 * a meeting, in person), whichever way it went. Someone with one is not "never followed up".
 */
export const FOLLOWED_UP_SQL = `(i.direction = 'outbound' OR i.channel IN ('call', 'meeting', 'in_person'))`;

export function followedUpSince(db: Db, contactId: number, day: string): boolean {
  return (
    cached<[number, string], number>(
      db,
      `SELECT EXISTS (SELECT 1 FROM interactions i WHERE i.contact_id = ? AND i.occurred_at >= ? AND ${FOLLOWED_UP_SQL})`,
    )
      .pluck()
      .get(contactId, day) === 1
  );
}

/** Local days of outbound touches to a contact: logged outbound interactions (UTC) and open nudges. */
export function outboundTouches(
  db: Db,
  contactId: number,
  excludeStepId: number | null,
): { interactionTimes: string[]; stepDays: string[] } {
  return {
    interactionTimes: cached<[number], string>(
      db,
      "SELECT occurred_at FROM interactions WHERE contact_id = ? AND direction = 'outbound'",
    )
      .pluck()
      .all(contactId),
    stepDays: cached<[number, number], string>(
      db,
      `SELECT due_on FROM followups WHERE contact_id = ? AND status IN ('pending', 'snoozed') AND id IS NOT ?
         AND purpose <> 'promise_mine'`,
    )
      .pluck()
      .all(contactId, excludeStepId ?? -1),
  };
}

/** Open steps whose time was derived from their local day (not chosen by the user). */
export function openAutomaticSteps(db: Db): { id: number; dueOn: string; dueAt: string }[] {
  return cached<[], { id: number; dueOn: string; dueAt: string }>(
    db,
    "SELECT id, due_on AS dueOn, due_at AS dueAt FROM followups WHERE status = 'pending' AND manual = 0",
  ).all();
}

export function setStepDueAt(db: Db, id: number, dueAt: string): void {
  cached(db, 'UPDATE followups SET due_at = ?, sequence = sequence + 1 WHERE id = ?').run(dueAt, id);
}

/** Open steps that stayed overdue so long they are stale (the cycle then ends as skipped). */
export function staleOpenSteps(db: Db, dueBefore: string): { id: number; cycleId: number }[] {
  return cached<[string], { id: number; cycleId: number }>(
    db,
    "SELECT id, cycle_id AS cycleId FROM followups WHERE status IN ('pending', 'snoozed') AND due_at < ?",
  ).all(dueBefore);
}

/** When the user last skipped a keep-in-touch check-in (the next one counts from then). */
export function lastSkippedCheckIn(db: Db, contactId: number): string | null {
  return (
    cached<[number], string | null>(
      db,
      "SELECT max(ended_at) FROM cycles WHERE contact_id = ? AND playbook = 'keep_in_touch' AND ending = 'skipped'",
    )
      .pluck()
      .get(contactId) ?? null
  );
}
