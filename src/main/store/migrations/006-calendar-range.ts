import type { Migration } from './runner.ts';

/**
 * The calendar's follow-ups by day, most important first, with every column a calendar item
 * needs: a month of a big network is read from this index alone, never from the table rows
 * (which carry the long reason and context), and a crowded day stops after its first items.
 */
export const migration006: Migration = {
  version: 6,
  name: 'calendar: covering index for the range',
  up(db) {
    db.exec(`
      CREATE INDEX followups_calendar
        ON followups(due_on, priority, due_at, id, status, contact_id, purpose, channel, promise_id);
    `);
  },
};
