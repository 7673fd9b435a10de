// Migration 021 keeps the reply measures' counts (my messages and the answered ones per UTC day
// and channel, purpose, template and pacing, and per UTC hour) and each person's pacing as the
// report reads it, by triggers. It is applied here on a database at 020 holding messages, then
// random writes of every kind that moves a count (messages added, moved, re-dated, answered,
// deleted; a person's pacing, review state, tags, deletion; a tag's pacing, name, deletion; rows
// written whole, as undo does) are checked against a count from scratch after every step.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { pick, seededRandom } from '../../../src/main/seed/random.ts';
import { migration021 } from '../../../src/main/store/migrations/021-sent-aggregates.ts';
import { MIGRATIONS } from '../../../src/main/store/migrations/index.ts';
import { migrate } from '../../../src/main/store/migrations/runner.ts';
import { writeTransaction } from '../../../src/main/store/transaction.ts';

const opened: Database.Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const STAMP = '2026-01-01T00:00:00.000Z';
const PACINGS = [null, null, null, 'fast', 'standard', 'deliberate'];
const CHANNELS = ['email', 'linkedin', 'call'];

function openAt20(): Database.Database {
  const db = new Database(':memory:');
  opened.push(db);
  db.pragma('foreign_keys = ON');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version < 21),
  );
  return db;
}

function addContact(db: Database.Database, random: () => number): number {
  return Number(
    db
      .prepare(
        `INSERT INTO contacts (display_name, created_at, updated_at, pacing, review_state)
         VALUES ('P', ?, ?, ?, ?)`,
      )
      .run(STAMP, STAMP, pick(random, PACINGS), random() < 0.2 ? 'imported' : null).lastInsertRowid,
  );
}

function addMessage(db: Database.Database, random: () => number, contact: number): void {
  const at = new Date(Date.parse(STAMP) + Math.floor(random() * 40 * 24) * 3_600_000 + random() * 3e6);
  db.prepare(
    `INSERT INTO interactions (contact_id, occurred_at, channel, direction, summary, created_at, draft_purpose, draft_variant)
     VALUES (?, ?, ?, ?, 'Hi', ?, ?, ?)`,
  ).run(
    contact,
    at.toISOString(),
    pick(random, CHANNELS),
    random() < 0.6 ? 'outbound' : 'inbound',
    STAMP,
    ...(random() < 0.3 ? ['refresher', 1 + Math.floor(random() * 2)] : [null, null]),
  );
}

