import type { Settings } from '../../shared/settings.ts';
import type { DueReminder } from './reminder-source.ts';

/**
 * What the scheduler hands to a shell: one reminder, or a digest of several that fell due
 * together. Each shell decides how to show it (an OS notification, a server-sent event, a line
 * on the terminal).
 */
export type ReminderNotice =
  | { kind: 'single'; items: readonly [DueReminder] }
  | { kind: 'digest'; items: readonly DueReminder[] };

/**
 * Several reminders at once (the follow-up hour, or catching up after a sleep) become one digest
 * when the user keeps the daily digest on: ten notifications in a row teach people to ignore
 * them. With the digest off, each gets its own.
 */
export function groupIntoNotices(
  items: readonly DueReminder[],
  prefs: Pick<Settings['notifications'], 'dailyDigest'>,
): ReminderNotice[] {
  if (items.length === 0) return [];
  if (items.length > 1 && prefs.dailyDigest) return [{ kind: 'digest', items }];
  return items.map((item) => ({ kind: 'single', items: [item] }));
}

/**
 * Picks at most `remaining` reminders, the most important first (lower priority number, then
 * the longest waiting), and returns them oldest first, the order they are announced in.
 */
export function pickWithinBudget(due: readonly DueReminder[], remaining: number): DueReminder[] {
  if (remaining <= 0) return [];
  if (due.length <= remaining) return [...due].sort(byDueThenId);
  const chosen = [...due].sort((a, b) => a.priority - b.priority || byDueThenId(a, b)).slice(0, remaining);
  return chosen.sort(byDueThenId);
}

function byDueThenId(a: DueReminder, b: DueReminder): number {
  return Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.id - b.id;
}
