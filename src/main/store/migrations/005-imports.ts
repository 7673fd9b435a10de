import type { Migration } from './runner.ts';

/**
 * Imports, duplicates and merges.
 * - `imports` records each import run (file, format, when); `contact_sources` ties a contact to
 *   the runs that brought or updated it, with a fingerprint of the row so importing the same file
 *   twice adds nothing the second time, even for rows that match nothing else (LinkedIn rows
 *   rarely carry an e-mail).
 * - `contacts.review_state = 'imported'` marks new contacts from an import until the user has
 *   looked at them; the follow-up engine leaves them alone until then, so Today is not flooded.
 * - `contact_phones.e164` is the phone normalised for matching (filled by main, which knows the
 *   user's region; '' when a number cannot be normalised so it is not retried forever).
 * - `duplicate_dismissals` remembers pairs the user said are different people.
 * - `merge_undo` keeps the rows of the last merge so it can be undone exactly.
 */
export const migration005: Migration = {
  version: 5,
  name: 'imports, duplicates and merges',
  up(db) {
    db.exec(`
      CREATE TABLE imports (
        id           INTEGER PRIMARY KEY,
        file_name    TEXT NOT NULL,
        format       TEXT NOT NULL,
        imported_at  TEXT NOT NULL,
        created      INTEGER NOT NULL DEFAULT 0,
        updated      INTEGER NOT NULL DEFAULT 0,
        unchanged    INTEGER NOT NULL DEFAULT 0,
        skipped      INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE contact_sources (
        contact_id   INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        import_id    INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        line         INTEGER NOT NULL,
        fingerprint  TEXT NOT NULL,
        PRIMARY KEY (contact_id, import_id, line)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX contact_sources_by_fingerprint ON contact_sources(fingerprint);
      CREATE INDEX contact_sources_by_import ON contact_sources(import_id);

      ALTER TABLE contacts ADD COLUMN review_state TEXT CHECK (review_state IN ('imported'));
      CREATE INDEX contacts_to_review ON contacts(review_state, display_name COLLATE NOCASE, id)
        WHERE review_state IS NOT NULL;

      ALTER TABLE contact_phones ADD COLUMN e164 TEXT;
      CREATE INDEX contact_phones_by_e164 ON contact_phones(e164) WHERE e164 IS NOT NULL AND e164 <> '';
      -- Phones still to normalise (new since the last pass): found without scanning every phone.
      CREATE INDEX contact_phones_unkeyed ON contact_phones(contact_id) WHERE e164 IS NULL;

      CREATE TABLE duplicate_dismissals (
        low_id   INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        high_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        PRIMARY KEY (low_id, high_id),
        CHECK (low_id < high_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE merge_undo (
        id          INTEGER PRIMARY KEY,
        kept_id     INTEGER NOT NULL,
        merged_id   INTEGER NOT NULL,
        merged_at   TEXT NOT NULL,
        snapshot    TEXT NOT NULL            -- JSON: every row of both contacts before the merge
      ) STRICT;
    `);
  },
};
