import type { Migration } from './runner.ts';

/**
 * Two indexes for the insights backlog (issue 13): the overdue steps at the end of each week.
 *
 * A step counts as overdue from its start, the later of when it was due and when it was added,
 * until it was closed (done, skipped or cancelled); one closed at or before its start never
 * counts. So at any instant e the backlog is the number of such steps started before e less the
 * number closed before e. With these two indexes each count is a range of one index, and the
 * report counts each week's starts and closes, reading every entry once in all, in place of
 * reading ~54,000 steps into the report to sort them (about 90 ms of its time on the 50k seed).
 *
 * The expressions are exported so the queries name them exactly as the indexes do: SQLite uses
 * an index on an expression, or a partial index, only for the very same expression.
 */
export const STEP_START = 'max(due_at, created_at)';
export const STEP_CLOSED = `(CASE status WHEN 'done' THEN completed_at WHEN 'skipped' THEN updated_at
  WHEN 'cancelled' THEN updated_at END)`;
/** The steps that are ever overdue: open, or closed after they started. */
export const EVER_OVERDUE = `(${STEP_CLOSED} IS NULL OR ${STEP_CLOSED} > ${STEP_START})`;

export const migration019: Migration = {
  version: 19,
  name: 'insights: backlog steps by start and by close',
  up(db) {
    db.exec(`
      CREATE INDEX followups_backlog_starts ON followups(${STEP_START}, contact_id) WHERE ${EVER_OVERDUE};
      CREATE INDEX followups_backlog_closes ON followups(${STEP_CLOSED}, contact_id)
        WHERE ${STEP_CLOSED} IS NOT NULL AND ${EVER_OVERDUE};
    `);
  },
};
