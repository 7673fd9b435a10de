import type { NetworkEvent } from '../../shared/domain/event.ts';
import type { Db } from './database.ts';
import { reindexEventContacts } from './search-index.ts';
import { cached } from './statements.ts';

export interface EventFields {
  name: string;
  date: string;
  location: string | null;
  notes: string | null;
}

const SELECT_EVENT = `
  SELECT ev.id, ev.name, ev.date, ev.location, ev.notes, ev.created_at AS createdAt, ev.updated_at AS updatedAt,
    (SELECT count(*) FROM contacts c WHERE c.met_event_id = ev.id) AS contactCount
  FROM events ev`;

export function insertEvent(db: Db, fields: EventFields, now: string): number {
  const info = cached(
    db,
    'INSERT INTO events (name, date, location, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(fields.name, fields.date, fields.location, fields.notes, now, now);
  return Number(info.lastInsertRowid);
}

export function updateEvent(db: Db, id: number, patch: Partial<EventFields>, now: string): boolean {
  const current = getEvent(db, id);
  if (!current) return false;
  const next = { ...current, ...definedOnly(patch) };
  cached(
    db,
    'UPDATE events SET name = ?, date = ?, location = ?, notes = ?, updated_at = ? WHERE id = ?',
  ).run(next.name, next.date, next.location, next.notes, now, id);
  // The event's name and place are part of its contacts' search documents.
  if (patch.name !== undefined || patch.location !== undefined) reindexEventContacts(db, id);
  return true;
}

export function getEvent(db: Db, id: number): NetworkEvent | undefined {
  return cached<[number], NetworkEvent>(db, `${SELECT_EVENT} WHERE ev.id = ?`).get(id);
}

export function listEvents(db: Db): NetworkEvent[] {
  return cached<[], NetworkEvent>(db, `${SELECT_EVENT} ORDER BY ev.date DESC, ev.id DESC`).all();
}

function definedOnly<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}
