import type { PromiseDirection, PromiseItem } from '../../shared/domain/followup.ts';
import type { Db } from './database.ts';
import { cached } from './statements.ts';

const SELECT = `SELECT p.id, p.contact_id AS contactId, c.display_name AS contactName, p.direction, p.text,
  p.due_on AS dueOn, p.status, p.created_at AS createdAt, p.completed_at AS completedAt
  FROM promises p CROSS JOIN contacts c ON c.id = p.contact_id`; // promises first, then their contact

export function insertPromise(
  db: Db,
  p: { contactId: number; direction: PromiseDirection; text: string; dueOn: string },
  now: string,
): number {
  return Number(
    cached(
      db,
      'INSERT INTO promises (contact_id, direction, text, due_on, created_at) VALUES (?, ?, ?, ?, ?)',
    ).run(p.contactId, p.direction, p.text, p.dueOn, now).lastInsertRowid,
  );
}

export function getPromise(db: Db, id: number): PromiseItem | undefined {
  return cached<[number], PromiseItem>(db, `${SELECT} WHERE p.id = ?`).get(id);
}

export function listPromises(
  db: Db,
  q: { contactId?: number | undefined; status: 'open' | 'done' | 'cancelled' | 'all' },
): PromiseItem[] {
  return cached<[{ contactId: number | null; status: string }], PromiseItem>(
    db,
    `${SELECT} WHERE (@contactId IS NULL OR p.contact_id = @contactId) AND (@status = 'all' OR p.status = @status)
     AND c.archived_at IS NULL ORDER BY p.due_on, p.id LIMIT 500`,
  ).all({ contactId: q.contactId ?? null, status: q.status });
}

export function setPromiseStatus(db: Db, id: number, status: 'done' | 'cancelled', at: string): void {
  cached(db, "UPDATE promises SET status = ?, completed_at = ? WHERE id = ? AND status = 'open'").run(
    status,
    at,
    id,
  );
}
