import type { Migration } from './runner.ts';

/**
 * The reply measures' counts kept as the messages are written (issue 13): over the 50,000-contact
 * seed, any pass over its 150,000 messages of mine cost 100-165 ms, and the reply figures made
 * two (grouped by channel, purpose, pacing and template, and by the hour sent), about 500 ms of a
 * report that must take under 200.
 *
 * - `insights_sent_days`: my messages and the answered ones per UTC day sent, channel, purpose
 *   (the step's, else 'unplanned'), template ('' for none) and pacing ('' for the default, which
 *   is a setting, not in the database). ~9,000 rows on the seed.
 * - `insights_sent_hours`: the same per UTC hour sent, for the weekday and hour figures (in a
 *   zone whose offsets are whole hours, a UTC hour is one local hour). ~16,000 rows.
 * - `contacts.insights_pacing`: the pacing a person's messages are counted under, as the report
 *   reads it (their own, else their first tag's by name that has one, else ''), or NULL for an
 *   unreviewed import, whose messages are not counted at all.
 * - Two partial indexes on my messages: by time sent (the report counts the partial UTC days at
 *   its period's ends from the messages themselves) and by how long an answer took (the median is
 *   a walk to the middle of that index, not a sort).
 *
 * The counts are sums of +1 and -1 applied as rows change, so they are right whatever order the
 * triggers of one statement run in: a message's change is its old image taken out and its new one
 * put in, each under the person's key as it is when the trigger runs; a change of a person's key
 * moves all their messages from the old key to the new. insights_pacing is recomputed by triggers
 * on whatever it is read from (the person's pacing and review state, their tags, a tag's pacing
 * and name), and guarded against rows written whole (an undo restoring a snapshot), as 016 guards
 * first_outbound_at. A person deleted takes their messages out first (BEFORE DELETE): their
 * messages then go by cascade after the person's row, when they no longer have a key to be taken
 * out under. The report checks the tables against the messages in tests, whatever wrote them.
 */

/** A person's key as the report reads it; `c` is their contacts row. */
const KEY = (c: string) => `CASE WHEN ${c}.review_state IS NULL THEN coalesce(${c}.pacing,
  (SELECT t.pacing FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
   WHERE ct.contact_id = ${c}.id AND t.pacing IS NOT NULL ORDER BY t.name LIMIT 1), '') END`;

const TEMPLATE = (m: string) =>
  `CASE WHEN ${m}.draft_purpose IS NOT NULL AND ${m}.draft_variant IS NOT NULL
     THEN ${m}.draft_purpose || '/' || ${m}.draft_variant ELSE '' END`;

const ADD = 'ON CONFLICT DO UPDATE SET sent = sent + excluded.sent, replied = replied + excluded.replied;';

/** One message's image (OLD or NEW) counted `sign` times, under its person's key now. */
const countMessage = (m: string, sign: string) => `
  INSERT INTO insights_sent_days (day, channel, purpose, template, pacing, sent, replied)
  SELECT substr(${m}.occurred_at, 1, 10), ${m}.channel, coalesce(${m}.step_purpose, 'unplanned'),
    ${TEMPLATE(m)}, c.insights_pacing, ${sign}, ${sign} * (${m}.reply_at IS NOT NULL)
  FROM contacts c WHERE c.id = ${m}.contact_id AND c.insights_pacing IS NOT NULL AND ${m}.direction = 'outbound'
  ${ADD}
  INSERT INTO insights_sent_hours (hour, sent, replied)
  SELECT substr(${m}.occurred_at, 1, 13), ${sign}, ${sign} * (${m}.reply_at IS NOT NULL)
  FROM contacts c WHERE c.id = ${m}.contact_id AND c.insights_pacing IS NOT NULL AND ${m}.direction = 'outbound'
  ${ADD}`;

/** A person's messages counted `sign` times under `key` (nothing when the key is NULL). */
const countPerson = (person: string, key: string, sign: string) => `
  INSERT INTO insights_sent_days (day, channel, purpose, template, pacing, sent, replied)
  SELECT substr(o.occurred_at, 1, 10), o.channel, coalesce(o.step_purpose, 'unplanned'), ${TEMPLATE('o')},
    ${key}, ${sign} * count(*), ${sign} * count(o.reply_at)
  FROM interactions o WHERE o.contact_id = ${person} AND o.direction = 'outbound' AND ${key} IS NOT NULL
  GROUP BY 1, 2, 3, 4
  ${ADD}`;

const countPersonHours = (person: string, sign: string) => `
  INSERT INTO insights_sent_hours (hour, sent, replied)
  SELECT substr(o.occurred_at, 1, 13), ${sign} * count(*), ${sign} * count(o.reply_at)
  FROM interactions o WHERE o.contact_id = ${person} AND o.direction = 'outbound'
  GROUP BY 1
  ${ADD}`;

const rekey = (where: string) => `
  UPDATE contacts SET insights_pacing = ${KEY('contacts')}
  WHERE (${where}) AND insights_pacing IS NOT ${KEY('contacts')};`;

const MESSAGE_COLUMNS = [
  'occurred_at',
  'direction',
  'contact_id',
  'channel',
  'step_purpose',
  'draft_purpose',
  'draft_variant',
  'reply_at',
];

