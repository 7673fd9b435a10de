import type { Migration } from './runner.ts';

/**
 * The user's own CalDAV/CardDAV server (issue 14). No secret: `credential` says where it comes
 * FROM (a password command, a variable's name, the desktop app's safeStorage file), as for mail.
 *
 * - `sync_accounts`: the server, the user, the calendar chosen or created, and the calendar's
 *   incremental-read state (RFC 6578 sync token, else its ctag).
 * - `sync_objects`: what each local thing (a step, a meeting, a promise's due day) is on the server: its href, the ETag of the version
 *   pushed or last read (for If-Match), and what was pushed (the start, to tell a move made in
 *   the calendar app from other edits; a hash of the content, to see what needs pushing again).
 * - `sync_outbox`: every change waiting to be pushed, in order (seq). It is filled by the
 *   triggers below in the same transaction as the change itself, so no handler can forget it
 *   and a crash loses nothing: a change is either committed with its outbox row or not at all.
 *   One row per object: a second change before the push replaces the row (a new seq, at the
 *   end of the order) and the push sends the newest state once. A row goes only in the
 *   transaction that records the server's answer for that very seq.
 */
export const migration013: Migration = {
  version: 13,
  name: 'sync: CalDAV/CardDAV accounts, the objects on the server, and the durable outbox',
  up(db) {
    db.exec(`
      CREATE TABLE sync_accounts (
        id                   INTEGER PRIMARY KEY,
        url                  TEXT NOT NULL,
        user_name            TEXT NOT NULL,
        credential           TEXT NOT NULL,
        calendar_name        TEXT NOT NULL,
        addressbook_name     TEXT,
        principal_url        TEXT,
        calendar_url         TEXT,
        calendar_sync_token  TEXT,
        calendar_ctag        TEXT,
        created_at           TEXT NOT NULL,
        updated_at           TEXT NOT NULL,
        last_sync_at         TEXT,
        last_error           TEXT,
        UNIQUE (url, user_name)
      ) STRICT;

      CREATE TABLE sync_objects (
        account_id    INTEGER NOT NULL REFERENCES sync_accounts(id) ON DELETE CASCADE,
        kind          TEXT NOT NULL CHECK (kind IN ('step', 'meeting', 'promise')),
        entity_id     INTEGER NOT NULL,
        href          TEXT NOT NULL,
        etag          TEXT,
        pushed_start  TEXT,
        pushed_hash   TEXT,
        pushed_at     TEXT NOT NULL,
        PRIMARY KEY (account_id, kind, entity_id)
      ) STRICT, WITHOUT ROWID;
      CREATE UNIQUE INDEX sync_objects_by_href ON sync_objects(account_id, href);

      CREATE TABLE sync_outbox (
        seq              INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id       INTEGER NOT NULL REFERENCES sync_accounts(id) ON DELETE CASCADE,
        kind             TEXT NOT NULL CHECK (kind IN ('step', 'meeting', 'promise')),
        entity_id        INTEGER NOT NULL,
        attempts         INTEGER NOT NULL DEFAULT 0,
        last_error       TEXT,
        next_attempt_at  TEXT,
        UNIQUE (account_id, kind, entity_id)
      ) STRICT;
      CREATE INDEX sync_outbox_in_order ON sync_outbox(account_id, seq);

      -- A step's event changes with its day, time, state, wording or revision. notified_at and
      -- the like do not touch the event and queue nothing.
      CREATE TRIGGER sync_outbox_step_added AFTER INSERT ON followups
      BEGIN
        INSERT OR REPLACE INTO sync_outbox (account_id, kind, entity_id)
          SELECT id, 'step', NEW.id FROM sync_accounts;
      END;
      CREATE TRIGGER sync_outbox_step_changed
      AFTER UPDATE OF due_at, due_on, status, purpose, reason, context, sequence, contact_id ON followups
      WHEN OLD.due_at IS NOT NEW.due_at OR OLD.status IS NOT NEW.status OR OLD.purpose IS NOT NEW.purpose
        OR OLD.reason IS NOT NEW.reason OR OLD.context IS NOT NEW.context
        OR OLD.sequence IS NOT NEW.sequence OR OLD.contact_id IS NOT NEW.contact_id
      BEGIN
        INSERT OR REPLACE INTO sync_outbox (account_id, kind, entity_id)
          SELECT id, 'step', NEW.id FROM sync_accounts;
      END;
      CREATE TRIGGER sync_outbox_step_deleted AFTER DELETE ON followups
      BEGIN
        INSERT OR REPLACE INTO sync_outbox (account_id, kind, entity_id)
          SELECT account_id, 'step', OLD.id FROM sync_objects WHERE kind = 'step' AND entity_id = OLD.id;
      END;
      -- A meeting is a cycle's meeting time; it leaves the calendar when the cycle is cancelled.
      CREATE TRIGGER sync_outbox_meeting_added AFTER INSERT ON cycles WHEN NEW.meeting_at IS NOT NULL
      BEGIN
        INSERT OR REPLACE INTO sync_outbox (account_id, kind, entity_id)
          SELECT id, 'meeting', NEW.id FROM sync_accounts;
      END;
      CREATE TRIGGER sync_outbox_meeting_changed AFTER UPDATE OF meeting_at, note, ending ON cycles
      WHEN OLD.meeting_at IS NOT NEW.meeting_at OR OLD.note IS NOT NEW.note OR OLD.ending IS NOT NEW.ending
      BEGIN
        INSERT OR REPLACE INTO sync_outbox (account_id, kind, entity_id)
          SELECT id, 'meeting', NEW.id FROM sync_accounts;
      END;
      CREATE TRIGGER sync_outbox_meeting_deleted AFTER DELETE ON cycles
      BEGIN
        INSERT OR REPLACE INTO sync_outbox (account_id, kind, entity_id)
          SELECT account_id, 'meeting', OLD.id FROM sync_objects WHERE kind = 'meeting' AND entity_id = OLD.id;
      END;
      CREATE TRIGGER sync_outbox_promise_added AFTER INSERT ON promises
      BEGIN
        INSERT OR REPLACE INTO sync_outbox (account_id, kind, entity_id)
          SELECT id, 'promise', NEW.id FROM sync_accounts;
      END;
      CREATE TRIGGER sync_outbox_promise_changed AFTER UPDATE OF due_on, status, text, direction ON promises
      WHEN OLD.due_on IS NOT NEW.due_on OR OLD.status IS NOT NEW.status OR OLD.text IS NOT NEW.text
        OR OLD.direction IS NOT NEW.direction
      BEGIN
        INSERT OR REPLACE INTO sync_outbox (account_id, kind, entity_id)
          SELECT id, 'promise', NEW.id FROM sync_accounts;
      END;
      CREATE TRIGGER sync_outbox_promise_deleted AFTER DELETE ON promises
      BEGIN
        INSERT OR REPLACE INTO sync_outbox (account_id, kind, entity_id)
          SELECT account_id, 'promise', OLD.id FROM sync_objects WHERE kind = 'promise' AND entity_id = OLD.id;
      END;
      -- Every title carries the contact's name.
      CREATE TRIGGER sync_outbox_contact_renamed AFTER UPDATE OF display_name ON contacts
      WHEN OLD.display_name IS NOT NEW.display_name
      BEGIN
        INSERT OR REPLACE INTO sync_outbox (account_id, kind, entity_id)
          SELECT a.id, 'step', f.id FROM sync_accounts a
            CROSS JOIN followups f INDEXED BY followups_by_contact
          WHERE f.contact_id = NEW.id AND f.status IN ('pending', 'snoozed');
        INSERT OR REPLACE INTO sync_outbox (account_id, kind, entity_id)
          SELECT o.account_id, o.kind, o.entity_id FROM sync_objects o
          WHERE (o.kind = 'meeting' AND o.entity_id IN (SELECT id FROM cycles WHERE contact_id = NEW.id))
             OR (o.kind = 'promise' AND o.entity_id IN (SELECT id FROM promises WHERE contact_id = NEW.id));
      END;
    `);
  },
};
