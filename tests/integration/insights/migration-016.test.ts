// Migration 016 stores what the insights report looked up per message: the answer to each of my
// messages, the purpose of the step it was for, and my first message to each person, kept by
// triggers. It is applied here on databases at 015, and random writes in random order are checked
// against a from-scratch computation after every step.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { pick, seededRandom } from '../../../src/main/seed/random.ts';
import { seedDatabase } from '../../../src/main/seed/seed-database.ts';
import { migration016 } from '../../../src/main/store/migrations/016-insights-facts.ts';
import { MIGRATIONS } from '../../../src/main/store/migrations/index.ts';
import { migrate } from '../../../src/main/store/migrations/runner.ts';
import { writeTransaction } from '../../../src/main/store/transaction.ts';
import type { InsightsQuery } from '../../../src/shared/domain/insights.ts';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';
import { everyMeasure } from './every-measure.ts';

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const o of opened.splice(0)) o.close();
});

const DAY_MS = 86_400_000;
const BEFORE_016 = MIGRATIONS.filter((m) => m.version < 16);

interface Row {
  id: number;
  contact_id: number;
  occurred_at: string;
  direction: 'inbound' | 'outbound';
  reply_at: string | null;
  step_purpose: string | null;
}

/** The facts computed from scratch, as README "Insights" defines a reply. */
function expected(rows: Row[]): { replies: Map<number, string | null>; firsts: Map<number, string | null> } {
  const replies = new Map<number, string | null>();
  const firsts = new Map<number, string | null>();
  for (const o of rows) {
    if (o.direction !== 'outbound') continue;
    const after = (direction: string) =>
      rows
        .filter(
          (r) => r.contact_id === o.contact_id && r.direction === direction && r.occurred_at > o.occurred_at,
        )
        .map((r) => r.occurred_at)
        .sort()[0] ?? null;
    const nextIn = after('inbound');
    const nextOut = after('outbound');
    const windowEnd = new Date(Date.parse(o.occurred_at) + 14 * DAY_MS).toISOString();
    replies.set(
      o.id,
      nextIn !== null && (nextOut === null || nextIn < nextOut) && nextIn <= windowEnd ? nextIn : null,
    );
    const first = firsts.get(o.contact_id);
    if (first === undefined || first === null || o.occurred_at < first)
      firsts.set(o.contact_id, o.occurred_at);
  }
  return { replies, firsts };
}

function openAt15(): Database.Database {
  const db = new Database(':memory:');
  opened.push(db);
  db.pragma('foreign_keys = ON');
  migrate(db, BEFORE_016);
  return db;
}

const apply016 = (db: Database.Database) => writeTransaction(db, () => migration016.up(db));

