/**
 * How much there is to do today, by the one definition every screen uses: the sidebar, Today,
 * the tray, the calendar's today and the CLI all show these numbers, from the same query.
 * Free of zod, so the renderer can use it cheaply.
 *
 * - due: open steps due by the end of today (check-ins past their day are "going cold"
 *   instead, and steps ignored so long the engine expires them are not counted);
 * - doneToday: follow-ups marked done today. The daily budget counts them, so doing one does
 *   not pull the next one in: ten done of a budget of ten leaves nothing in budget until
 *   tomorrow. Skipping or snoozing is not doing one, so it frees its place for the next;
 * - inBudget: what today's budget still takes, most important first (budget − done, at most due);
 * - waiting: due but over the budget; the coming working days take them in turn.
 */
export interface DueCounts {
  due: number;
  inBudget: number;
  waiting: number;
  doneToday: number;
  dailyBudget: number;
  goingCold: number;
}

export function dueCountsOf(
  totals: { due: number; doneToday: number; goingCold: number },
  dailyBudget: number,
): DueCounts {
  const inBudget = Math.min(totals.due, Math.max(0, dailyBudget - totals.doneToday));
  return { ...totals, dailyBudget, inBudget, waiting: totals.due - inBudget };
}

const count = new Intl.NumberFormat('en-US');
const n = (value: number) => count.format(value);

/**
 * The counts in words, the same on every screen and in the CLI:
 * "10 of 291 today (your daily budget); 281 waiting".
 */
export function dueCountsText(c: DueCounts): string {
  const done = c.doneToday > 0 ? `${n(c.doneToday)} done` : '';
  const waiting = c.waiting > 0 ? `; ${n(c.waiting)} waiting` : '';
  if (c.due === 0) return c.doneToday > 0 ? `All done for today (${done}).` : 'Nothing due today.';
  if (c.inBudget === 0)
    return `Daily budget of ${n(c.dailyBudget)} reached (${done} today)${waiting} for the coming days.`;
  if (c.waiting === 0)
    return `${n(c.inBudget)} today (within your daily budget of ${n(c.dailyBudget)}${done ? `; ${done}` : ''}).`;
  return `${n(c.inBudget)} of ${n(c.due)} today (your daily budget${done ? `; ${done}` : ''})${waiting}.`;
}
