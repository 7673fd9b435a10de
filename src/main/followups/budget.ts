import { type DueCounts, dueCountsOf } from '../../shared/domain/due-counts.ts';
import type { Db } from '../store/database.ts';
import { type DueBounds, dueByPriority, dueTotals, type TodayRow } from '../store/today-store.ts';
import { addDays, atLocalHour } from '../time/local-day.ts';
import type { Moment } from '../time/moment.ts';

/** An open step ignored this long is stale: its cycle ends as skipped, so no cycle lives forever. */
export const STALE_AFTER_DAYS = 60;

/** What "due now" means at this moment, in UTC bounds (see DueBounds). */
export function dueBounds(m: Moment): DueBounds {
  return {
    startOfToday: atLocalHour(m.today, 0, m.timeZone).toISOString(),
    until: atLocalHour(addDays(m.today, 1), 0, m.timeZone).toISOString(),
    staleBefore: new Date(m.now.getTime() - STALE_AFTER_DAYS * 86_400_000).toISOString(),
  };
}

/** The one definition of due / in budget / waiting (see DueCounts), from one store query. */
export function dueCountsAt(db: Db, m: Moment, dailyBudget: number): DueCounts {
  return dueCountsOf(dueTotals(db, dueBounds(m)), dailyBudget);
}

export interface DueList {
  counts: DueCounts;
  /** Today's budget: the most important due steps, as many as counts.inBudget. */
  inBudget: TodayRow[];
  /** The next ones, at most `waitingShown`, most important first. */
  waiting: TodayRow[];
}

/**
 * The steps behind the counts: Today's lists and the tray's menu both come from here, so they
 * always hold what the numbers say.
 */
export function dueList(db: Db, m: Moment, dailyBudget: number, waitingShown: number): DueList {
  const bounds = dueBounds(m);
  const counts = dueCountsOf(dueTotals(db, bounds), dailyBudget);
  const rows = counts.due > 0 ? dueByPriority(db, bounds, counts.inBudget + waitingShown) : [];
  return { counts, inBudget: rows.slice(0, counts.inBudget), waiting: rows.slice(counts.inBudget) };
}
