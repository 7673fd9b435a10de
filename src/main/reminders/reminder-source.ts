import type { ReminderItem } from '../../shared/api/pushes.ts';

/** A follow-up step as a reminder: the contract's ReminderItem, the payload of the 'reminders' push. */
export type DueReminder = ReminderItem;

/**
 * What the scheduler reads and writes in the store (implemented by src/main/store, faked in
 * tests). Steps are "due" when pending with dueAt <= now, or snoozed with snoozedUntil <= now.
 */
export interface ReminderSource {
  /** Due steps never notified, oldest first (then most important). */
  dueUnnotified(now: Date): DueReminder[];
  /** Records that these were notified, so each fires exactly once. */
  markNotified(ids: readonly number[], at: Date): void;
  /**
   * The steps in today's budget at `now`, notified or not, most important first: the tray's
   * count and menu, the same steps and number as the sidebar and Today (followups/budget.ts).
   */
  dueNow(now: Date): DueReminder[];
  /** The earliest moment after `now` at which a step becomes due, or null if none. */
  nextDueAfter(now: Date): Date | null;
  /** How many reminders were notified in [from, to): the daily budget counts these. */
  notifiedBetween(from: Date, to: Date): number;
  /**
   * Re-derives due times from each pending step's local day after a time-zone, clock or
   * settings change, ends cycles whose wait ran out, and plans what the playbooks call for.
   * Returns false when it could not run now (the database is held by a long write): the
   * scheduler keeps it owed and asks again on its next pass, so a zone change is never lost.
   */
  replan(now: Date): boolean;
}
