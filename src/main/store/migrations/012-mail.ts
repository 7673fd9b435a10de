import type { Migration } from './runner.ts';

/**
 * The user's own mailbox (issue 12). Headers only: no body, no password.
 *
 * - `mail_accounts`: an IMAP account and where its secret comes FROM (`credential`, JSON: a
 *   password command, an environment variable's name, or "the desktop app's safeStorage file").
 *   The secret itself is never written here (README, "Mail").
 * - `mail_folder_state`: per account and folder, the UIDVALIDITY the UIDs belong to, the last UID
 *   taken in, and the HIGHESTMODSEQ seen (CONDSTORE, RFC 7162; TEXT: a 63-bit value).
 * - `mail_messages`: one row per message whatever the folders and accounts it sits in, keyed by
 *   its Message-ID (or a hash of its headers when it has none), so a copy in Sent and INBOX, or in
 *   two accounts, becomes one interaction. `reacted` = 0 until the follow-up engine has seen it:
 *   reactions run in date order after a whole pass, so a reply is never read before the message
 *   it answers.
 * - `mail_message_seen`: where it was seen (account, folder, UIDVALIDITY, UID).
 * - `mail_message_people`: the From/To/Cc addresses, with the interaction each made on a
 *   contact's timeline (for suggestions of people written to who are not contacts, and for
 *   "these interactions came from mail").
 * - `mail_dismissed_suggestions`: addresses the user said not to offer again.
 */
export const migration012: Migration = {
  version: 12,
  name: 'mail: accounts, folder sync state, messages seen and the interactions they made',
  up(db) {
    db.exec(`
      CREATE TABLE mail_accounts (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
        host          TEXT NOT NULL,
        port          INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
        security      TEXT NOT NULL CHECK (security IN ('tls', 'starttls', 'insecure-local')),
        user_name     TEXT NOT NULL,
        auth          TEXT NOT NULL DEFAULT 'password' CHECK (auth IN ('password', 'oauth2')),
        credential    TEXT NOT NULL,
        folders       TEXT,
        my_addresses  TEXT NOT NULL DEFAULT '[]',
        idle          INTEGER NOT NULL DEFAULT 1 CHECK (idle IN (0, 1)),
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        last_sync_at  TEXT,
        last_error    TEXT
      ) STRICT;

      CREATE TABLE mail_folder_state (
        account_id      INTEGER NOT NULL REFERENCES mail_accounts(id) ON DELETE CASCADE,
        folder          TEXT NOT NULL,
        uidvalidity     TEXT NOT NULL,
        last_uid        INTEGER NOT NULL,
        highest_modseq  TEXT,
        synced_at       TEXT NOT NULL,
        PRIMARY KEY (account_id, folder)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE mail_messages (
        id             INTEGER PRIMARY KEY,
        message_key    TEXT NOT NULL UNIQUE,
        thread_key     TEXT NOT NULL,
        occurred_at    TEXT NOT NULL,
        direction      TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        subject        TEXT,
        recipients     INTEGER NOT NULL,
        reacted        INTEGER NOT NULL DEFAULT 0 CHECK (reacted IN (0, 1)),
        first_seen_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX mail_messages_to_react ON mail_messages(occurred_at) WHERE reacted = 0;

      CREATE TABLE mail_message_seen (
        account_id   INTEGER NOT NULL REFERENCES mail_accounts(id) ON DELETE CASCADE,
        folder       TEXT NOT NULL,
        uidvalidity  TEXT NOT NULL,
        uid          INTEGER NOT NULL,
        message_id   INTEGER NOT NULL REFERENCES mail_messages(id) ON DELETE CASCADE,
        PRIMARY KEY (account_id, folder, uidvalidity, uid)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX mail_message_seen_by_message ON mail_message_seen(message_id);

      CREATE TABLE mail_message_people (
        message_id      INTEGER NOT NULL REFERENCES mail_messages(id) ON DELETE CASCADE,
        role            TEXT NOT NULL CHECK (role IN ('from', 'to', 'cc')),
        address         TEXT NOT NULL,
        name            TEXT,
        interaction_id  INTEGER REFERENCES interactions(id) ON DELETE SET NULL,
        PRIMARY KEY (message_id, role, address)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX mail_message_people_by_address ON mail_message_people(address);
      CREATE INDEX mail_message_people_by_interaction ON mail_message_people(interaction_id)
        WHERE interaction_id IS NOT NULL;

      CREATE TABLE mail_dismissed_suggestions (
        address       TEXT PRIMARY KEY,
        dismissed_at  TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
