import { useCallback, useEffect, useRef } from 'react';
import type { UndoResult } from '../../../shared/domain/undo.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { toApiError } from '../api/errors.ts';
import { purposeLabel } from '../followups/purposes.ts';
import { formatDated, formatDayHeading } from '../format/dates.ts';
import { type ToastAction, useToast } from '../ui/Toast.tsx';

const undoneListeners = new Set<(result: UndoResult) => void>();

/** Told after every successful undo, whoever asked (a toast, a key): Today focuses the step. */
export function useOnUndone(callback: (result: UndoResult) => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    const listener = (result: UndoResult) => latest.current(result);
    undoneListeners.add(listener);
    return () => {
      undoneListeners.delete(listener);
    };
  }, []);
}

/**
 * Undo for the quick actions (Done, Skip, Snooze, a calendar move, Mark reviewed) and for
 * catching up (a spread over the coming days, a bulk skip or end). Main keeps
 * what each one changed and puts it back exactly, or refuses in words when something changed
 * since; this says which in a toast and tells every screen to reload.
 */
export function useUndo() {
  const api = useApi();
  const toast = useToast();

  /** The newest action, or the one with this id (a toast's own). */
  const undo = useCallback(
    async (id?: number): Promise<boolean> => {
      try {
        // `z` with nothing to undo is common: ask first instead of provoking a not-found error.
        if (id === undefined && (await api['undo.last']({})) === null) {
          toast({
            message: 'Nothing to undo',
            detail: 'Done, Skip, Snooze, moves and catching up can be undone for a day.',
          });
          return false;
        }
        const result = await api['undo.apply'](id === undefined ? {} : { id });
        notifyChanged('followups', 'interactions', 'contacts');
        toast({ tone: 'success', icon: 'undo', message: 'Undone', detail: undoneDetail(result) });
        for (const listener of undoneListeners) listener(result);
        return true;
      } catch (e) {
        const error = toApiError(e);
        toast(
          error.code === 'not_found'
            ? { message: 'Nothing to undo', detail: error.message }
            : { tone: 'error', message: 'Could not undo', detail: error.describe() },
        );
        return false;
      }
    },
    [api, toast],
  );

  /** The Undo button of an action's toast (none when the action changed nothing). */
  const undoAction = useCallback(
    (undoId: number | undefined): ToastAction | undefined =>
      undoId === undefined ? undefined : { label: 'Undo', onClick: () => void undo(undoId) },
    [undo],
  );

  return { undo, undoAction };
}

function undoneDetail({ undone, followUp }: UndoResult): string {
  const summary = formatDated(undone.summary);
  if (undone.kind === 'mark_reviewed') return `${summary}: undone. They wait for review again.`;
  // A catch-up or a bulk skip or end: many steps at once, each back as it was.
  if (undone.followUpId === null) return `${summary}: undone. Each is back on its day.`;
  if (!followUp) return summary;
  const step = `${purposeLabel(followUp.purpose)} for ${followUp.contactName}`;
  const when = formatDayHeading(followUp.dueOn);
  return followUp.status === 'snoozed'
    ? `${step} is snoozed again, until ${when}.`
    : `${step} is back, due ${when}.${undone.kind === 'done' ? ' The interaction it logged is gone.' : ''}`;
}
