import type { Db } from './database.ts';
import { cached } from './statements.ts';

// Card PUTs sent without an answer yet (migration 017): written before each PUT, deleted with
// the answer, so what is left after a pass tells the next one what the server may already hold.

export interface CardPutRow {
  accountId: number;
  contactId: number;
  href: string;
  uid: string;
  /** A new card (PUT with If-None-Match), not an update of a linked one. */
  created: boolean;
  /** JSON of the synced fields of that text. */
  fields: string;
  sentAt: string;
}

interface Stored extends Omit<CardPutRow, 'created'> {
  created: 0 | 1;
}

const SELECT = `SELECT account_id AS accountId, contact_id AS contactId, href, uid, created, fields,
  sent_at AS sentAt FROM sync_card_puts`;

const read = (row: Stored | undefined): CardPutRow | undefined =>
  row && { ...row, created: row.created === 1 };

export function saveCardPut(db: Db, row: CardPutRow): void {
  cached(
    db,
    `INSERT INTO sync_card_puts (account_id, contact_id, href, uid, created, fields, sent_at)
     VALUES (@accountId, @contactId, @href, @uid, @created, @fields, @sentAt)
     ON CONFLICT (account_id, contact_id) DO UPDATE SET href = excluded.href, uid = excluded.uid,
       created = excluded.created, fields = excluded.fields, sent_at = excluded.sent_at`,
  ).run({ ...row, created: row.created ? 1 : 0 });
}

export function cardPutOf(db: Db, accountId: number, contactId: number): CardPutRow | undefined {
  return read(
    cached<[number, number], Stored>(db, `${SELECT} WHERE account_id = ? AND contact_id = ?`).get(
      accountId,
      contactId,
    ),
  );
}

export function cardPutAtHref(db: Db, accountId: number, href: string): CardPutRow | undefined {
  return read(
    cached<[number, string], Stored>(db, `${SELECT} WHERE account_id = ? AND href = ?`).get(accountId, href),
  );
}

export function dropCardPut(db: Db, accountId: number, contactId: number): void {
  cached(db, 'DELETE FROM sync_card_puts WHERE account_id = ? AND contact_id = ?').run(accountId, contactId);
}

/** The account's creates sent without an answer (few: one per new contact whose answer was lost). */
export function unansweredCreates(db: Db, accountId: number): CardPutRow[] {
  return cached<[number], Stored>(db, `${SELECT} WHERE account_id = ? AND created = 1 ORDER BY contact_id`)
    .all(accountId)
    .map((row) => ({ ...row, created: true }));
}
