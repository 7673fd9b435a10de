import type { Migration } from './runner.ts';

/**
 * Contacts on the user's CardDAV server (issue 14), beside 013's calendar tables.
 *
 * - `sync_cards`: which card on the server each contact is: its href and UID, the ETag of the
 *   version last read or PUT (for If-Match), that card's text (its lines the app does not own,
 *   a phone's PHOTO and the like, are written back with every PUT), and `base`, the synced
 *   fields as of that version: the common ancestor of the next three-way merge. A contact
 *   changed here since is one whose updated_at is not `local_updated_at`. No foreign key to
 *   contacts: a contact deleted here keeps its row (state 'deleted-here') until the user
 *   confirms the delete on the server too.
 * - `sync_conflicts`: one field changed on both sides to different values, both values kept
 *   (and the base) until the user chooses in the merge view.
 * - `sync_card_reviews`: cards the first link could only guess at (same name and company, a
 *   shared phone): nothing is written for them until the user says same person or not.
 */
export const migration015: Migration = {
  version: 15,
  name: 'contact sync: the cards on the server, their merge bases, conflicts and reviews',
  up(db) {
    db.exec(`
      ALTER TABLE sync_accounts ADD COLUMN addressbook_url TEXT;
      ALTER TABLE sync_accounts ADD COLUMN addressbook_sync_token TEXT;
      ALTER TABLE sync_accounts ADD COLUMN addressbook_ctag TEXT;
      ALTER TABLE sync_accounts ADD COLUMN contacts_linked_at TEXT;

      CREATE TABLE sync_cards (
        account_id        INTEGER NOT NULL REFERENCES sync_accounts(id) ON DELETE CASCADE,
        contact_id        INTEGER NOT NULL,
        href              TEXT NOT NULL,
        uid               TEXT NOT NULL,
        etag              TEXT,
        card              TEXT NOT NULL,
        base              TEXT NOT NULL,
        local_updated_at  TEXT NOT NULL,
        state             TEXT NOT NULL DEFAULT 'linked'
                          CHECK (state IN ('linked', 'deleted-here', 'deleted-there')),
        synced_at         TEXT NOT NULL,
        UNIQUE (account_id, contact_id)
      ) STRICT;
      CREATE UNIQUE INDEX sync_cards_by_href ON sync_cards(account_id, href);
      CREATE INDEX sync_cards_by_contact ON sync_cards(contact_id);
      -- A rowid table, not WITHOUT ROWID: its rows hold whole cards. What a pass reads of all
      -- 50,000 (state, what changed here, ETags) comes from this covering index alone.
      CREATE INDEX sync_cards_listing
        ON sync_cards(account_id, state, contact_id, local_updated_at, href, etag);

      -- Deleted here: the card waits for the user's word before it is deleted there.
      CREATE TRIGGER sync_cards_contact_deleted AFTER DELETE ON contacts
      BEGIN
        UPDATE sync_cards SET state = 'deleted-here' WHERE contact_id = OLD.id AND state = 'linked';
      END;

      CREATE TABLE sync_conflicts (
        id            INTEGER PRIMARY KEY,
        account_id    INTEGER NOT NULL REFERENCES sync_accounts(id) ON DELETE CASCADE,
        contact_id    INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        field         TEXT NOT NULL,
        base_value    TEXT,
        local_value   TEXT,
        remote_value  TEXT,
        detected_at   TEXT NOT NULL,
        UNIQUE (account_id, contact_id, field)
      ) STRICT;
      CREATE INDEX sync_conflicts_by_contact ON sync_conflicts(contact_id);

      CREATE TABLE sync_card_reviews (
        account_id  INTEGER NOT NULL REFERENCES sync_accounts(id) ON DELETE CASCADE,
        href        TEXT NOT NULL,
        contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        reason      TEXT NOT NULL,
        etag        TEXT,
        card        TEXT NOT NULL,
        found_at    TEXT NOT NULL,
        PRIMARY KEY (account_id, href)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