/** The counts and keys from scratch, as the report defines them (its unit path's expressions). */
function expectCountsRight(db: Database.Database, step: string): void {
  const keys = db
    .prepare(
      `SELECT id, CASE WHEN review_state IS NULL THEN coalesce(pacing,
         (SELECT t.pacing FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
          WHERE ct.contact_id = contacts.id AND t.pacing IS NOT NULL ORDER BY t.name LIMIT 1), '') END AS k
       FROM contacts ORDER BY id`,
    )
    .all() as { id: number; k: string | null }[];
  const stored = db.prepare('SELECT id, insights_pacing AS k FROM contacts ORDER BY id').all();
  expect({ step, keys: stored }).toEqual({ step, keys });
  const days = db
    .prepare(
      `SELECT substr(o.occurred_at, 1, 10) AS day, o.channel, coalesce(o.step_purpose, 'unplanned') AS purpose,
         CASE WHEN o.draft_purpose IS NOT NULL AND o.draft_variant IS NOT NULL
              THEN o.draft_purpose || '/' || o.draft_variant ELSE '' END AS template,
         c.insights_pacing AS pacing, count(*) AS sent, count(o.reply_at) AS replied
       FROM interactions o JOIN contacts c ON c.id = o.contact_id
       WHERE o.direction = 'outbound' AND c.review_state IS NULL
       GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    )
    .all();
  const hours = db
    .prepare(
      `SELECT substr(o.occurred_at, 1, 13) AS hour, count(*) AS sent, count(o.reply_at) AS replied
       FROM interactions o JOIN contacts c ON c.id = o.contact_id
       WHERE o.direction = 'outbound' AND c.review_state IS NULL GROUP BY 1 ORDER BY 1`,
    )
    .all();
  expect({
    step,
    days: db
      .prepare(
        'SELECT * FROM insights_sent_days WHERE sent <> 0 OR replied <> 0 ORDER BY day, channel, purpose, template, pacing',
      )
      .all(),
    hours: db
      .prepare('SELECT * FROM insights_sent_hours WHERE sent <> 0 OR replied <> 0 ORDER BY hour')
      .all(),
  }).toEqual({ step, days, hours });
}

type Db = Database.Database;
const ids = (db: Db, sql: string) => db.prepare(sql).pluck().all() as number[];

/** One random write of each kind that moves a count, named for the failure message. */
const WRITES: [string, (db: Db, r: () => number) => void][] = [
  ['add a message', (db, r) => addMessage(db, r, pick(r, ids(db, 'SELECT id FROM contacts')))],
  [
    'delete a message',
    (db, r) => {
      const m = ids(db, 'SELECT id FROM interactions');
      if (m.length) db.prepare('DELETE FROM interactions WHERE id = ?').run(pick(r, m));
    },
  ],
  [
    'move, re-date or re-channel a message',
    (db, r) => {
      const m = ids(db, 'SELECT id FROM interactions');
      if (!m.length) return;
      const id = pick(r, m);
      const roll = r();
      if (roll < 0.3)
        db.prepare('UPDATE interactions SET contact_id = ? WHERE id = ?').run(
          pick(r, ids(db, 'SELECT id FROM contacts')),
          id,
        );
      else if (roll < 0.6)
        db.prepare(
          "UPDATE interactions SET occurred_at = strftime('%Y-%m-%dT%H:%M:%fZ', occurred_at, ?) WHERE id = ?",
        ).run(`${Math.floor(r() * 200) - 100} hours`, id);
      else if (roll < 0.75)
        db.prepare('UPDATE interactions SET channel = ?, draft_purpose = NULL WHERE id = ?').run(
          pick(r, CHANNELS),
          id,
        );
      else if (roll < 0.9)
        db.prepare(
          "UPDATE interactions SET direction = CASE direction WHEN 'outbound' THEN 'inbound' ELSE 'outbound' END WHERE id = ?",
        ).run(id);
      else db.prepare("UPDATE interactions SET step_purpose = 'second' WHERE id = ?").run(id);
    },
  ],
  [
    "change a person's pacing or review state",
    (db, r) => {
      const id = pick(r, ids(db, 'SELECT id FROM contacts'));
      if (r() < 0.5) db.prepare('UPDATE contacts SET pacing = ? WHERE id = ?').run(pick(r, PACINGS), id);
      else
        db.prepare(
          "UPDATE contacts SET review_state = CASE WHEN review_state IS NULL THEN 'imported' END WHERE id = ?",
        ).run(id);
    },
  ],
  [
    'write a person whole with a wrong key (an undo)',
    (db, r) => {
      const id = pick(r, ids(db, 'SELECT id FROM contacts'));
      db.prepare(
        'UPDATE contacts SET insights_pacing = ?, pacing = pacing, display_name = ? WHERE id = ?',
      ).run(pick(r, ['fast', '', null]), 'Q', id);
    },
  ],
  [
    'delete a person, or add one written whole',
    (db, r) => {
      if (r() < 0.5) {
        const people = ids(db, 'SELECT id FROM contacts');
        if (people.length > 3) db.prepare('DELETE FROM contacts WHERE id = ?').run(pick(r, people));
      } else {
        const id = Number(
          db
            .prepare(
              `INSERT INTO contacts (display_name, created_at, updated_at, insights_pacing) VALUES ('R', ?, ?, 'deliberate')`,
            )
            .run(STAMP, STAMP).lastInsertRowid,
        );
        addMessage(db, r, id);
      }
    },
  ],
  [
    'tag or untag a person',
    (db, r) => {
      const tags = ids(db, 'SELECT id FROM tags');
      if (!tags.length || r() < 0.2) {
        db.prepare('INSERT INTO tags (name, pacing) VALUES (?, ?)').run(
          `t${r().toFixed(6)}`,
          pick(r, PACINGS),
        );
        return;
      }
      const person = pick(r, ids(db, 'SELECT id FROM contacts'));
      const tag = pick(r, tags);
      if (r() < 0.6)
        db.prepare('INSERT OR IGNORE INTO contact_tags (contact_id, tag_id) VALUES (?, ?)').run(person, tag);
      else db.prepare('DELETE FROM contact_tags WHERE contact_id = ?').run(person);
    },
  ],
  [
    'change, rename or delete a tag',
    (db, r) => {
      const tags = ids(db, 'SELECT id FROM tags');
      if (!tags.length) return;
      const tag = pick(r, tags);
      const roll = r();
      if (roll < 0.4) db.prepare('UPDATE tags SET pacing = ? WHERE id = ?').run(pick(r, PACINGS), tag);
      else if (roll < 0.8)
        db.prepare('UPDATE tags SET name = ? WHERE id = ?').run(`${pick(r, ['a', 'z'])}${tag}`, tag);
      else db.prepare('DELETE FROM tags WHERE id = ?').run(tag);
    },
  ],
];

describe('migration 021: my messages and their answers counted', () => {
  it('counts the messages already there when it is applied', () => {
    const db = openAt20();
    const random = seededRandom(9);
    writeTransaction(db, () => {
      db.prepare(
        "INSERT INTO tags (name, pacing) VALUES ('b', 'fast'), ('a', NULL), ('c', 'deliberate')",
      ).run();
      for (let i = 0; i < 12; i++) {
        const id = addContact(db, random);
        for (let j = 0; j < 6; j++) addMessage(db, random, id);
        if (i % 3 === 0)
          db.prepare('INSERT INTO contact_tags (contact_id, tag_id) VALUES (?, 1), (?, 3)').run(id, id);
      }
    });
    expect(db.prepare('SELECT count(reply_at) FROM interactions').pluck().get()).toBeGreaterThan(0);
    writeTransaction(db, () => migration021.up(db));
    expectCountsRight(db, 'applied');
  });

  it.each([1, 2, 3, 4])('keeps the counts through random writes (seed %i)', (seed) => {
    const db = openAt20();
    writeTransaction(db, () => migration021.up(db));
    const random = seededRandom(seed);
    // People with two tags of different pacings, so a tag renamed changes which one they follow.
    db.prepare(
      "INSERT INTO tags (name, pacing) VALUES ('m1', 'fast'), ('m2', 'deliberate'), ('m3', 'standard')",
    ).run();
    for (let i = 0; i < 6; i++) {
      const id = addContact(db, random);
      for (let j = 0; j < 4; j++) addMessage(db, random, id);
      db.prepare('INSERT INTO contact_tags (contact_id, tag_id) VALUES (?, ?), (?, ?)').run(
        id,
        1 + (i % 3),
        id,
        1 + ((i + 1) % 3),
      );
    }
    expectCountsRight(db, 'set up');
    for (let i = 0; i < 250; i++) {
      const [name, write] = pick(random, WRITES);
      writeTransaction(db, () => write(db, random));
      expectCountsRight(db, `step ${i}: ${name}`);
    }
  });
});
