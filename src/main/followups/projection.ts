import { addDays, isWorkingDay, type LocalDay } from '../time/local-day.ts';

/** What the projection needs of an open step. */
export interface PlanStep {
  id: number;
  dueOn: LocalDay;
  dueAt: string;
  priority: number;
  purpose: string;
}

export interface ProjectionOptions {
  today: LocalDay;
  /** What today's budget has left (the budget less what was done today). */
  slotsToday: number;
  dailyBudget: number;
  workingDays: readonly number[];
  /** The last day to plan. */
  through: LocalDay;
}

/**
 * The day each open step goes out, as Today will take them: every day from today, the most
 * important steps due by then, as many as the daily budget allows (today: what it has left;
 * days off: none); the rest wait for the next day. A check-in that waits past its day leaves
 * the plan, as it leaves Today's due list for "going cold". Steps not placed by `through` are
 * left out of the map.
 */
export function projectPlan(steps: readonly PlanStep[], o: ProjectionOptions): Map<number, LocalDay> {
  const byDue = [...steps].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  const queue = new StepHeap();
  const placed = new Map<number, LocalDay>();
  let next = 0;
  for (let day = o.today; day <= o.through; day = addDays(day, 1)) {
    if (next >= byDue.length && queue.size === 0) break;
    while (next < byDue.length && byDue[next]!.dueOn <= day) queue.push(byDue[next++]!);
    let slots = day === o.today ? o.slotsToday : isWorkingDay(day, o.workingDays) ? o.dailyBudget : 0;
    while (slots > 0 && queue.size > 0) {
      const step = queue.pop()!;
      if (step.purpose === 'check_in' && step.dueOn < day) continue;
      placed.set(step.id, day);
      slots--;
    }
  }
  return placed;
}

/** Most important first: priority, then the earlier due time, then the id (Today's order). */
function before(a: PlanStep, b: PlanStep): boolean {
  if (a.priority !== b.priority) return a.priority < b.priority;
  if (a.dueAt !== b.dueAt) return a.dueAt < b.dueAt;
  return a.id < b.id;
}

class StepHeap {
  private items: PlanStep[] = [];

  get size(): number {
    return this.items.length;
  }

  push(step: PlanStep): void {
    const items = this.items;
    items.push(step);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): PlanStep | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && before(items[l]!, items[m]!)) m = l;
        if (r < items.length && before(items[r]!, items[m]!)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m]!, items[i]!];
        i = m;
      }
    }
    return top;
  }
}
