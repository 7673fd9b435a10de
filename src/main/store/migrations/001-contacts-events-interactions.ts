import type { Migration } from './runner.ts';

/**
 * The foundation schema: contacts with their follow-up context, events, interactions, tags, and
 * the full-text index. Multi-valued fields (e-mails, phones, links) get their own tables so the
 * importers can match on them with an index.
 */
export const migration001: Migration = {
  version: 1,
  name: 'contacts, events, interactions, search',
  up(db) {
    db.exec(`
      CREATE TABLE events (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL,
        date        TEXT NOT NULL,            -- YYYY-MM-DD
        location    TEXT,
        notes       TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX events_by_date ON events(date DESC);

      CREATE TABLE contacts (
        id                  INTEGER PRIMARY KEY,
        display_name        TEXT NOT NULL,
        first_name          TEXT,
        last_name           TEXT,
        company             TEXT,
        title               TEXT,
        location            TEXT,
        time_zone           TEXT,
        notes               TEXT,
        met_on              TEXT,             -- YYYY-MM-DD
        met_event_id        INTEGER REFERENCES events(id) ON DELETE SET NULL,
        met_where           TEXT,
        how_met             TEXT,
        discussed           TEXT,
        interests           TEXT,
        next_step           TEXT,
        preferred_channel   TEXT,
        archived_at         TEXT,
        created_at          TEXT NOT NULL,
        updated_at          TEXT NOT NULL,
        -- Denormalised (kept by triggers below) so sorting 50,000 contacts by it uses an index.
        last_interaction_at TEXT
      ) STRICT;
      -- Every list order has an index led by archived_at ("active" is archived_at IS NULL, an
      -- equality for the planner), so a page at any offset is found inside the index alone.
      CREATE INDEX contacts_by_name ON contacts(archived_at, display_name COLLATE NOCASE, id);
      CREATE INDEX contacts_by_last_interaction ON contacts(archived_at, last_interaction_at DESC, id);
      CREATE INDEX contacts_by_met_on ON contacts(archived_at, met_on DESC, id);
      CREATE INDEX contacts_by_created ON contacts(archived_at, created_at DESC, id DESC);
      CREATE INDEX contacts_by_event ON contacts(met_event_id) WHERE met_event_id IS NOT NULL;

      CREATE TABLE contact_emails (
        contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        value       TEXT NOT NULL,            -- stored lower-case
        label       TEXT,
        PRIMARY KEY (contact_id, position)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX contact_emails_by_value ON contact_emails(value);

      CREATE TABLE contact_phones (
        contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        value       TEXT NOT NULL,
        label       TEXT,
        PRIMARY KEY (contact_id, position)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE contact_links (
        contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        url         TEXT NOT NULL,
        label       TEXT,
        PRIMARY KEY (contact_id, position)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE tags (
        id    INTEGER PRIMARY KEY,
        name  TEXT NOT NULL UNIQUE COLLATE NOCASE
      ) STRICT;

      CREATE TABLE contact_tags (
        contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        tag_id      INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (contact_id, tag_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX contact_tags_by_tag ON contact_tags(tag_id, contact_id);

      CREATE TABLE interactions (
        id           INTEGER PRIMARY KEY,
        contact_id   INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        occurred_at  TEXT NOT NULL,           -- UTC ISO 8601
        channel      TEXT NOT NULL,
        direction    TEXT NOT NULL CHECK (direction IN ('outbound', 'inbound')),
        summary      TEXT NOT NULL,
        outcome      TEXT,
        created_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX interactions_by_contact ON interactions(contact_id, occurred_at DESC);

      CREATE TRIGGER interactions_touch_contact_after_insert AFTER INSERT ON interactions BEGIN
        UPDATE contacts SET last_interaction_at = (
          SELECT max(occurred_at) FROM interactions WHERE contact_id = NEW.contact_id
        ) WHERE id = NEW.contact_id;
      END;
      CREATE TRIGGER interactions_touch_contact_after_delete AFTER DELETE ON interactions BEGIN
        UPDATE contacts SET last_interaction_at = (
          SELECT max(occurred_at) FROM interactions WHERE contact_id = OLD.contact_id
        ) WHERE id = OLD.contact_id;
      END;
      CREATE TRIGGER interactions_touch_contact_after_update AFTER UPDATE OF occurred_at, contact_id ON interactions BEGIN
        UPDATE contacts SET last_interaction_at = (
          SELECT max(occurred_at) FROM interactions WHERE contact_id = contacts.id
        ) WHERE id IN (OLD.contact_id, NEW.contact_id);
      END;

      -- One search document per contact (rowid = contact id), rebuilt by the store whenever the
      -- contact or its interactions change. remove_diacritics lets "jose" find "José"; the
      -- prefix indexes keep as-you-type prefix queries fast.
      CREATE VIRTUAL TABLE contacts_fts USING fts5(
        name, company, context, notes, timeline,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
      );
    `);
  },
};
