import type { Migration } from './runner.ts';

/**
 * - `followups_calendar_open` replaces 006's `followups_calendar`: the calendar puts open steps
 *   on their due day and done ones on the day they were done (read through `followups_done_at`),
 *   so the by-day index only ever needs open steps. Over all statuses, a day's first open steps
 *   by importance sat among hundreds of skipped, cancelled and done entries, which every month
 *   query walked past, day after day.
 * - `ics_exported_starts`: the start each exported event last had when the plan, not the step,
 *   moved it (see calendar/exported-sequence.ts). No foreign key: a step deleted and put back by
 *   an undo keeps its count, so its SEQUENCE never goes back down for calendar clients.
 */
export const migration010: Migration = {
  version: 10,
  name: 'calendar: open steps by day; the start each exported event last had',
  up(db) {
    db.exec(`
      DROP INDEX followups_calendar;
      CREATE INDEX followups_calendar_open
        ON followups(due_on, priority, due_at, id, contact_id, purpose, channel, promise_id, status)
        WHERE status IN ('pending', 'snoozed');

      CREATE TABLE ics_exported_starts (
        followup_id  INTEGER PRIMARY KEY,
        start        TEXT NOT NULL,
        bumps        INTEGER NOT NULL,
        moved_at     TEXT NOT NULL
      ) STRICT;
    `);
  },
};
