import type { Purpose } from '../../shared/domain/followup.ts';

/** A follow-up step as a reminder: what the notification, tray and digest need. */
export interface DueReminder {
  id: number;
  contactId: number;
  contactName: string;
  purpose: Purpose;
  /** Why now, in words. */
  reason: string;
  /** What to mention. */
  context: string | null;
  dueAt: string;
  priority: number;
}

/**
 * What the scheduler reads and writes in the store (implemented by src/main/store, faked in
 * tests). Steps are "due" when pending with dueAt <= now, or snoozed with snoozedUntil <= now.
 */
export interface ReminderSource {
  /** Due steps never notified, oldest first (then most important). */
  dueUnnotified(now: Date): DueReminder[];
  /** Records that these were notified, so each fires exactly once. */
  markNotified(ids: readonly number[], at: Date): void;
  /** Every step due now, notified or not (the tray count and menu), most important first. */
  dueNow(now: Date): DueReminder[];
  /** The earliest moment after `now` at which a step becomes due, or null if none. */
  nextDueAfter(now: Date): Date | null;
  /** How many reminders were notified in [from, to): the daily budget counts these. */
  notifiedBetween(from: Date, to: Date): number;
  /**
   * Re-derives due times from each pending step's local day after a time-zone, clock or
   * settings change, ends cycles whose wait ran out, and plans what the playbooks call for.
   */
  replan(now: Date): void;
}