function addContact(db: Database.Database, id: number): void {
  db.prepare(
    `INSERT INTO contacts (id, display_name, created_at, updated_at) VALUES (?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  ).run(id, `Person ${id}`);
  db.prepare(
    `INSERT INTO cycles (id, contact_id, playbook, started_at) VALUES (?, ?, 'new_contact', '2026-01-01T00:00:00.000Z')`,
  ).run(id, id);
}

/** The purpose of the first step done for each message, from scratch. */
function expectedPurposes(db: Database.Database): Map<number, string> {
  const steps = db
    .prepare(
      `SELECT interaction_id, purpose FROM followups WHERE status = 'done' AND interaction_id IS NOT NULL ORDER BY id`,
    )
    .all() as { interaction_id: number; purpose: string }[];
  const purposes = new Map<number, string>();
  for (const st of steps) if (!purposes.has(st.interaction_id)) purposes.set(st.interaction_id, st.purpose);
  return purposes;
}

function expectFactsRight(db: Database.Database, step: string): void {
  const rows = db
    .prepare(
      'SELECT id, contact_id, occurred_at, direction, reply_at, step_purpose FROM interactions ORDER BY id',
    )
    .all() as Row[];
  const { replies, firsts } = expected(rows);
  const purposes = expectedPurposes(db);
  const stored = rows.map((r) => [r.id, r.reply_at, r.step_purpose]);
  const want = rows.map((r) => [r.id, replies.get(r.id) ?? null, purposes.get(r.id) ?? null]);
  expect({ step, replies: stored }).toEqual({ step, replies: want });
  const contacts = db.prepare('SELECT id, first_outbound_at FROM contacts ORDER BY id').all() as {
    id: number;
    first_outbound_at: string | null;
  }[];
  expect({ step, firsts: contacts.map((c) => [c.id, c.first_outbound_at]) }).toEqual({
    step,
    firsts: contacts.map((c) => [c.id, firsts.get(c.id) ?? null]),
  });
}

// Few contacts and a small pool of instants, so ties, a message between a message and its answer,
// and the window's edge (exactly 14 days, and a millisecond past) come up often.
const BASE = Date.parse('2026-03-01T09:00:00.000Z');
const INSTANTS = [0, 0, 1, 2, 3, 5, 8, 13, 14, 15, 16, 20, 27, 30].map((d) =>
  new Date(BASE + d * DAY_MS).toISOString(),
);
INSTANTS.push(new Date(BASE + 14 * DAY_MS + 1).toISOString(), new Date(BASE + 1.5 * DAY_MS).toISOString());
const CONTACTS = [1, 2, 3];
const DIRECTIONS = ['inbound', 'outbound'] as const;

const PURPOSES = ['refresher', 'check_in', 'second_follow_up'];
const STATUSES = ['done', 'done', 'pending', 'skipped'];

function stepOp(db: Database.Database, random: () => number, interactions: number[]): string {
  const steps = db.prepare('SELECT id FROM followups').pluck().all() as number[];
  const roll = random();
  const interaction = pick(random, [null, ...interactions]);
  if (roll < 0.5 || steps.length === 0) {
    const contact = pick(random, db.prepare('SELECT id FROM contacts').pluck().all() as number[]);
    const args = [contact, contact, pick(random, PURPOSES), pick(random, STATUSES), interaction] as const;
    db.prepare(
      `INSERT INTO followups (cycle_id, contact_id, purpose, due_on, due_at, status, priority, reason, interaction_id,
         created_at, updated_at)
       VALUES (?, ?, ?, '2026-03-01', '2026-03-01T09:00:00.000Z', ?, 1, 'test', ?,
         '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    ).run(...args);
    return `add step ${args.join(' ')}`;
  }
  const id = pick(random, steps);
  if (roll < 0.65) {
    db.prepare('DELETE FROM followups WHERE id = ?').run(id);
    return `delete step ${id}`;
  }
  const column = pick(random, ['status', 'purpose', 'interaction_id'] as const);
  const value =
    column === 'status'
      ? pick(random, STATUSES)
      : column === 'purpose'
        ? pick(random, PURPOSES)
        : interaction;
  db.prepare(`UPDATE followups SET ${column} = ? WHERE id = ?`).run(value, id);
  return `step ${id} ${column} = ${value}`;
}

/** `check`: the facts exist, and are checked after every step (else the history is written before 016). */
function randomHistory(db: Database.Database, seed: number, steps: number, check: boolean): void {
  const random = seededRandom(seed);
  const insert = db.prepare(
    `INSERT INTO interactions (contact_id, occurred_at, channel, direction, summary, created_at)
     VALUES (?, ?, 'email', ?, 'Hi', '2026-01-01T00:00:00.000Z')`,
  );
  const ids = () => db.prepare('SELECT id FROM interactions').pluck().all() as number[];
  const contacts = () => db.prepare('SELECT id FROM contacts').pluck().all() as number[];
  for (let i = 0; i < steps; i++) {
    const roll = random();
    const existing = ids();
    let step: string;
    if (roll < 0.12 && existing.length > 0) {
      // The follow-up steps a message was logged for: done or not, moved, repurposed, deleted.
      step = stepOp(db, random, existing);
    } else if (roll < 0.45 || existing.length === 0) {
      const args = [pick(random, contacts()), pick(random, INSTANTS), pick(random, DIRECTIONS)] as const;
      insert.run(...args);
      step = `insert ${args.join(' ')}`;
    } else if (roll < 0.6) {
      const id = pick(random, existing);
      db.prepare('DELETE FROM interactions WHERE id = ?').run(id);
      step = `delete ${id}`;
    } else if (roll < 0.7) {
      const id = pick(random, existing);
      const at = pick(random, INSTANTS);
      db.prepare('UPDATE interactions SET occurred_at = ? WHERE id = ?').run(at, id);
      step = `move ${id} to ${at}`;
    } else if (roll < 0.78) {
      const id = pick(random, existing);
      db.prepare(
        `UPDATE interactions SET direction = CASE direction WHEN 'inbound' THEN 'outbound' ELSE 'inbound' END WHERE id = ?`,
      ).run(id);
      step = `flip ${id}`;
    } else if (roll < 0.86) {
      const id = pick(random, existing);
      const to = pick(random, contacts());
      db.prepare('UPDATE interactions SET contact_id = ? WHERE id = ?').run(to, id);
      step = `reassign ${id} to ${to}`;
    } else if (roll < 0.9) {
      // A merge moves a whole history at once, one row at a time under the triggers.
      const [from, to] = [pick(random, contacts()), pick(random, contacts())];
      db.prepare('UPDATE interactions SET contact_id = ? WHERE contact_id = ?').run(to, from);
      step = `merge ${from} into ${to}`;
    } else if (roll < 0.93) {
      // Every column at once, as an undo restoring a row's old values does.
      const id = pick(random, existing);
      const args = [pick(random, contacts()), pick(random, INSTANTS), pick(random, DIRECTIONS), id] as const;
      db.prepare('UPDATE interactions SET contact_id = ?, occurred_at = ?, direction = ? WHERE id = ?').run(
        ...args,
      );
      step = `rewrite ${args.join(' ')}`;
    } else if (roll < 0.97 && check) {
      // A restore writes whole rows, their stored facts as they were then (here: anything).
      const id = pick(random, contacts());
      const stale = pick(random, [null, ...INSTANTS]);
      db.prepare(
        `INSERT INTO contacts (id, display_name, created_at, updated_at, first_outbound_at)
         VALUES (?, 'Restored', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ?)
         ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, first_outbound_at = excluded.first_outbound_at`,
      ).run(id, stale);
      const args = [
        pick(random, contacts()),
        pick(random, INSTANTS),
        pick(random, DIRECTIONS),
        stale,
      ] as const;
      db.prepare(
        `INSERT INTO interactions (contact_id, occurred_at, channel, direction, summary, created_at, reply_at, step_purpose)
         VALUES (?, ?, 'email', ?, 'Hi', '2026-01-01T00:00:00.000Z', ?, 'stale')`,
      ).run(...args);
      step = `restore contact ${id} and ${args.join(' ')}`;
    } else {
      // A deleted contact takes its history with it (ON DELETE CASCADE), then comes back empty.
      const id = pick(random, CONTACTS);
      db.prepare('DELETE FROM contacts WHERE id = ?').run(id);
      addContact(db, id);
      step = `delete contact ${id}`;
    }
    if (check) expectFactsRight(db, `seed ${seed}, step ${i}: ${step}`);
  }
}

describe('migration 016: insights facts', () => {
  it('keeps every answer, step purpose and first message right through random inserts, deletes, moves and merges', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const db = openAt15();
      apply016(db);
      for (const id of CONTACTS) addContact(db, id);
      randomHistory(db, seed, 120, true);
    }
  });

  it('backfills the facts of a history written before it', () => {
    for (let seed = 20; seed <= 25; seed++) {
      const db = openAt15();
      for (const id of CONTACTS) addContact(db, id);
      randomHistory(db, seed, 80, false);
      const before = db.prepare('SELECT count(*) FROM interactions').pluck().get();
      apply016(db);
      expect(db.prepare('SELECT count(*) FROM interactions').pluck().get()).toBe(before);
      expectFactsRight(db, `backfill, seed ${seed}`);
      // And keeps them right afterwards.
      randomHistory(db, seed + 100, 30, true);
    }
  });

  it('lets the report read each message and its answer from an index alone', () => {
    const db = openAt15();
    apply016(db);
    const plan = (
      db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT o.occurred_at, o.channel, o.draft_purpose, o.draft_variant, o.reply_at
           FROM interactions o WHERE o.contact_id = 1 AND o.direction = 'outbound' AND o.occurred_at < '2027'`,
        )
        .all() as { detail: string }[]
    )
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toContain('COVERING INDEX interactions_by_contact_direction');
  });
});

const NOW = '2026-11-20T09:00:00.000Z';

/** The same seeded network, with 016 applied by hand before it is written (so its triggers keep the facts) or not. */
function seeded(timeZone: string): TempApp {
  const app = openTempApp(NOW, { timeZone });
  opened.push({ close: () => app.cleanup() });
  seedDatabase(
    app.context.db,
    { contacts: 200, interactionsPerContact: 5, seed: 11, now: new Date(NOW) },
    () => {},
    { settings: app.context.settings },
  );
  return app;
}

// Before 016 was registered the report could also look each fact up; both ways gave the same
// figures and lists on these networks. Now every database has the facts; what is left to hold is
// that each number is the length of the list behind it.
describe('the insights report on the stored facts', () => {
  for (const zone of ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata']) {
    it(`gives each number the list behind it, whole and filtered (${zone})`, async () => {
      const app = seeded(zone);
      const queries: InsightsQuery[] = [{}, { from: '2026-09-01', tag: 'investor' }, { to: '2026-06-30' }];
      for (const q of queries) {
        const report = await app.api['insights.report'](q);
        const measures = everyMeasure(report);
        expect(measures.length).toBeGreaterThan(20);
        for (const { measure, count } of measures) {
          const page = await app.api['insights.people']({ ...q, measure, limit: 500 });
          expect({ measure, total: page.total }).toEqual({ measure, total: count });
        }
      }
    }, 120_000);
  }
});
