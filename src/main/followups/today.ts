import type { TodayItem, TodayView } from '../../shared/domain/followup.ts';
import { listPromises } from '../store/promises-store.ts';
import {
  anyDoneBetween,
  doneBetween,
  metNotFollowedUp,
  openStepsBetween,
  overdueCheckIns,
  type TodayRow,
} from '../store/today-store.ts';
import {
  addDays,
  atLocalHour,
  daysBetween,
  isWorkingDay,
  type LocalDay,
  nextLocalHour,
  weekday,
} from '../time/local-day.ts';
import { dueBounds, dueList } from './budget.ts';
import type { EngineContext } from './engine-context.ts';

const UPCOMING_DAYS = 7;
/** "Met but not followed up within 48 h". */
const MET_GRACE_DAYS = 2;
/** Waiting and going-cold lists show this many; counts give the totals. */
const LIST_CAP = 50;
/** "Their morning": when a message is most likely read early in their day. */
const THEIR_MORNING_HOUR = 9;

/**
 * The start page: what is overdue and due today (within the daily budget, most important
 * first, counting what was done today; the rest wait), the next days, people met but never
 * followed up, people going cold (check-ins past their day), and open promises.
 */
export function buildToday(ctx: EngineContext): TodayView {
  const { today, timeZone, settings } = ctx;
  const bounds = dueBounds(ctx);
  const endOfToday = bounds.until;
  const budget = settings.caps.dailyBudget;
  const due = dueList(ctx.db, ctx, budget, LIST_CAP);
  const kept = due.inBudget.map((row) => toItem(ctx, row));

  const upcomingUntil = atLocalHour(addDays(today, UPCOMING_DAYS + 1), 0, timeZone).toISOString();
  const open = listPromises(ctx.db, { status: 'open' });
  return {
    now: ctx.nowIso,
    today,
    overdue: kept.filter((i) => i.dueOn < today),
    dueToday: kept.filter((i) => i.dueOn >= today),
    waiting: due.waiting.map((row) => toItem(ctx, row)),
    upcoming: openStepsBetween(ctx.db, endOfToday, upcomingUntil).map((row) => toItem(ctx, row)),
    metNotFollowedUp: metNotFollowedUp(ctx.db, addDays(today, -MET_GRACE_DAYS)).map((m) => ({
      ...m,
      days: m.metOn ? daysBetween(m.metOn, today) : 0,
    })),
    goingCold: overdueCheckIns(ctx.db, bounds, LIST_CAP).map((row) => ({
      contactId: row.contactId,
      contactName: row.contactName,
      company: row.company,
      metOn: null,
      metWhere: null,
      lastInteractionAt: row.lastInteractionAt,
      days: daysBetween(row.dueOn, today),
      followUpId: row.id,
    })),
    promises: {
      mine: open.filter((p) => p.direction === 'mine'),
      theirs: open.filter((p) => p.direction === 'theirs'),
    },
    stats: { ...doneStats(ctx), dailyBudget: budget },
    counts: due.counts,
  };
}

function toItem(ctx: EngineContext, row: TodayRow): TodayItem {
  const { company, theirTimeZone, lastInteractionAt: _lastInteraction, ...step } = row;
  return {
    ...step,
    company,
    theirTimeZone,
    theirTime: theirTimeZone ? timeIn(theirTimeZone, ctx.now) : null,
    theirMorning: theirTimeZone ? theirMorningIn(ctx, theirTimeZone) : null,
    overdueDays: Math.max(0, daysBetween(row.dueOn, ctx.today)),
  };
}

/** Their next morning depends only on the zone and "now": computed once per zone per build. */
const mornings = new Map<string, string | null>();
let morningsAt = '';

function theirMorningIn(ctx: EngineContext, timeZone: string): string | null {
  if (morningsAt !== ctx.nowIso) {
    mornings.clear();
    morningsAt = ctx.nowIso;
  }
  let morning = mornings.get(timeZone);
  if (morning === undefined) {
    morning = nextLocalHour(ctx.now, THEIR_MORNING_HOUR, timeZone)?.toISOString() ?? null;
    mornings.set(timeZone, morning);
  }
  return morning;
}

// Building an Intl formatter costs far more than using one: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function timeIn(timeZone: string, now: Date): string | null {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' });
    } catch {
      format = null;
    }
    formatters.set(timeZone, format);
  }
  return format ? format.format(now) : null;
}

/**
 * Done this week (since Monday) and the streak of working days with at least one done: one count
 * and a probe a day, from the done-steps index (a network in use has thousands done in 60 days).
 */
function doneStats(ctx: EngineContext): { doneThisWeek: number; streakDays: number } {
  const { today, timeZone, settings } = ctx;
  const monday = addDays(today, -((weekday(today) + 6) % 7));
  const first = addDays(today, -STATS_DAYS) < monday ? addDays(today, -STATS_DAYS) : monday;
  const starts = dayStarts(first, today, timeZone);
  const startOf = (day: LocalDay) => starts[daysBetween(first, day)]!;
  const doneThisWeek = doneBetween(ctx.db, startOf(monday), startOf(addDays(today, 1)));
  const doneOn = (day: LocalDay) => anyDoneBetween(ctx.db, startOf(day), startOf(addDays(day, 1)));
  // Today does not break the streak before the day is over.
  let day = doneOn(today) ? today : addDays(today, -1);
  let streakDays = 0;
  for (let i = 0; i < STATS_DAYS && day >= first; i++, day = addDays(day, -1)) {
    if (!isWorkingDay(day, settings.workingDays)) continue;
    if (!doneOn(day)) break;
    streakDays++;
  }
  return { doneThisWeek, streakDays };
}

const STATS_DAYS = 60;

/** The UTC start of each local day from `first` through the day after `last`, remembered per zone. */
const dayStartsSeen = new Map<string, string[]>();

function dayStarts(first: LocalDay, last: LocalDay, timeZone: string): string[] {
  const key = `${timeZone} ${first} ${last}`;
  let starts = dayStartsSeen.get(key);
  if (!starts) {
    starts = [];
    for (let day = first; day <= addDays(last, 1); day = addDays(day, 1))
      starts.push(atLocalHour(day, 0, timeZone).toISOString());
    if (dayStartsSeen.size > 16) dayStartsSeen.clear();
    dayStartsSeen.set(key, starts);
  }
  return starts;
}
