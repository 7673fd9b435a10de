import type { Db } from './database.ts';
import { cached } from './statements.ts';

/** The agreed next step's tracking, as stored, with the state of the promise it became. */
export interface NextStepRow {
  text: string | null;
  dueOn: string | null;
  doneAt: string | null;
  promiseId: number | null;
  promiseStatus: 'open' | 'done' | 'cancelled' | null;
}

export function getNextStep(db: Db, contactId: number): NextStepRow | undefined {
  return cached<[number], NextStepRow>(
    db,
    `SELECT c.next_step AS text, c.next_step_due_on AS dueOn, c.next_step_done_at AS doneAt,
       c.next_step_promise_id AS promiseId, p.status AS promiseStatus
     FROM contacts c LEFT JOIN promises p ON p.id = c.next_step_promise_id AND p.contact_id = c.id
     WHERE c.id = ?`,
  ).get(contactId);
}

export function setNextStepDone(db: Db, contactId: number, doneAt: string | null, now: string): void {
  cached(db, 'UPDATE contacts SET next_step_done_at = ?, updated_at = ? WHERE id = ?').run(
    doneAt,
    now,
    contactId,
  );
}

export function setNextStepPromise(
  db: Db,
  contactId: number,
  promiseId: number | null,
  dueOn: string | null,
  now: string,
): void {
  cached(
    db,
    'UPDATE contacts SET next_step_promise_id = ?, next_step_due_on = ?, updated_at = ? WHERE id = ?',
  ).run(promiseId, dueOn, now, contactId);
}

/** A new agreement starts untracked: not done, not a promise. */
export function resetNextStepTracking(db: Db, contactId: number): void {
  cached(db, 'UPDATE contacts SET next_step_done_at = NULL, next_step_promise_id = NULL WHERE id = ?').run(
    contactId,
  );
}
