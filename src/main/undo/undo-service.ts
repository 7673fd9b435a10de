import { ApiError } from '../../shared/api/errors.ts';
import type { FollowUp } from '../../shared/domain/followup.ts';
import type { Undoable, UndoEntry, UndoKind, UndoResult } from '../../shared/domain/undo.ts';
import { type DatedText, dated, nested, readDated } from '../../shared/format/dated-text.ts';
import type { HandlerDeps } from '../core/handler-deps.ts';
import { getStep } from '../store/followups-store.ts';
import { reindexContact } from '../store/search-index.ts';
import { writeTransaction } from '../store/transaction.ts';
import {
  contactNames,
  contactsToReindex,
  currentImages,
  dropUndo,
  expireUndo,
  findUndo,
  finishCapture,
  isComparedColumn,
  JOURNALED_TABLES,
  type RowChange,
  revertChanges,
  saveUndo,
  startCapture,
  stopCapture,
  type UndoHead,
  undoChanges,
} from '../store/undo-store.ts';
import { readingNow } from '../time/locale.ts';
import { type Conflict, conflictWords } from './undo-words.ts';

/**
 * Undo reaches back a day and keeps the last 20 actions: enough for "oops" and for `undo` from
 * the CLI after the fact, while the journal stays small (a bulk Mark reviewed holds every row).
 */
export const UNDO_WINDOW_MS = 24 * 3_600_000;
export const UNDO_KEEP = 20;

export type UndoDeps = Pick<HandlerDeps, 'db' | 'clock' | 'engine' | 'settings'>;

/** What an action was, for the entry: told once the action has run and its result is known. */
export interface UndoSubject {
  kind: UndoKind;
  summary: DatedText;
  contactId: number | null;
  followUpId: number | null;
}

const since = (now: Date) => new Date(now.getTime() - UNDO_WINDOW_MS).toISOString();

/**
 * Runs one quick action and records how to undo it in the same transaction, so the entry exists
 * exactly when the action does. The engine's sweep runs first: what it settles (waits that ran
 * out) is not part of the action, and an undo must not bring it back. An action that changed
 * nothing records nothing and has no undoId.
 */
export function recordUndoable<T extends object>(
  deps: UndoDeps,
  act: () => T,
  describe: (result: T) => UndoSubject,
): T & Undoable {
  const { db } = deps;
  return writeTransaction(db, () => {
    deps.engine.settle();
    startCapture(db);
    let result: T;
    let changes: RowChange[];
    try {
      result = act();
      changes = finishCapture(db);
    } finally {
      stopCapture(db);
    }
    if (changes.length === 0) return result;
    const now = deps.clock();
    const undoId = saveUndo(db, { ...describe(result), recordedAt: now.toISOString(), changes });
    expireUndo(db, since(now), UNDO_KEEP);
    return { ...result, undoId };
  });
}

/** The action an undo would undo now (the newest one, or `id`), or null. Reads only. */
export function lastUndoable(deps: UndoDeps, id?: number): UndoEntry | null {
  const head = findUndo(deps.db, since(deps.clock()), id);
  return head ? toEntry(head) : null;
}

/**
 * Puts back every row the action wrote, as it was, after checking that none of them changed
 * since; otherwise refuses with a conflict that says what changed, and changes nothing.
 */
export function applyUndo(deps: UndoDeps, id?: number): UndoResult {
  const { db } = deps;
  return writeTransaction(db, () => {
    const now = deps.clock();
    const head = findUndo(db, since(now), id);
    if (!head) {
      throw new ApiError(
        'not_found',
        id === undefined
          ? 'There is nothing to undo: Done, Skip, Snooze, a calendar move, Mark reviewed, a catch-up and a bulk skip or end can be undone for a day.'
          : `Action ${id} can no longer be undone (undo keeps the last ${UNDO_KEEP} actions of the past day).`,
      );
    }
    const changes = undoChanges(db, head.id);
    const conflict = firstConflict(deps, changes);
    if (conflict) {
      const names = contactNames(db, [
        conflict.change.table === 'contacts' ? conflict.change.id : contactOf(conflict),
      ]);
      const words = conflictWords(conflict, (cid) => names.get(cid) ?? 'this contact');
      // An error is a message, not data: its days are written here, in the system's locale.
      throw new ApiError(
        'conflict',
        readDated(
          dated`Cannot undo “${nested(head.summary)}”: ${nested(words)}. Nothing was changed.`,
          readingNow(deps.clock, deps.settings.get()),
        ),
      );
    }
    revertChanges(db, changes, now.toISOString());
    for (const contactId of contactsToReindex(changes)) reindexContact(db, contactId);
    dropUndo(db, head.id);
    return {
      undone: toEntry(head),
      followUp: head.followUpId === null ? null : stepOf(deps, head.followUpId),
    };
  });
}

/** The first row the action wrote that is no longer as it left it. */
function firstConflict(deps: UndoDeps, changes: readonly RowChange[]): Conflict | null {
  for (const table of JOURNALED_TABLES) {
    const mine = changes.filter((c) => c.table === table);
    if (mine.length === 0) continue;
    const now = currentImages(
      deps.db,
      table,
      mine.map((c) => c.id),
    );
    for (const change of mine) {
      const row = now.get(change.id) ?? null;
      if (change.after === null) {
        if (row) return { change, now: row };
      } else if (!row) {
        return { change, now: null };
      } else if (
        Object.entries(change.after).some(
          ([column, value]) => isComparedColumn(table, column) && row[column] !== value,
        )
      ) {
        return { change, now: row };
      }
    }
  }
  return null;
}

function contactOf({ change, now }: Conflict): number {
  return Number((now ?? change.after ?? change.before)?.contact_id);
}

function stepOf(deps: UndoDeps, id: number): FollowUp | null {
  const step = getStep(deps.db, id);
  if (!step) return null;
  const { manual: _manual, ...followUp } = step;
  return followUp;
}

function toEntry(head: UndoHead): UndoEntry {
  return {
    id: head.id,
    kind: head.kind as UndoKind,
    summary: head.summary,
    contactId: head.contactId,
    followUpId: head.followUpId,
    recordedAt: head.recordedAt,
    rows: head.rows,
  };
}
