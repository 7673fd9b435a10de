import type { Db } from './database.ts';
import { cached } from './statements.ts';

export interface ManyTouches {
  /** Outbound interactions logged at or after `since`, as stored (UTC). */
  messages: { contactId: number; occurredAt: string }[];
  /** The local days of open nudges. */
  steps: { contactId: number; dueOn: string }[];
}

/**
 * outboundTouches (followups-store.ts) for many people in two queries, the same touches: logged
 * outbound interactions and open steps other than promises of mine. Messages older than `since`
 * are left out: a caller placing steps from today on knows how far back a cap can reach.
 */
export function outboundTouchesOfMany(db: Db, contactIds: readonly number[], since: string): ManyTouches {
  const ids = JSON.stringify(contactIds);
  return {
    messages: cached<[string, string], { contactId: number; occurredAt: string }>(
      db,
      `SELECT i.contact_id AS contactId, i.occurred_at AS occurredAt
       FROM json_each(?) j CROSS JOIN interactions i INDEXED BY interactions_by_contact
         ON i.contact_id = j.value AND i.occurred_at >= ?
       WHERE i.direction = 'outbound'`,
    ).all(ids, since),
    steps: cached<[string], { contactId: number; dueOn: string }>(
      db,
      `SELECT f.contact_id AS contactId, f.due_on AS dueOn
       FROM json_each(?) j CROSS JOIN followups f INDEXED BY followups_by_contact
         ON f.contact_id = j.value AND f.status IN ('pending', 'snoozed')
       WHERE f.purpose <> 'promise_mine'`,
    ).all(ids),
  };
}
