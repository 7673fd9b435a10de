import type { Migration } from './runner.ts';

/**
 * Facts the insights report (issue 13) used to look up per message, stored when messages are
 * written: over the 50,000-contact seed, two index searches per message (is it answered?) and one
 * per person (their first message) cost about 200 ms of the report's 1.1 s of CPU.
 *
 * - `interactions.reply_at`, on a message of mine: when the contact answered it, the first message
 *   from them after it, if that came before my next message to them and at most 14 days later
 *   (REPLY_WINDOW_DAYS, frozen here: changing the window takes a migration that recomputes it).
 *   NULL for theirs and for the unanswered.
 * - `interactions.step_purpose`: the purpose of the follow-up step the message was logged for
 *   (the first such step done), NULL if none: kept by triggers on followups.
 * - `contacts.first_outbound_at`: my first message to them ever.
 * - `interactions_by_contact_direction` is rebuilt with both in it, so the report still reads
 *   messages from the index alone.
 *
 * Triggers keep both right whatever writes the history (the mail sync backfilling old messages,
 * imports, merges moving messages, deletes, undo restoring rows), so no writer can forget them.
 * A message at time t changes the answer of only two sets: itself, and my messages that were the
 * last before t with that contact (all of them at that same instant); an update is a delete at the
 * old place and an insert at the new. Each trigger recomputes exactly those from the index. A row
 * written with its facts in it (a restore) has them recomputed the same way.
 */

/**
 * The reply_at of the outbound row named `row`, looked up. The inner SELECT ... LIMIT 1 keeps
 * SQLite from copying each lookup into every place it is read; in this order so that strftime,
 * the dearest, runs only for a message answered before the next. The insights units look facts
 * up with it on a database 016 has not reached.
 */
export const replyAtOf = (
  row: string,
) => `(SELECT CASE WHEN next_in IS NULL OR next_in >= coalesce(next_out, '9999') THEN NULL
         WHEN next_in <= strftime('%Y-%m-%dT%H:%M:%fZ', ${row}.occurred_at, '+14 days') THEN next_in END
   FROM (SELECT
     (SELECT min(r.occurred_at) FROM interactions r WHERE r.contact_id = ${row}.contact_id
        AND r.direction = 'inbound' AND r.occurred_at > ${row}.occurred_at) AS next_in,
     (SELECT min(n.occurred_at) FROM interactions n WHERE n.contact_id = ${row}.contact_id
        AND n.direction = 'outbound' AND n.occurred_at > ${row}.occurred_at) AS next_out
     LIMIT 1))`;

const REPLY_AT = replyAtOf('interactions');

/** Recomputes my messages to `contact` that are the last before `at` (one instant: ties included). */
const lastBefore = (contact: string, at: string) => `
  UPDATE interactions SET reply_at = ${REPLY_AT}
  WHERE contact_id = ${contact} AND direction = 'outbound' AND occurred_at = (
    SELECT max(p.occurred_at) FROM interactions p
    WHERE p.contact_id = ${contact} AND p.direction = 'outbound' AND p.occurred_at < ${at});`;

const STEP_PURPOSE = `(SELECT f.purpose FROM followups f WHERE f.interaction_id = interactions.id
  AND f.status = 'done' ORDER BY f.id LIMIT 1)`;

/** Recomputes the row itself: answered if mine, NULL if theirs; and the step it was for. */
const itself = (id: string) => `
  UPDATE interactions SET reply_at = CASE WHEN direction = 'outbound' THEN ${REPLY_AT} END,
    step_purpose = ${STEP_PURPOSE} WHERE id = ${id};`;

const FIRST_OUTBOUND = `(SELECT min(o.occurred_at) FROM interactions o WHERE o.contact_id = contacts.id AND o.direction = 'outbound')`;

const firstOutbound = (where: string) => `
  UPDATE contacts SET first_outbound_at = ${FIRST_OUTBOUND} WHERE ${where};`;

