import type { DueReminder } from '../reminders/reminder-source.ts';
import type { Db } from './database.ts';
import { cached } from './statements.ts';

// The scheduler's queries. Open steps are 'pending' or 'snoozed'; a snoozed step's due_at is
// the end of its snooze, so both are "due" when due_at has passed. Archived contacts are quiet.

// Follow-ups first through the open-by-due index, then each contact by id (CROSS JOIN fixes that
// order): otherwise SQLite may scan every contact to probe their follow-ups, on every wake.
const REMINDER_SELECT = `SELECT f.id, f.contact_id AS contactId, c.display_name AS contactName, f.purpose, f.reason,
  f.context, f.due_at AS dueAt, f.priority
  FROM followups f INDEXED BY followups_open_by_due CROSS JOIN contacts c ON c.id = f.contact_id`;

export function dueUnnotified(db: Db, now: string): DueReminder[] {
  return cached<[string], DueReminder>(
    db,
    `${REMINDER_SELECT} WHERE f.status IN ('pending', 'snoozed') AND f.due_at <= ? AND f.notified_at IS NULL
       AND c.archived_at IS NULL ORDER BY f.due_at, f.priority, f.id`,
  ).all(now);
}

export function markNotified(db: Db, ids: readonly number[], at: string): void {
  cached(
    db,
    'UPDATE followups SET notified_at = ? WHERE id IN (SELECT value FROM json_each(?)) AND notified_at IS NULL',
  ).run(at, JSON.stringify(ids));
}

export function nextDueAfter(db: Db, now: string): string | null {
  return (
    cached<[string], string | null>(
      db,
      "SELECT min(due_at) FROM followups WHERE status IN ('pending', 'snoozed') AND due_at > ?",
    )
      .pluck()
      .get(now) ?? null
  );
}

export function notifiedBetween(db: Db, from: string, to: string): number {
  return cached<[string, string], number>(
    db,
    'SELECT count(*) FROM followups WHERE notified_at >= ? AND notified_at < ?',
  )
    .pluck()
    .get(from, to)!;
}