export const migration021: Migration = {
  version: 21,
  name: 'insights: my messages and their answers counted per day and per hour, kept by triggers',
  up(db) {
    db.exec(`
      ALTER TABLE contacts ADD COLUMN insights_pacing TEXT;
      UPDATE contacts SET insights_pacing = ${KEY('contacts')};
      CREATE TABLE insights_sent_days (
        day TEXT NOT NULL, channel TEXT NOT NULL, purpose TEXT NOT NULL, template TEXT NOT NULL,
        pacing TEXT NOT NULL, sent INTEGER NOT NULL, replied INTEGER NOT NULL,
        PRIMARY KEY (day, channel, purpose, template, pacing)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE insights_sent_hours (
        hour TEXT NOT NULL PRIMARY KEY, sent INTEGER NOT NULL, replied INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      INSERT INTO insights_sent_days (day, channel, purpose, template, pacing, sent, replied)
      SELECT substr(o.occurred_at, 1, 10), o.channel, coalesce(o.step_purpose, 'unplanned'), ${TEMPLATE('o')},
        c.insights_pacing, count(*), count(o.reply_at)
      FROM interactions o JOIN contacts c ON c.id = o.contact_id
      WHERE o.direction = 'outbound' AND c.insights_pacing IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5;
      INSERT INTO insights_sent_hours (hour, sent, replied)
      SELECT substr(o.occurred_at, 1, 13), count(*), count(o.reply_at)
      FROM interactions o JOIN contacts c ON c.id = o.contact_id
      WHERE o.direction = 'outbound' AND c.insights_pacing IS NOT NULL
      GROUP BY 1;
      CREATE INDEX interactions_outbound_by_time ON interactions(occurred_at, contact_id)
        WHERE direction = 'outbound';
      CREATE INDEX interactions_reply_delay ON interactions(
        (julianday(reply_at) - julianday(occurred_at)), occurred_at, contact_id)
        WHERE direction = 'outbound' AND reply_at IS NOT NULL;

      CREATE TRIGGER interactions_sent_after_insert AFTER INSERT ON interactions
      WHEN NEW.direction = 'outbound' BEGIN
        ${countMessage('NEW', '1')}
      END;
      CREATE TRIGGER interactions_sent_after_delete AFTER DELETE ON interactions
      WHEN OLD.direction = 'outbound' BEGIN
        ${countMessage('OLD', '-1')}
      END;
      CREATE TRIGGER interactions_sent_after_update AFTER UPDATE OF ${MESSAGE_COLUMNS.join(', ')} ON interactions
      WHEN (OLD.direction = 'outbound' OR NEW.direction = 'outbound')
        AND (${MESSAGE_COLUMNS.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')}) BEGIN
        ${countMessage('OLD', '-1')}
        ${countMessage('NEW', '1')}
      END;

      CREATE TRIGGER contacts_sent_rekeyed AFTER UPDATE OF insights_pacing ON contacts
      WHEN OLD.insights_pacing IS NOT NEW.insights_pacing BEGIN
        ${countPerson('NEW.id', 'OLD.insights_pacing', '-1')}
        ${countPerson('NEW.id', 'NEW.insights_pacing', '1')}
      END;
      CREATE TRIGGER contacts_sent_hours_out AFTER UPDATE OF insights_pacing ON contacts
      WHEN OLD.insights_pacing IS NOT NULL AND NEW.insights_pacing IS NULL BEGIN
        ${countPersonHours('NEW.id', '-1')}
      END;
      CREATE TRIGGER contacts_sent_hours_in AFTER UPDATE OF insights_pacing ON contacts
      WHEN OLD.insights_pacing IS NULL AND NEW.insights_pacing IS NOT NULL BEGIN
        ${countPersonHours('NEW.id', '1')}
      END;
      CREATE TRIGGER contacts_sent_before_delete BEFORE DELETE ON contacts
      WHEN OLD.insights_pacing IS NOT NULL BEGIN
        ${countPerson('OLD.id', 'OLD.insights_pacing', '-1')}
        ${countPersonHours('OLD.id', '-1')}
      END;
      CREATE TRIGGER contacts_insights_pacing_after_insert AFTER INSERT ON contacts BEGIN
        ${rekey('id = NEW.id')}
      END;
      CREATE TRIGGER contacts_insights_pacing_after_update AFTER UPDATE OF pacing, review_state, insights_pacing ON contacts
      BEGIN
        ${rekey('id = NEW.id')}
      END;
      CREATE TRIGGER contact_tags_insights_pacing_after_insert AFTER INSERT ON contact_tags BEGIN
        ${rekey('id = NEW.contact_id')}
      END;
      CREATE TRIGGER contact_tags_insights_pacing_after_delete AFTER DELETE ON contact_tags BEGIN
        ${rekey('id = OLD.contact_id')}
      END;
      CREATE TRIGGER contact_tags_insights_pacing_after_update AFTER UPDATE ON contact_tags BEGIN
        ${rekey('id IN (OLD.contact_id, NEW.contact_id)')}
      END;
      CREATE TRIGGER tags_insights_pacing_after_update AFTER UPDATE OF pacing, name ON tags BEGIN
        ${rekey('id IN (SELECT contact_id FROM contact_tags WHERE tag_id = NEW.id)')}
      END;
    `);
  },
};
