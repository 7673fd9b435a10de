import type { Migration } from './runner.ts';

/**
 * `cycles.touches`: how many of the cycle's steps are done, the insights report's "how many
 * touches each took" (issue 13). Counting them per cycle in the report was a search per cycle,
 * about 35 ms of its time over the 50,000-contact seed's 80,000 cycles.
 *
 * Kept by triggers on followups, so no writer (the engine, undo, a merge, a restore) can forget
 * it. Each recounts the cycles a change touches rather than adding or subtracting one: a count
 * read from the rows is right whatever order the triggers of one statement run in. A cycle row
 * written whole (an undo restoring a snapshot, a backup restored) brings its old count: the
 * guards put right what the steps say, as migration 016 guards first_outbound_at (SQLite's
 * recursive_triggers is off, so a guard's own UPDATE does not fire it again).
 *
 * The index covers what the report reads of a cycle, in the order it counts them (by status,
 * ending and touches): the report scans the index, not the wide rows, and groups with no sort.
 */
const COUNT = (cycle: string) =>
  `(SELECT count(*) FROM followups f WHERE f.cycle_id = ${cycle} AND f.status = 'done')`;

const recount = (where: string) => `UPDATE cycles SET touches = ${COUNT('cycles.id')} WHERE ${where};`;

const guard = (event: string, name: string) => `
  CREATE TRIGGER cycles_touches_${name} AFTER ${event} ON cycles
  WHEN NEW.touches IS NOT ${COUNT('NEW.id')}
  BEGIN
    ${recount('id = NEW.id')}
  END;`;

export const migration018: Migration = {
  version: 18,
  name: 'insights: done steps per cycle, kept by triggers',
  up(db) {
    db.exec(`
      ALTER TABLE cycles ADD COLUMN touches INTEGER NOT NULL DEFAULT 0;
      ${recount('1')}
      CREATE INDEX cycles_for_insights ON cycles(status, ending, touches, started_at, contact_id);

      CREATE TRIGGER followups_touches_after_insert AFTER INSERT ON followups
      WHEN NEW.status = 'done' BEGIN
        ${recount('id = NEW.cycle_id')}
      END;
      CREATE TRIGGER followups_touches_after_delete AFTER DELETE ON followups
      WHEN OLD.status = 'done' BEGIN
        ${recount('id = OLD.cycle_id')}
      END;
      CREATE TRIGGER followups_touches_after_update AFTER UPDATE OF status, cycle_id ON followups
      WHEN (OLD.status = 'done' OR NEW.status = 'done')
        AND (OLD.status IS NOT NEW.status OR OLD.cycle_id IS NOT NEW.cycle_id) BEGIN
        ${recount('id IN (OLD.cycle_id, NEW.cycle_id)')}
      END;
      ${guard('INSERT', 'after_insert')}
      ${guard('UPDATE OF touches', 'after_update')}
    `);
  },
};
