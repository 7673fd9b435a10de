import type { Migration } from './runner.ts';

/**
 * Undo for quick actions, and an agreed next step that can be done.
 *
 * - `undo_actions`: one row per undoable action (Done, Skip, Snooze, a calendar move, Mark
 *   reviewed), newest last. `changes` holds, for every row the action wrote, the values it
 *   changed before and after (store/undo-store.ts), so an undo puts back exactly those values
 *   and refuses when any of them changed since. Deleting a contact deletes the undo entries that
 *   would resurrect its rows. Not part of a backup: it is a short-lived journal, not data.
 * - `contacts.next_step_due_on` (a local day), `next_step_done_at` (an instant) and
 *   `next_step_promise_id` (the promise it became). The last has no REFERENCES: promises already
 *   reference contacts, and a reference back would make restoring a backup depend on the order
 *   of the two tables; a promise disappears only with its contact, and a dangling id reads as
 *   "no promise".
 * - `followups_by_interaction`: deleting an interaction (undoing Done, or by hand) makes SQLite
 *   look for the steps that reference it (ON DELETE SET NULL); without an index that is a scan of
 *   every step, 80 ms on the 50,000-contact seed, 6 ms with it.
 */
export const migration008: Migration = {
  version: 8,
  name: 'undo for quick actions; the next step gets a due date and a done',
  up(db) {
    db.exec(`
      ALTER TABLE contacts ADD COLUMN next_step_due_on TEXT;
      ALTER TABLE contacts ADD COLUMN next_step_done_at TEXT;
      ALTER TABLE contacts ADD COLUMN next_step_promise_id INTEGER;

      CREATE TABLE undo_actions (
        id           INTEGER PRIMARY KEY,
        kind         TEXT NOT NULL CHECK (kind IN ('done', 'skip', 'snooze', 'reschedule', 'mark_reviewed')),
        summary      TEXT NOT NULL,
        contact_id   INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
        followup_id  INTEGER,
        recorded_at  TEXT NOT NULL,
        -- How many rows the entry puts back: said without reading \`changes\` (10 MB after marking
        -- 50,000 contacts reviewed).
        row_count    INTEGER NOT NULL,
        changes      TEXT NOT NULL CHECK (json_valid(changes))
      ) STRICT;
      CREATE INDEX undo_actions_by_contact ON undo_actions(contact_id) WHERE contact_id IS NOT NULL;
      CREATE INDEX followups_by_interaction ON followups(interaction_id) WHERE interaction_id IS NOT NULL;
    `);
  },
};
