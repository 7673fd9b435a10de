import type { Db } from './database.ts';
import { cached } from './statements.ts';

/**
 * What the engine asks before letting a synced message act on a cycle: when the cycle last
 * began waiting, and what the timeline already shows around the message's date. A synced
 * mailbox brings months of history, so every question here is about a moment, not "now".
 */

/** When the latest done step of a cycle was sent: its interaction's time, else when it was closed. */
export function lastDoneInCycle(db: Db, cycleId: number): string | null {
  return (
    cached<[number], string | null>(
      db,
      `SELECT max(coalesce((SELECT i.occurred_at FROM interactions i WHERE i.id = f.interaction_id), f.completed_at))
         FROM followups f WHERE f.cycle_id = ? AND f.status = 'done'`,
    )
      .pluck()
      .get(cycleId) ?? null
  );
}

/** The latest message out to a contact at or before `at`. */
export function lastOutboundAtOrBefore(db: Db, contactId: number, at: string): string | null {
  return (
    cached<[number, string], string | null>(
      db,
      "SELECT max(occurred_at) FROM interactions WHERE contact_id = ? AND direction = 'outbound' AND occurred_at <= ?",
    )
      .pluck()
      .get(contactId, at) ?? null
  );
}

/** Whether they wrote (or we spoke) after `at`: then a message out at `at` waits for nothing. */
export function heardFromSince(db: Db, contactId: number, at: string): boolean {
  return (
    cached<[number, string], number>(
      db,
      `SELECT EXISTS (SELECT 1 FROM interactions WHERE contact_id = ? AND occurred_at > ?
         AND (direction = 'inbound' OR channel IN ('call', 'meeting', 'in_person')))`,
    )
      .pluck()
      .get(contactId, at) === 1
  );
}

export function noResponseSince(db: Db, contactId: number): string | null {
  return (
    cached<[number], string | null>(db, 'SELECT no_response_since FROM contacts WHERE id = ?')
      .pluck()
      .get(contactId) ?? null
  );
}
