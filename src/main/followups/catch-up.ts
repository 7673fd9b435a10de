import type { CatchUpDay, CatchUpPlan } from '../../shared/domain/backlog.ts';
import { followUpCountsByDay } from '../store/calendar-store.ts';
import { moveStep } from '../store/followups-store.ts';
import { dueSteps } from '../store/today-store.ts';
import { addDays, atLocalHour, isWorkingDay, type LocalDay } from '../time/local-day.ts';
import { dueBounds, dueCountsAt } from './budget.ts';
import type { EngineContext } from './engine-context.ts';

/** A catch-up plans at most this far ahead; what does not fit stays where it is (and says so). */
export const CATCH_UP_HORIZON_DAYS = 365;

interface Move {
  id: number;
  day: LocalDay;
}

/**
 * Spreads everything due now (overdue, due today, waiting, going cold) over today and the
 * coming working days, most important first: today takes what its budget has left after what
 * was done today, each later working day what its budget has left after the steps it already
 * holds. Days off take nothing. Preview and commit both come from here, so they agree.
 */
export function planCatchUp(ctx: EngineContext): { plan: CatchUpPlan; moves: Move[] } {
  const budget = ctx.settings.caps.dailyBudget;
  const steps = dueSteps(ctx.db, dueBounds(ctx), { purposes: null, tag: null, dueOnOrBefore: null });
  const counts = dueCountsAt(ctx.db, ctx, budget);
  const lastDay = addDays(ctx.today, CATCH_UP_HORIZON_DAYS);
  const held = new Map(
    followUpCountsByDay(ctx.db, { from: addDays(ctx.today, 1), to: lastDay }, false).map((d) => [
      d.day,
      d.count,
    ]),
  );

  const moves: Move[] = [];
  const days: CatchUpDay[] = [];
  let unchanged = 0;
  let next = 0;
  // Today: the most important, as many as the budget has left; overdue ones are re-dated.
  const todayRoom = Math.max(0, budget - counts.doneToday);
  const today: CatchUpDay = { day: ctx.today, added: 0, already: counts.doneToday };
  for (; next < steps.length && next < todayRoom; next++) {
    const step = steps[next]!;
    if (step.dueOn === ctx.today) {
      unchanged++;
      today.already++;
    } else {
      moves.push({ id: step.id, day: ctx.today });
      today.added++;
    }
  }
  if (today.added > 0) days.push(today);
  for (let day = addDays(ctx.today, 1); next < steps.length && day <= lastDay; day = addDays(day, 1)) {
    if (!isWorkingDay(day, ctx.settings.workingDays)) continue;
    const already = held.get(day) ?? 0;
    const room = Math.max(0, budget - already);
    if (room === 0) continue;
    const taken = Math.min(room, steps.length - next);
    for (let k = 0; k < taken; k++) moves.push({ id: steps[next + k]!.id, day });
    next += taken;
    days.push({ day, added: taken, already });
  }
  return {
    plan: {
      moved: moves.length,
      unchanged,
      days,
      lastDay: days.at(-1)?.day ?? null,
      unplaced: steps.length - next,
    },
    moves,
  };
}

/**
 * Writes the plan: each moved step gets its day at the follow-up hour, marked as chosen by the
 * user (re-planning leaves it there), and is notified again on its new day (one brought to
 * today is not announced twice).
 */
export function commitCatchUp(ctx: EngineContext): CatchUpPlan {
  const { plan, moves } = planCatchUp(ctx);
  const dueAtOf = new Map<LocalDay, string>();
  for (const { id, day } of moves) {
    let dueAt = dueAtOf.get(day);
    if (dueAt === undefined) {
      dueAt = atLocalHour(day, ctx.settings.followUpHour, ctx.timeZone).toISOString();
      dueAtOf.set(day, dueAt);
    }
    const keepNotified = day === ctx.today;
    moveStep(
      ctx.db,
      id,
      { dueOn: day, dueAt, manual: true, snoozed: false, capWarning: null, keepNotified },
      ctx.nowIso,
    );
  }
  return plan;
}
