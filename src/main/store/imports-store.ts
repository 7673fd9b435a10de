import type { ImportFormat, ImportRun } from '../../shared/domain/imports.ts';
import type { Db } from './database.ts';
import { groupIds } from './phone-keys-store.ts';
import { cached } from './statements.ts';

export function insertImport(
  db: Db,
  run: { fileName: string; format: ImportFormat; importedAt: string },
): number {
  return Number(
    cached(
      db,
      'INSERT INTO imports (file_name, format, imported_at) VALUES (@fileName, @format, @importedAt)',
    ).run(run).lastInsertRowid,
  );
}

export function finishImport(
  db: Db,
  id: number,
  counts: { created: number; updated: number; unchanged: number; skipped: number },
): void {
  cached(
    db,
    `UPDATE imports SET created = @created, updated = @updated, unchanged = @unchanged, skipped = @skipped
     WHERE id = @id`,
  ).run({ ...counts, id });
}

export function addSource(
  db: Db,
  contactId: number,
  importId: number,
  line: number,
  fingerprint: string,
): void {
  cached(
    db,
    `INSERT OR IGNORE INTO contact_sources (contact_id, import_id, line, fingerprint)
     VALUES (?, ?, ?, ?)`,
  ).run(contactId, importId, line, fingerprint);
}

/** Many sources in one statement (an import's new contacts): [contactId, line, fingerprint]. */
export function addSources(db: Db, importId: number, rows: readonly [number, number, string][]): void {
  cached(
    db,
    `INSERT OR IGNORE INTO contact_sources (contact_id, import_id, line, fingerprint)
     SELECT value ->> 0, @importId, value ->> 1, value ->> 2 FROM json_each(@rows)`,
  ).run({ importId, rows: JSON.stringify(rows) });
}

/** Which of these row fingerprints an earlier import already brought in. */
export function knownFingerprints(db: Db, fingerprints: readonly string[]): Set<string> {
  const found = cached<[string], string>(
    db,
    `SELECT DISTINCT fingerprint FROM contact_sources
     WHERE fingerprint IN (SELECT value FROM json_each(?))`,
  )
    .pluck()
    .all(JSON.stringify(fingerprints));
  return new Set(found);
}

/** Returns the ids that were waiting for review (and no longer are). */
export function markReviewed(db: Db, ids: readonly number[] | 'all', now: string): number[] {
  const reviewed =
    ids === 'all'
      ? cached<[], number>(db, `SELECT id FROM contacts WHERE review_state = 'imported'`).pluck().all()
      : cached<[string], number>(
          db,
          `SELECT id FROM contacts WHERE review_state = 'imported' AND id IN (SELECT value FROM json_each(?))`,
        )
          .pluck()
          .all(JSON.stringify(ids));
  cached(
    db,
    `UPDATE contacts SET review_state = NULL, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))`,
  ).run(now, JSON.stringify(reviewed));
  return reviewed;
}

export function listImports(db: Db): ImportRun[] {
  return cached<[], ImportRun>(
    db,
    `SELECT i.id, i.file_name AS fileName, i.format, i.imported_at AS importedAt, i.created, i.updated,
       i.unchanged, i.skipped,
       (SELECT count(DISTINCT s.contact_id) FROM contact_sources s JOIN contacts c ON c.id = s.contact_id
        WHERE s.import_id = i.id AND c.review_state = 'imported') AS toReview
     FROM imports i ORDER BY i.imported_at DESC, i.id DESC LIMIT 100`,
  ).all();
}

/** Contact ids by lower-case e-mail. */
export function contactIdsByEmail(db: Db): Map<string, number[]> {
  return groupIds(
    cached<[], { key: string; contactId: number }>(
      db,
      'SELECT value AS key, contact_id AS contactId FROM contact_emails',
    ).all(),
  );
}

/** Every LinkedIn profile link, for matching by normalised profile URL. */
export function linkedinLinks(db: Db): { url: string; contactId: number }[] {
  return cached<[], { url: string; contactId: number }>(
    db,
    `SELECT url, contact_id AS contactId FROM contact_links WHERE url LIKE '%linkedin.com/in/%'`,
  ).all();
}

export interface NameRow {
  id: number;
  displayName: string;
  company: string | null;
  title: string | null;
  archived: number;
}

/** Names and companies of everyone, for fuzzy matching and duplicate detection. */
export function nameRows(db: Db): NameRow[] {
  return cached<[], NameRow>(
    db,
    `SELECT id, display_name AS displayName, company, title, archived_at IS NOT NULL AS archived FROM contacts`,
  ).all();
}

export function maxContactId(db: Db): number {
  return cached<[], number>(db, 'SELECT coalesce(max(id), 0) FROM contacts').pluck().get() ?? 0;
}

/**
 * E-mails and phone keys held by more than one contact, grouped in SQL over their indexes:
 * duplicate detection then never builds a map of every address.
 */
export function sharedKeys(db: Db, kind: 'email' | 'phone'): Map<string, number[]> {
  const text =
    kind === 'email'
      ? `SELECT value AS key, group_concat(DISTINCT contact_id) AS ids FROM contact_emails
         GROUP BY value HAVING count(DISTINCT contact_id) > 1`
      : `SELECT e164 AS key, group_concat(DISTINCT contact_id) AS ids FROM contact_phones INDEXED BY contact_phones_by_e164
         WHERE e164 IS NOT NULL AND e164 <> '' GROUP BY e164 HAVING count(DISTINCT contact_id) > 1`;
  const rows = cached<[], { key: string; ids: string }>(db, text).all();
  return new Map(rows.map((r) => [r.key, r.ids.split(',').map(Number)]));
}
