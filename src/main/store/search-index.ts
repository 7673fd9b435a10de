import type { Db } from './database.ts';
import { cached } from './statements.ts';

/**
 * The search document of a contact, assembled in SQL from the contact, its event, tags, e-mails
 * and interaction summaries. Columns are weighted in {@link RANK_EXPRESSION}.
 */
const DOCUMENT_SELECT = `
  SELECT c.id,
    concat_ws(' ', c.display_name, c.first_name, c.last_name),
    concat_ws(' ', c.company, c.title),
    concat_ws(' ', c.met_where, e.name, e.location, c.how_met, c.discussed, c.interests, c.next_step, c.location,
      (SELECT group_concat(t.name, ' ') FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = c.id),
      (SELECT group_concat(value, ' ') FROM contact_emails WHERE contact_id = c.id)),
    c.notes,
    (SELECT group_concat(concat_ws(' ', summary, outcome), ' ') FROM interactions WHERE contact_id = c.id)
  FROM contacts c LEFT JOIN events e ON e.id = c.met_event_id`;

const INSERT = 'INSERT INTO contacts_fts(rowid, name, company, context, notes, timeline)';

/** Name matches outrank company matches, which outrank context, notes and the timeline. */
export const RANK_EXPRESSION = 'bm25(contacts_fts, 10.0, 5.0, 2.0, 1.0, 1.0)';

const IDENTITY_INSERT = `INSERT INTO contacts_identity_fts(rowid, name, company)
  SELECT id, concat_ws(' ', display_name, first_name, last_name), concat_ws(' ', company, title) FROM contacts`;

export function reindexContact(db: Db, contactId: number): void {
  cached(db, 'DELETE FROM contacts_identity_fts WHERE rowid = ?').run(contactId);
  cached(db, `${IDENTITY_INSERT} WHERE id = ?`).run(contactId);
  cached(db, 'DELETE FROM contacts_fts WHERE rowid = ?').run(contactId);
  cached(db, `${INSERT} ${DOCUMENT_SELECT} WHERE c.id = ?`).run(contactId);
}

/**
 * These contacts re-indexed in two statements per index (an import's merges into known people).
 * FTS5 writes its pending terms out as a new segment at the end of every statement, so
 * reindexContact once per contact cost a segment each: 0.5 ms a contact, most of the time of
 * an import that merges into thousands of known people.
 */
export function reindexContacts(db: Db, contactIds: readonly number[]): void {
  if (contactIds.length === 0) return;
  const ids = JSON.stringify(contactIds);
  const inIds = 'IN (SELECT value FROM json_each(?))';
  cached(db, `DELETE FROM contacts_identity_fts WHERE rowid ${inIds}`).run(ids);
  cached(db, `${IDENTITY_INSERT} WHERE id ${inIds}`).run(ids);
  cached(db, `DELETE FROM contacts_fts WHERE rowid ${inIds}`).run(ids);
  cached(db, `${INSERT} ${DOCUMENT_SELECT} WHERE c.id ${inIds}`).run(ids);
}

export function reindexEventContacts(db: Db, eventId: number): void {
  cached(db, 'DELETE FROM contacts_fts WHERE rowid IN (SELECT id FROM contacts WHERE met_event_id = ?)').run(
    eventId,
  );
  cached(db, `${INSERT} ${DOCUMENT_SELECT} WHERE c.met_event_id = ?`).run(eventId);
}

export function removeFromIndex(db: Db, contactId: number): void {
  cached(db, 'DELETE FROM contacts_identity_fts WHERE rowid = ?').run(contactId);
  cached(db, 'DELETE FROM contacts_fts WHERE rowid = ?').run(contactId);
}

/**
 * Indexes contacts the search indexes lack: an import commits its contacts, then indexes them
 * right after, and an app killed in between leaves the newest ids unindexed. Comparing the
 * highest ids is three index lookups, so every start can afford it (counting took 20 ms).
 */
export function repairSearchIndex(db: Db): number {
  if (searchIndexIsCurrent(db)) return 0;
  const missing = (table: string) => `c.id NOT IN (SELECT rowid FROM ${table})`;
  const identity = db.prepare(`${IDENTITY_INSERT} c WHERE ${missing('contacts_identity_fts')}`).run().changes;
  const full = db.prepare(`${INSERT} ${DOCUMENT_SELECT} WHERE ${missing('contacts_fts')}`).run().changes;
  return Math.max(identity, full);
}

/** Read-only: whether the newest contact is in both indexes (what a bulk write leaves behind). */
export function searchIndexIsCurrent(db: Db): boolean {
  const top = (sql: string) => cached<[], number | null>(db, sql).pluck().get() ?? 0;
  const newest = top('SELECT max(id) FROM contacts');
  return (
    newest === top('SELECT max(rowid) FROM contacts_identity_fts') &&
    newest === top('SELECT max(rowid) FROM contacts_fts')
  );
}

/** Indexes contacts inserted in bulk without indexing (ids from firstId up), in two statements. */
export function indexContactsFrom(db: Db, firstId: number): void {
  cached(db, 'DELETE FROM contacts_identity_fts WHERE rowid >= ?').run(firstId);
  cached(db, `${IDENTITY_INSERT} WHERE id >= ?`).run(firstId);
  cached(db, 'DELETE FROM contacts_fts WHERE rowid >= ?').run(firstId);
  cached(db, `${INSERT} ${DOCUMENT_SELECT} WHERE c.id >= ?`).run(firstId);
}

/** Rebuilds the whole index in one statement (after a seed or a bulk import). */
export function reindexAll(db: Db): void {
  db.exec('DELETE FROM contacts_identity_fts');
  db.exec(IDENTITY_INSERT);
  db.exec("INSERT INTO contacts_identity_fts(contacts_identity_fts) VALUES ('optimize')");
  db.exec('DELETE FROM contacts_fts');
  db.exec(`${INSERT} ${DOCUMENT_SELECT}`);
  db.exec("INSERT INTO contacts_fts(contacts_fts) VALUES ('optimize')");
}

/**
 * Turns what the user typed into an FTS5 query: every word becomes a quoted prefix term, so
 * "acm rob" finds "Acme Robotics" and no typed character can be read as FTS syntax. Returns
 * null when nothing searchable is left (only punctuation, say).
 */
export function toMatchExpression(input: string): string | null {
  const words = input
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}
