// Migration 018 stores each cycle's done steps (the report's touches), kept by triggers on the
// steps. It is applied here on a database at 017 holding steps, and random step writes, cycle
// rows written whole (as undo and restore do) and cycle deletes are checked against a count from
// scratch after every step.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { pick, seededRandom } from '../../../src/main/seed/random.ts';
import { migration018 } from '../../../src/main/store/migrations/018-cycle-touches.ts';
import { MIGRATIONS } from '../../../src/main/store/migrations/index.ts';
import { migrate } from '../../../src/main/store/migrations/runner.ts';
import { writeTransaction } from '../../../src/main/store/transaction.ts';

const opened: Database.Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function openAt17(): Database.Database {
  const db = new Database(':memory:');
  opened.push(db);
  db.pragma('foreign_keys = ON');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version < 18),
  );
  db.prepare(
    `INSERT INTO contacts (id, display_name, created_at, updated_at) VALUES (1, 'Ada', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  ).run();
  return db;
}

const STAMP = '2026-01-01T00:00:00.000Z';
const STATUSES = ['done', 'done', 'pending', 'skipped', 'cancelled'];

function addCycle(db: Database.Database): number {
  return Number(
    db
      .prepare(`INSERT INTO cycles (contact_id, playbook, started_at) VALUES (1, 'new_contact', ?)`)
      .run(STAMP).lastInsertRowid,
  );
}

function addStep(db: Database.Database, cycle: number, status: string): void {
  db.prepare(
    `INSERT INTO followups (cycle_id, contact_id, purpose, due_on, due_at, status, priority, reason, created_at, updated_at)
     VALUES (?, 1, 'refresher', '2026-03-01', '2026-03-01T09:00:00.000Z', ?, 1, 'test', ?, ?)`,
  ).run(cycle, status, STAMP, STAMP);
}

function expectTouchesRight(db: Database.Database, step: string): void {
  const stored = db.prepare('SELECT id, touches FROM cycles ORDER BY id').all();
  const counted = db
    .prepare(
      `SELECT c.id, (SELECT count(*) FROM followups f WHERE f.cycle_id = c.id AND f.status = 'done') AS touches
       FROM cycles c ORDER BY c.id`,
    )
    .all();
  expect({ step, stored }).toEqual({ step, stored: counted });
}

describe('migration 018: done steps per cycle', () => {
  it('counts the steps already done when it is applied', () => {
    const db = openAt17();
    const [a, b] = [addCycle(db), addCycle(db)];
    for (const status of ['done', 'done', 'pending']) addStep(db, a, status);
    addStep(db, b, 'skipped');
    writeTransaction(db, () => migration018.up(db));
    expect(db.prepare('SELECT id, touches FROM cycles ORDER BY id').all()).toEqual([
      { id: a, touches: 2 },
      { id: b, touches: 0 },
    ]);
  });

  it.each([1, 2, 3, 4])('keeps the count through random writes (seed %i)', (seed) => {
    const db = openAt17();
    writeTransaction(db, () => migration018.up(db));
    const random = seededRandom(seed);
    for (let i = 0; i < 3; i++) addCycle(db);
    for (let i = 0; i < 150; i++) {
      const cycles = db.prepare('SELECT id FROM cycles').pluck().all() as number[];
      const steps = db.prepare('SELECT id FROM followups').pluck().all() as number[];
      const roll = random();
      let step: string;
      if (roll < 0.35 || steps.length === 0) {
        const [cycle, status] = [pick(random, cycles), pick(random, STATUSES)];
        addStep(db, cycle, status);
        step = `add ${status} step to cycle ${cycle}`;
      } else if (roll < 0.6) {
        const [id, status] = [pick(random, steps), pick(random, STATUSES)];
        db.prepare('UPDATE followups SET status = ? WHERE id = ?').run(status, id);
        step = `step ${id} ${status}`;
      } else if (roll < 0.72) {
        const [id, cycle] = [pick(random, steps), pick(random, cycles)];
        db.prepare('UPDATE followups SET cycle_id = ? WHERE id = ?').run(cycle, id);
        step = `step ${id} to cycle ${cycle}`;
      } else if (roll < 0.82) {
        const id = pick(random, steps);
        db.prepare('DELETE FROM followups WHERE id = ?').run(id);
        step = `delete step ${id}`;
      } else if (roll < 0.92) {
        // An undo or a restore writes the row whole, with the count it had when it was captured.
        const id = pick(random, cycles);
        db.prepare('UPDATE cycles SET touches = ?, note = ? WHERE id = ?').run(
          Math.floor(random() * 5),
          'restored',
          id,
        );
        step = `cycle ${id} written whole`;
      } else if (roll < 0.96 && cycles.length > 1) {
        const id = pick(random, cycles);
        db.prepare('DELETE FROM cycles WHERE id = ?').run(id);
        step = `delete cycle ${id}`;
      } else {
        const id = Number(
          db
            .prepare(
              `INSERT INTO cycles (contact_id, playbook, started_at, touches) VALUES (1, 'check_in', ?, 7)`,
            )
            .run(STAMP).lastInsertRowid,
        );
        step = `cycle ${id} inserted with a stale count`;
      }
      expectTouchesRight(db, `${i}: ${step}`);
    }
  });
});
