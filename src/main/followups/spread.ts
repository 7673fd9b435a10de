import { followUpCountsByDay } from '../store/calendar-store.ts';
import { addDays, isWorkingDay, type LocalDay } from '../time/local-day.ts';
import { dueCountsAt } from './budget.ts';
import type { EngineContext } from './engine-context.ts';

/** Catch-up steps land within this many days: a backlog spreads out, but not into next season. */
export const CATCH_UP_DAYS = 14;

/**
 * The day for a step that is late the moment it is planned (an overdue keep-in-touch rhythm, a
 * re-engagement with someone met long ago): the first working day from today with room left in
 * the daily budget, else the least loaded working day of the next two weeks. One such step
 * lands today; hundreds planned at once (a rhythm set on a whole tag, a network seeded from its
 * history) fill the coming days evenly instead of piling onto one morning.
 */
export function catchUpDay(ctx: EngineContext): LocalDay {
  const budget = ctx.settings.caps.dailyBudget;
  const last = addDays(ctx.today, CATCH_UP_DAYS - 1);
  const planned = new Map(
    followUpCountsByDay(ctx.db, { from: addDays(ctx.today, 1), to: last }, false).map((d) => [
      d.day,
      d.count,
    ]),
  );
  const today = dueCountsAt(ctx.db, ctx, budget);
  planned.set(ctx.today, today.due + today.doneToday);
  let best: { day: LocalDay; load: number } | null = null;
  for (let day = ctx.today; day <= last; day = addDays(day, 1)) {
    if (!isWorkingDay(day, ctx.settings.workingDays)) continue;
    const load = planned.get(day) ?? 0;
    if (load < budget) return day;
    if (!best || load < best.load) best = { day, load };
  }
  return best?.day ?? ctx.today;
}
