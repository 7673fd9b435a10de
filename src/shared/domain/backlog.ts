import { z } from 'zod';
import { Tag } from './contact.ts';
import { PURPOSES, type Purpose } from './followup.ts';

// A module of its own: contact.ts imports followup.ts, so followup.ts cannot import Tag.

// ——— catching up on a backlog ———

/**
 * Spreads what is due now (overdue, due today, waiting, going cold) over today and the coming
 * working days, within the daily budget: the most important first, each day filled up to the
 * budget around what it already holds. Preview first (nothing written), then commit.
 */
export const CatchUpInput = z.object({}).default({});

export interface CatchUpDay {
  day: string;
  /** Steps this catch-up puts on the day. */
  added: number;
  /** Open steps the day held already. */
  already: number;
}

export interface CatchUpPlan {
  /** Steps that get a new day (overdue ones kept today are re-dated to today). */
  moved: number;
  /** Steps already on today that stay. */
  unchanged: number;
  /** The days that receive steps, in order. */
  days: CatchUpDay[];
  /** The last day used, or null when nothing moves. */
  lastDay: string | null;
  /** Steps that found no room within the planning horizon (left where they are). */
  unplaced: number;
}

/**
 * Which due steps a bulk skip or end takes: by purpose, by a contact's tag, by how long they
 * have been overdue. By default only what waits beyond today's budget (the least important);
 * `among: 'due'` takes the steps in today's budget too.
 */
export const BulkFilter = z.object({
  purposes: z.array(z.enum(PURPOSES)).min(1).optional(),
  tag: Tag.optional(),
  /** Due at least this many days ago (0: due today or earlier). */
  olderThanDays: z.number().int().min(0).max(3650).optional(),
  among: z.enum(['waiting', 'due']).default('waiting'),
});
export type BulkFilterInput = z.input<typeof BulkFilter>;

export const BulkCloseInput = BulkFilter.extend({
  /**
   * skip: this step only; the playbook carries on as after one skip (a keep-in-touch check-in
   * comes again one cadence on). end: the step and its whole cycle; a keep-in-touch rhythm then
   * waits until the person comes up again (an interaction, a change to their rhythm).
   */
  action: z.enum(['skip', 'end']),
});

export interface BulkPreview {
  count: number;
  byPurpose: { purpose: Purpose; count: number }[];
  /** The first few, most important first, for the confirmation. */
  sample: { id: number; contactName: string; purpose: Purpose; dueOn: string }[];
}

export interface BulkResult {
  closed: number;
  cyclesEnded: number;
}
