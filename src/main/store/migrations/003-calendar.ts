import type { Migration } from './runner.ts';

/** The calendar reads meetings by their time; follow-ups and promises are already indexed by day. */
export const migration003: Migration = {
  version: 3,
  name: 'calendar: meetings by time',
  up(db) {
    db.exec(`
      CREATE INDEX cycles_by_meeting ON cycles(meeting_at) WHERE meeting_at IS NOT NULL;
      CREATE INDEX promises_by_due ON promises(due_on);
    `);
  },
};
