import type { Settings } from '../../shared/settings.ts';
import { dueBounds, dueCountsAt } from '../followups/budget.ts';
import { projectPlan } from '../followups/projection.ts';
import {
  countByIds,
  openStepsForPlan,
  type StepRangeRow,
  stepsByIds,
  stepsInRange,
} from '../store/calendar-store.ts';
import type { Db } from '../store/database.ts';
import { addDays, atLocalHour, type LocalDay } from '../time/local-day.ts';
import type { Moment } from '../time/moment.ts';
import { revised } from './exported-sequence.ts';

export interface ExportRange {
  from: LocalDay;
  to: LocalDay;
  tag: string | null;
  contactId: number | null;
  /** Every open step on its own due day, ignoring the daily budget (the old "dates shown"). */
  everything: boolean;
}

export interface PlannedSteps {
  /** The steps to export, each at the moment it is planned for, in that order. */
  steps: StepRangeRow[];
  /** Open steps due by `to` that the plan puts later (or that are going cold): not exported. */
  later: number;
}

/**
 * What an .ics export or the feed holds. By default the plan Today follows (projectPlan): what
 * waits goes out on the day the budget reaches it, at the follow-up hour, so a backlog of 291
 * becomes ten a day, not 291 events at 09:00 on one morning. `everything` writes each open step
 * on its own due day instead. Each event comes with its revision (exported-sequence.ts), which
 * records the start written for a step the plan moved: this writes to the database.
 */
export function stepsToExport(db: Db, m: Moment, settings: Settings, r: ExportRange): PlannedSteps {
  const filter = { tag: r.tag, contactId: r.contactId };
  if (r.everything)
    return {
      steps: revised(db, stepsInRange(db, { from: r.from, to: r.to, ...filter }), m.nowIso),
      later: 0,
    };
  const bounds = dueBounds(m);
  const budget = settings.caps.dailyBudget;
  const candidates = openStepsForPlan(db, {
    until: atLocalHour(addDays(r.to, 1), 0, m.timeZone).toISOString(),
    staleBefore: bounds.staleBefore,
  });
  const placed = projectPlan(candidates, {
    today: m.today,
    slotsToday: Math.max(0, budget - dueCountsAt(db, m, budget).doneToday),
    dailyBudget: budget,
    workingDays: settings.workingDays,
    through: r.to,
  });
  const inRange = candidates.filter((c) => {
    const day = placed.get(c.id);
    return day !== undefined && day >= r.from;
  });
  // Only what goes in the file is read in full; what waits beyond `to` is only counted.
  const unplaced = candidates.filter((c) => !placed.has(c.id)).map((c) => c.id);
  const later =
    r.tag === null && r.contactId === null
      ? unplaced.length
      : countByIds(db, JSON.stringify(unplaced), filter);
  const dueOn = new Map(inRange.map((c) => [c.id, c.dueOn]));
  const at = new Map<LocalDay, string>();
  const steps: StepRangeRow[] = [];
  for (const row of stepsByIds(db, JSON.stringify(inRange.map((c) => c.id)), filter)) {
    const day = placed.get(row.id)!;
    if (day === dueOn.get(row.id)) {
      steps.push(row);
      continue;
    }
    let dueAt = at.get(day);
    if (dueAt === undefined) {
      dueAt = atLocalHour(day, settings.followUpHour, m.timeZone).toISOString();
      at.set(day, dueAt);
    }
    steps.push({ ...row, dueAt });
  }
  steps.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id - b.id));
  return { steps: revised(db, steps, m.nowIso), later };
}
