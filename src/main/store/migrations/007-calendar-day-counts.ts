import type { Migration } from './runner.ts';

/**
 * A crowded day's total in the calendar without walking its thousands of steps:
 *
 * - `followup_day_counts`: how many follow-ups each day holds, by status, kept by triggers.
 *   Every write to `followups` goes through them (INSERT, UPDATE of the day or status, DELETE,
 *   cascades); only `INSERT OR REPLACE` would bypass the delete trigger (SQLite fires it only
 *   with recursive triggers on), and nothing writes follow-ups that way.
 * - `followups_done_by_day`: done steps by day, for the totals that include them (their
 *   contact's archiving hides them, which a count by status cannot know).
 */
export const migration007: Migration = {
  version: 7,
  name: 'calendar: per-day follow-up counts',
  up(db) {
    db.exec(`
      CREATE INDEX followups_done_by_day ON followups(due_on, status, contact_id) WHERE status = 'done';

      CREATE TABLE followup_day_counts (
        due_on  TEXT NOT NULL,
        status  TEXT NOT NULL,
        n       INTEGER NOT NULL,
        PRIMARY KEY (due_on, status)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO followup_day_counts (due_on, status, n)
        SELECT due_on, status, count(*) FROM followups GROUP BY due_on, status;

      CREATE TRIGGER followups_day_count_insert AFTER INSERT ON followups BEGIN
        INSERT INTO followup_day_counts (due_on, status, n) VALUES (new.due_on, new.status, 1)
          ON CONFLICT (due_on, status) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER followups_day_count_delete AFTER DELETE ON followups BEGIN
        UPDATE followup_day_counts SET n = n - 1 WHERE due_on = old.due_on AND status = old.status;
      END;
      CREATE TRIGGER followups_day_count_update AFTER UPDATE OF due_on, status ON followups
        WHEN old.due_on IS NOT new.due_on OR old.status IS NOT new.status BEGIN
        UPDATE followup_day_counts SET n = n - 1 WHERE due_on = old.due_on AND status = old.status;
        INSERT INTO followup_day_counts (due_on, status, n) VALUES (new.due_on, new.status, 1)
          ON CONFLICT (due_on, status) DO UPDATE SET n = n + 1;
      END;
    `);
  },
};
