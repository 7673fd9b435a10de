import type { Channel, Direction, Interaction } from '../../shared/domain/interaction.ts';
import type { WriteOptions } from './contacts-store.ts';
import type { Db } from './database.ts';
import { reindexContact } from './search-index.ts';
import { cached } from './statements.ts';

export interface InteractionFields {
  contactId: number;
  occurredAt: string;
  channel: Channel;
  direction: Direction;
  summary: string;
  outcome: string | null;
  /** A message sent from a composer draft: its purpose and template variant (see compose-store). */
  draft?: { purpose: string; variant: number } | undefined;
}

const SELECT_INTERACTION = `SELECT id, contact_id AS contactId, occurred_at AS occurredAt, channel, direction,
  summary, outcome, created_at AS createdAt FROM interactions`;

export function insertInteraction(
  db: Db,
  fields: InteractionFields,
  now: string,
  options: WriteOptions = {},
): number {
  const info = cached(
    db,
    `INSERT INTO interactions (contact_id, occurred_at, channel, direction, summary, outcome, created_at,
       draft_purpose, draft_variant)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    fields.contactId,
    fields.occurredAt,
    fields.channel,
    fields.direction,
    fields.summary,
    fields.outcome,
    now,
    fields.draft?.purpose ?? null,
    fields.draft?.variant ?? null,
  );
  if (options.index !== false) reindexContact(db, fields.contactId);
  return Number(info.lastInsertRowid);
}

export function getInteraction(db: Db, id: number): Interaction | undefined {
  return cached<[number], Interaction>(db, `${SELECT_INTERACTION} WHERE id = ?`).get(id);
}

/** A contact's timeline, newest first. */
export function listInteractions(db: Db, contactId: number): Interaction[] {
  return cached<[number], Interaction>(
    db,
    `${SELECT_INTERACTION} WHERE contact_id = ? ORDER BY occurred_at DESC, id DESC`,
  ).all(contactId);
}

export function deleteInteraction(db: Db, id: number): number {
  const existing = getInteraction(db, id);
  if (!existing) return 0;
  cached(db, 'DELETE FROM interactions WHERE id = ?').run(id);
  reindexContact(db, existing.contactId);
  return 1;
}
