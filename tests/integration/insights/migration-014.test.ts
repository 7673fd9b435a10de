// Migration 014 adds the insights report's indexes. It is applied here on a database at the
// version before it, and the report's lookups are checked to search inside them.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migration014 } from '../../../src/main/store/migrations/014-insights-indexes.ts';
import { MIGRATIONS } from '../../../src/main/store/migrations/index.ts';
import { migrate } from '../../../src/main/store/migrations/runner.ts';

let db: Database.Database | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

const plan = (sql: string) =>
  (db!.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');

describe('migration 014: insights indexes', () => {
  it('lets the next message each way, the step a message was for, touches and the backlog be read from an index alone', () => {
    db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 14),
    );
    db.prepare(
      "INSERT INTO contacts (id, display_name, created_at, updated_at) VALUES (1, 'Ada', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
    ).run();
    db.prepare(
      "INSERT INTO interactions (contact_id, occurred_at, channel, direction, summary, created_at) VALUES (1, '2026-01-02T00:00:00.000Z', 'email', 'outbound', 'Hi', '2026-01-02T00:00:00.000Z')",
    ).run();
    db.transaction(() => migration014.up(db!))();
    const next = plan(
      `SELECT min(r.occurred_at) FROM interactions r WHERE r.contact_id = 1 AND r.direction = 'inbound' AND r.occurred_at > '2026-01-01'`,
    );
    expect(next).toContain('COVERING INDEX interactions_by_contact_direction');
    const purpose = plan(
      `SELECT f.purpose FROM followups f WHERE f.interaction_id = 1 AND f.status = 'done' ORDER BY f.id LIMIT 1`,
    );
    expect(purpose).toContain('COVERING INDEX followups_done_by_interaction');
    const backlog = plan(
      `SELECT max(due_at, created_at), completed_at, updated_at, status, contact_id FROM followups WHERE due_at < '2026-02-01'`,
    );
    expect(backlog).toContain('COVERING INDEX followups_by_due_closing');
    const touches = plan(`SELECT count(*) FROM followups f WHERE f.cycle_id = 1 AND f.status = 'done'`);
    expect(touches).toContain('COVERING INDEX followups_by_cycle_status');
    // The history is untouched.
    expect(db.prepare('SELECT count(*) FROM interactions').pluck().get()).toBe(1);
  });
});
