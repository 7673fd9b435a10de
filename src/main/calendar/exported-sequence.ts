import { recordExportedStarts, type StepRangeRow } from '../store/calendar-store.ts';
import type { Db } from '../store/database.ts';
import { isBusyError, writeTransaction } from '../store/transaction.ts';

/**
 * Each exported event's SEQUENCE and LAST-MODIFIED. A calendar client keeps the copy of a UID
 * with the higher SEQUENCE (RFC 5545 §3.8.7.4), so every export that writes another DTSTART
 * than the one before it must write a higher number.
 *
 * A step's own `sequence` goes up with every stored change, moves included (reschedule, a
 * calendar drag, catch-up, snooze, undo). But the plan is computed at each export: a waiting
 * step's day moves when the budget frees up or fills, with nothing stored changing. So the
 * export remembers, for a step the plan moved, the start it last wrote and how many times that
 * start changed (`bumps`, ics_exported_starts), and writes SEQUENCE = own sequence + bumps.
 * Both only grow, and each new start grows one of them, so a higher number always comes with
 * the newer start; an export that writes what the last one wrote keeps the number. No row
 * means no export ever moved the step: its last start was its own time.
 *
 * Chosen over the alternatives: a number from the clock (minutes since some day) would change
 * every event in every export, so clients would rewrite thousands of unchanged events; the
 * projected day itself is not monotonic (a freed budget moves a step earlier).
 */
export function revised(db: Db, steps: readonly StepRangeRow[], nowIso: string): StepRangeRow[] {
  const moves: { id: number; start: string; bumps: number }[] = [];
  const out = steps.map((step) => {
    let bumps = step.exportBumps;
    let movedAt = step.exportMovedAt;
    if (step.dueAt !== (step.exportedStart ?? step.ownDueAt)) {
      bumps += 1;
      movedAt = nowIso;
      moves.push({ id: step.id, start: step.dueAt, bumps });
    }
    const updatedAt = movedAt !== null && movedAt > step.updatedAt ? movedAt : step.updatedAt;
    return bumps === 0 ? step : { ...step, sequence: step.sequence + bumps, updatedAt };
  });
  if (moves.length > 0) {
    try {
      writeTransaction(db, () => recordExportedStarts(db, moves, nowIso));
    } catch (error) {
      // Another process holds the write lock past busy_timeout (a long import in the app): the
      // file still goes out with the right numbers, and the next export counts these moves
      // again from the same record, so it writes the same numbers for the same starts.
      if (!isBusyError(error)) throw error;
    }
  }
  return out;
}
