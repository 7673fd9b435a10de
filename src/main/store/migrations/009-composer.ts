import type { Migration } from './runner.ts';

/**
 * The composer (issue 11).
 *
 * - `compose_templates`: the user's own templates (the built-in ones are code-free data shipped
 *   with the app, src/main/compose/templates). User data: part of a backup.
 * - `compose_drafts`: a message being edited, one per step, or one per contact written to
 *   without a step (followup_id NULL). Kept across restarts; a step that is done, skipped or
 *   cancelled takes its draft with it (the trigger, so no writer of steps can forget it).
 * - `interactions.draft_purpose` / `draft_variant`: which template variant a sent message came
 *   from, so the next message of that purpose to that person uses another one.
 */
export const migration009: Migration = {
  version: 9,
  name: 'composer: user templates, drafts being edited, the variant a message was sent from',
  up(db) {
    db.exec(`
      CREATE TABLE compose_templates (
        id          INTEGER PRIMARY KEY,
        purpose     TEXT NOT NULL,
        channel     TEXT NOT NULL,
        name        TEXT NOT NULL,
        subject     TEXT,
        body        TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE compose_drafts (
        id           INTEGER PRIMARY KEY,
        contact_id   INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        followup_id  INTEGER REFERENCES followups(id) ON DELETE CASCADE,
        purpose      TEXT NOT NULL,
        channel      TEXT NOT NULL,
        variant      INTEGER NOT NULL,
        subject      TEXT,
        body         TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX compose_drafts_by_step ON compose_drafts(followup_id) WHERE followup_id IS NOT NULL;
      CREATE UNIQUE INDEX compose_drafts_by_contact ON compose_drafts(contact_id) WHERE followup_id IS NULL;

      CREATE TRIGGER compose_drafts_end_with_step AFTER UPDATE OF status ON followups
        WHEN NEW.status IN ('done', 'skipped', 'cancelled') BEGIN
        DELETE FROM compose_drafts WHERE followup_id = NEW.id;
      END;

      ALTER TABLE interactions ADD COLUMN draft_purpose TEXT;
      ALTER TABLE interactions ADD COLUMN draft_variant INTEGER;
    `);
  },
};
