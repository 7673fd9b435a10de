// The backlog (overdue steps at each week's end) is counted from migration 019's indexes when no
// tag or event filter applies, and from the kept steps otherwise. Both are checked here against
// the definition worked out in plain code, on random steps whose times tie and cross the week
// ends often, and with an unreviewed import's steps (which no measure counts).
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { pick, seededRandom } from '../../../src/main/seed/random.ts';
import { bind, ensureFunctions } from '../../../src/main/store/insights-sql.ts';
import { networkFigures } from '../../../src/main/store/insights-store.ts';
import { MIGRATIONS } from '../../../src/main/store/migrations/index.ts';
import { migrate } from '../../../src/main/store/migrations/runner.ts';

const opened: Database.Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const DAY_MS = 86_400_000;
const BASE = Date.parse('2026-03-02T09:00:00.000Z');
const at = (days: number) => new Date(BASE + days * DAY_MS).toISOString();
// Week ends a week apart from BASE + 7 days, and instants on, around and between them.
const WEEKS = [0, 1, 2, 3].map((i) => ({ week: at(i * 7).slice(0, 10), endAt: at(7 + i * 7) }));
const INSTANTS = [-20, -3, 0, 1, 6.5, 7, 7, 8, 13, 14, 14, 20, 21, 27, 28, 30].map(at);
INSTANTS.push(new Date(BASE + 7 * DAY_MS - 1).toISOString());
const STATUSES = ['pending', 'snoozed', 'done', 'skipped', 'cancelled'] as const;

interface Step {
  contact: number;
  due: string;
  created: string;
  status: (typeof STATUSES)[number];
  completed: string;
  updated: string;
}

/** README "Insights": a step is overdue at e when it started (due and added) before e and was not closed by then. */
function expected(steps: Step[], unreviewed: ReadonlySet<number>): number[] {
  return WEEKS.map(
    (w) =>
      steps.filter((st) => {
        if (unreviewed.has(st.contact)) return false;
        const start = st.due > st.created ? st.due : st.created;
        const closed =
          st.status === 'done'
            ? st.completed
            : st.status === 'skipped' || st.status === 'cancelled'
              ? st.updated
              : null;
        return start < w.endAt && (closed === null || closed >= w.endAt);
      }).length,
  );
}

function openWith(steps: Step[]): Database.Database {
  const db = new Database(':memory:');
  opened.push(db);
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS);
  ensureFunctions(db);
  for (const id of [1, 2, 3]) {
    db.prepare(
      `INSERT INTO contacts (id, display_name, review_state, created_at, updated_at) VALUES (?, ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    ).run(id, `Person ${id}`, id === 3 ? 'imported' : null);
    db.prepare(
      `INSERT INTO cycles (id, contact_id, playbook, started_at) VALUES (?, ?, 'new_contact', '2026-01-01T00:00:00.000Z')`,
    ).run(id, id);
    db.prepare("INSERT OR IGNORE INTO tags (id, name) VALUES (1, 'all')").run();
    db.prepare('INSERT INTO contact_tags (contact_id, tag_id) VALUES (?, 1)').run(id);
  }
  const insert = db.prepare(
    `INSERT INTO followups (cycle_id, contact_id, purpose, due_on, due_at, status, priority, reason, completed_at,
       created_at, updated_at) VALUES (?, ?, 'refresher', '2026-03-01', ?, ?, 1, 'test', ?, ?, ?)`,
  );
  for (const st of steps)
    insert.run(
      st.contact,
      st.contact,
      st.due,
      st.status,
      st.status === 'done' ? st.completed : null,
      st.created,
      st.updated,
    );
  return db;
}

const params = (tag: string | null) =>
  bind(
    {
      from: null,
      to: WEEKS.at(-1)?.endAt.slice(0, 10) as string,
      zone: 'UTC',
      tag,
      eventId: null,
      defaultPacing: 'standard',
      now: '2027-01-01T00:00:00.000Z',
    },
    WEEKS,
  );

describe('the insights backlog', () => {
  it.each([1, 2, 3, 4, 5, 6])('counts as defined, with and without a filter (seed %i)', (seed) => {
    const random = seededRandom(seed);
    const steps: Step[] = Array.from({ length: 80 }, () => ({
      contact: pick(random, [1, 1, 2, 3]),
      due: pick(random, INSTANTS),
      created: pick(random, INSTANTS),
      status: pick(random, STATUSES),
      completed: pick(random, INSTANTS),
      updated: pick(random, INSTANTS),
    }));
    const db = openWith(steps);
    const want = expected(steps, new Set([3]));
    // No filter: the indexes. The tag every contact has: the kept steps, the same people.
    for (const tag of [null, 'all']) {
      const got = networkFigures(db, params(tag)).backlog;
      expect({ tag, got: got.map((w) => w.overdue) }).toEqual({ tag, got: want });
      expect(got.map((w) => w.week)).toEqual(WEEKS.map((w) => w.week));
    }
  });
});
