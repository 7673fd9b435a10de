import type { CatchUpDay, CatchUpPlan } from '../../shared/domain/backlog.ts';
import { followUpCountsByDay } from '../store/calendar-store.ts';
import { moveStep } from '../store/followups-store.ts';
import { type DueStepRow, dueSteps } from '../store/today-store.ts';
import { outboundTouchesOfMany } from '../store/touches-store.ts';
import { addDays, atLocalHour, isWorkingDay, type LocalDay, localDayOfIso } from '../time/local-day.ts';
import { dueBounds, dueCountsAt } from './budget.ts';
import { capViolations } from './caps.ts';
import type { EngineContext } from './engine-context.ts';
import { PURPOSE_RULES } from './purposes.ts';

/** A catch-up plans at most this far ahead; what does not fit stays where it is (and says so). */
export const CATCH_UP_HORIZON_DAYS = 365;

interface Move {
  id: number;
  day: LocalDay;
}

/** A day that can take steps, and how many it still takes within the budget. */
interface Slot {
  day: LocalDay;
  room: number;
  already: number;
  added: number;
}

/**
 * Spreads everything due now (overdue, due today, waiting, going cold) over today and the
 * coming working days, most important first: today takes what its budget has left after what
 * was done today, each later working day what its budget has left after the steps it already
 * holds. Days off take nothing. Each step goes to the first of those days that also keeps its
 * person within the caps against over-following-up, as the engine plans an automatic step
 * (caps.ts): a person's second overdue nudge lands at least the minimum gap after the first,
 * and never makes more than the maximum in 30 days. Preview and commit both come from here, so
 * they agree.
 */
export function planCatchUp(ctx: EngineContext): { plan: CatchUpPlan; moves: Move[] } {
  const budget = ctx.settings.caps.dailyBudget;
  const steps = dueSteps(ctx.db, dueBounds(ctx), { purposes: null, tag: null, dueOnOrBefore: null });
  const slots = daysWithRoom(ctx, budget);
  const touches = personTouches(ctx, steps);

  const moves: Move[] = [];
  let unchanged = 0;
  let unplaced = 0;
  let open = 0; // the first slot with room: rooms only shrink, so it only moves on
  for (const step of steps) {
    while (open < slots.length && slots[open]!.room === 0) open++;
    const slot = open < slots.length ? firstFitting(ctx, slots, open, step, touches) : undefined;
    if (!slot) {
      unplaced++;
      touches.place(step, step.dueOn); // it stays where it is
      continue;
    }
    slot.room--;
    touches.place(step, slot.day);
    if (step.dueOn === slot.day) {
      unchanged++;
      slot.already++;
    } else {
      moves.push({ id: step.id, day: slot.day });
      slot.added++;
    }
  }
  const days: CatchUpDay[] = slots
    .filter((s) => s.added > 0)
    .map(({ day, added, already }) => ({ day, added, already }));
  return {
    plan: { moved: moves.length, unchanged, days, lastDay: days.at(-1)?.day ?? null, unplaced },
    moves,
  };
}

/** Today (after what was done today), then each working day up to the horizon, with their room. */
function daysWithRoom(ctx: EngineContext, budget: number): Slot[] {
  const counts = dueCountsAt(ctx.db, ctx, budget);
  const lastDay = addDays(ctx.today, CATCH_UP_HORIZON_DAYS);
  const held = new Map(
    followUpCountsByDay(ctx.db, { from: addDays(ctx.today, 1), to: lastDay }, false).map((d) => [
      d.day,
      d.count,
    ]),
  );
  const slots: Slot[] = [
    { day: ctx.today, room: Math.max(0, budget - counts.doneToday), already: counts.doneToday, added: 0 },
  ];
  for (let day = addDays(ctx.today, 1); day <= lastDay; day = addDays(day, 1)) {
    if (!isWorkingDay(day, ctx.settings.workingDays)) continue;
    const already = held.get(day) ?? 0;
    slots.push({ day, room: Math.max(0, budget - already), already, added: 0 });
  }
  return slots;
}

/** The first slot from `from` with room that keeps the step's person within the caps. */
function firstFitting(
  ctx: EngineContext,
  slots: readonly Slot[],
  from: number,
  step: DueStepRow,
  touches: PersonTouches,
): Slot | undefined {
  const capped = PURPOSE_RULES[step.purpose].nudge;
  const theirs = capped ? touches.of(step.contactId) : [];
  for (let i = from; i < slots.length; i++) {
    const slot = slots[i]!;
    if (slot.room === 0) continue;
    if (!capped || theirs.length === 0) return slot;
    if (capViolations(slot.day, theirs, ctx.settings.caps).length === 0) return slot;
  }
  return undefined;
}

/**
 * The local days of each person's outbound touches as the catch-up places their steps: logged
 * messages and open nudges (the touches the engine plans against, see touchDays), except the
 * due ones being placed, which count from the day they are given. Read for everyone at once.
 */
function personTouches(ctx: EngineContext, steps: readonly DueStepRow[]) {
  const { caps } = ctx.settings;
  // touchDays counts exactly the nudges (a promise of mine is no outbound touch).
  const nudges = steps.filter((s) => PURPOSE_RULES[s.purpose].nudge);
  // From today on, a cap looks back at most the minimum gap, or 29 days for the 30-day maximum.
  const since = atLocalHour(addDays(ctx.today, -Math.max(caps.minGapDays, 30)), 0, ctx.timeZone);
  const read = outboundTouchesOfMany(
    ctx.db,
    [...new Set(nudges.map((s) => s.contactId))],
    since.toISOString(),
  );
  const days = new Map<number, LocalDay[]>();
  const add = (contactId: number, day: LocalDay) => {
    const list = days.get(contactId);
    if (list) list.push(day);
    else days.set(contactId, [day]);
  };
  for (const m of read.messages) add(m.contactId, localDayOfIso(m.occurredAt, ctx.timeZone));
  for (const s of read.steps) add(s.contactId, s.dueOn);
  for (const step of nudges) {
    const theirs = days.get(step.contactId);
    const at = theirs?.indexOf(step.dueOn) ?? -1;
    if (at >= 0) theirs!.splice(at, 1);
  }
  return {
    of: (contactId: number): readonly LocalDay[] => days.get(contactId) ?? [],
    place(step: DueStepRow, day: LocalDay): void {
      if (PURPOSE_RULES[step.purpose].nudge) add(step.contactId, day);
    },
  };
}
type PersonTouches = ReturnType<typeof personTouches>;

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
