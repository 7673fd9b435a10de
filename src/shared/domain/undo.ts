import { z } from 'zod';
import type { DatedText } from '../format/dated-text.ts';
import { id } from './common.ts';
import type { FollowUp } from './followup.ts';

/**
 * The quick actions that can be undone, by what they do to the steps: a bulk skip or end is a
 * `skip` of many (every step it closes is skipped), a catch-up a `reschedule` of many; such an
 * entry has no single follow-up, and its summary says how many. The database checks this list
 * (migration 008), so a new kind needs a migration.
 */
export const UNDO_KINDS = ['done', 'skip', 'snooze', 'reschedule', 'mark_reviewed'] as const;
export type UndoKind = (typeof UNDO_KINDS)[number];

/** An undoable action's result carries the id to undo it with (absent when it changed nothing). */
export interface Undoable {
  undoId?: number;
}

/** What an undo would put back. */
export interface UndoEntry {
  id: number;
  kind: UndoKind;
  /** The action in words ("Moved: nudge for Ada Lovelace to 17 Mar"), its days marked. */
  summary: DatedText;
  /** The person it concerned; null for several at once (Mark all reviewed). */
  contactId: number | null;
  /** The follow-up it acted on, if any. */
  followUpId: number | null;
  recordedAt: string;
  /** How many stored rows undoing it puts back. */
  rows: number;
}

export interface UndoResult {
  undone: UndoEntry;
  /** The follow-up as it is again, when the action was on one. */
  followUp: FollowUp | null;
}

/** Without an id, the newest action is undone. */
export const UndoApplyInput = z.object({ id: id.optional() }).default({});