// A contact row written whole (an undo restoring a snapshot, a backup restored) brings its old
// first_outbound_at: put right what the history says. (SQLite's recursive_triggers is off, so
// the guard's own UPDATE does not fire it again; the WHEN makes it a no-op when already right.)
const guardFirstOutbound = (event: string) => `
  CREATE TRIGGER contacts_first_outbound_${event === 'INSERT' ? 'after_insert' : 'after_update'}
  AFTER ${event} ON contacts
  WHEN NEW.first_outbound_at IS NOT (SELECT min(o.occurred_at) FROM interactions o
                                     WHERE o.contact_id = NEW.id AND o.direction = 'outbound')
  BEGIN
    ${firstOutbound('id = NEW.id')}
  END;`;

export const migration016: Migration = {
  version: 16,
  name: 'insights: answered-at and step purpose on messages, my first message per contact, kept by triggers',
  up(db) {
    db.exec(`
      ALTER TABLE interactions ADD COLUMN reply_at TEXT;
      ALTER TABLE interactions ADD COLUMN step_purpose TEXT;
      ALTER TABLE contacts ADD COLUMN first_outbound_at TEXT;
      DROP INDEX interactions_by_contact_direction;
      CREATE INDEX interactions_by_contact_direction ON interactions(
        contact_id, direction, occurred_at, channel, draft_purpose, draft_variant, reply_at, step_purpose);

      UPDATE interactions SET reply_at = ${REPLY_AT} WHERE direction = 'outbound';
      UPDATE interactions SET step_purpose = ${STEP_PURPOSE}
      WHERE id IN (SELECT interaction_id FROM followups WHERE interaction_id IS NOT NULL);
      ${firstOutbound('1')}

      CREATE TRIGGER interactions_facts_after_insert AFTER INSERT ON interactions BEGIN
        ${itself('NEW.id')}
        ${lastBefore('NEW.contact_id', 'NEW.occurred_at')}
        ${firstOutbound(`id = NEW.contact_id AND NEW.direction = 'outbound'`)}
      END;
      CREATE TRIGGER interactions_facts_after_delete AFTER DELETE ON interactions BEGIN
        ${lastBefore('OLD.contact_id', 'OLD.occurred_at')}
        ${firstOutbound(`id = OLD.contact_id AND OLD.direction = 'outbound'`)}
      END;
      CREATE TRIGGER interactions_facts_after_update AFTER UPDATE OF occurred_at, direction, contact_id ON interactions
      BEGIN
        ${itself('NEW.id')}
        ${lastBefore('OLD.contact_id', 'OLD.occurred_at')}
        ${lastBefore('NEW.contact_id', 'NEW.occurred_at')}
        ${firstOutbound('id IN (OLD.contact_id, NEW.contact_id)')}
      END;
      CREATE TRIGGER followups_step_purpose_after_insert AFTER INSERT ON followups
      WHEN NEW.interaction_id IS NOT NULL BEGIN
        UPDATE interactions SET step_purpose = ${STEP_PURPOSE} WHERE id = NEW.interaction_id;
      END;
      CREATE TRIGGER followups_step_purpose_after_delete AFTER DELETE ON followups
      WHEN OLD.interaction_id IS NOT NULL BEGIN
        UPDATE interactions SET step_purpose = ${STEP_PURPOSE} WHERE id = OLD.interaction_id;
      END;
      CREATE TRIGGER followups_step_purpose_after_update AFTER UPDATE OF interaction_id, status, purpose ON followups
      WHEN OLD.interaction_id IS NOT NULL OR NEW.interaction_id IS NOT NULL BEGIN
        UPDATE interactions SET step_purpose = ${STEP_PURPOSE} WHERE id IN (OLD.interaction_id, NEW.interaction_id);
      END;
      ${guardFirstOutbound('INSERT')}
      ${guardFirstOutbound('UPDATE OF first_outbound_at')}
    `);
  },
};
