import type { ContactNudge, TodayItem, TodayView } from '../../shared/domain/followup.ts';
import { listPromises } from '../store/promises-store.ts';
import {
  doneSince,
  metNotFollowedUp,
  openStepsBetween,
  openStepsDueBy,
  type TodayRow,
} from '../store/today-store.ts';
import type { EngineContext } from './engine-context.ts';
import { addDays, atLocalHour, daysBetween, isWorkingDay, localDayOfIso, weekday } from './local-time.ts';

const UPCOMING_DAYS = 7;
/** "Met but not followed up within 48 h". */
const MET_GRACE_DAYS = 2;

/**
 * The start page: what is overdue, due today (within the daily budget; the rest wait), the next
 * days, people met but never followed up, people going cold, and open promises.
 */
export function buildToday(ctx: EngineContext): TodayView {
  const { today, timeZone, settings } = ctx;
  const endOfToday = atLocalHour(addDays(today, 1), 0, timeZone).toISOString();
  const due = openStepsDueBy(ctx.db, endOfToday).map((row) => toItem(ctx, row));

  // Overdue check-ins are "going cold", shown once, in their own section.
  const goingCold: ContactNudge[] = due
    .filter((i) => i.purpose === 'check_in' && i.dueOn < today)
    .map((i) => ({
      contactId: i.contactId,
      contactName: i.contactName,
      company: i.company,
      metOn: null,
      metWhere: null,
      lastInteractionAt: null,
      days: i.overdueDays,
    }));
  const actionable = due.filter((i) => !(i.purpose === 'check_in' && i.dueOn < today));
  const budget = settings.caps.dailyBudget;
  const kept = actionable.slice(0, budget);
  const waiting = actionable.slice(budget);

  const metBy = addDays(today, -MET_GRACE_DAYS);
  const met = metNotFollowedUp(ctx.db, metBy).map((m) => ({
    ...m,
    days: m.metOn ? daysBetween(m.metOn, today) : 0,
  }));

  const upcomingUntil = atLocalHour(addDays(today, UPCOMING_DAYS + 1), 0, timeZone).toISOString();
  const open = listPromises(ctx.db, { status: 'open' });
  return {
    now: ctx.nowIso,
    today,
    overdue: kept.filter((i) => i.dueOn < today),
    dueToday: kept.filter((i) => i.dueOn >= today),
    waiting,
    upcoming: openStepsBetween(ctx.db, endOfToday, upcomingUntil).map((row) => toItem(ctx, row)),
    metNotFollowedUp: met,
    goingCold,
    promises: {
      mine: open.filter((p) => p.direction === 'mine'),
      theirs: open.filter((p) => p.direction === 'theirs'),
    },
    stats: { ...doneStats(ctx), dailyBudget: budget },
  };
}

function toItem(ctx: EngineContext, row: TodayRow): TodayItem {
  const { company, theirTimeZone, ...step } = row;
  return {
    ...step,
    company,
    theirTimeZone,
    theirTime: theirTimeZone ? timeIn(theirTimeZone, ctx.now) : null,
    overdueDays: Math.max(0, daysBetween(row.dueOn, ctx.today)),
  };
}

function timeIn(timeZone: string, now: Date): string | null {
  try {
    return now.toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' });
  } catch {
    return null;
  }
}

/** Done this week (since Monday) and the streak of working days with at least one done. */
function doneStats(ctx: EngineContext): { doneThisWeek: number; streakDays: number } {
  const { today, timeZone, settings } = ctx;
  const monday = addDays(today, -((weekday(today) + 6) % 7));
  const since = addDays(today, -60);
  const doneDays = doneSince(
    ctx.db,
    atLocalHour(since < monday ? since : monday, 0, timeZone).toISOString(),
  ).map((iso) => localDayOfIso(iso, timeZone));
  const doneThisWeek = doneDays.filter((d) => d >= monday).length;
  const days = new Set(doneDays);
  // Today does not break the streak before the day is over.
  let day = days.has(today) ? today : addDays(today, -1);
  let streakDays = 0;
  for (let i = 0; i < 60; i++, day = addDays(day, -1)) {
    if (!isWorkingDay(day, settings.workingDays)) continue;
    if (!days.has(day)) break;
    streakDays++;
  }
  return { doneThisWeek, streakDays };
}
