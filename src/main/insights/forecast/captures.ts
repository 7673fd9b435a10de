import type { Db } from '../../store/database.ts';
import { capturesSince } from '../../store/forecast-store.ts';
import { addDays, atLocalHour, type LocalDay, localDayOfIso, weekday } from '../../time/local-day.ts';

/** The user's capture pace is read over this many weeks before today. */
export const HISTORY_WEEKS = 12;

export interface CapturePace {
  /** People captured a week, in all. */
  perWeek: number;
  /** By weekday (0 = Sunday): people a week captured on that day of the week. */
  perWeekday: number[];
}

/**
 * How many people the user captured a week over the past 12 weeks, by weekday of the meeting
 * day: conferences on Saturdays and meet-ups on Thursdays keep their days in the forecast, and a
 * Friday capture meets the weekend before its refresher, as it would in real use.
 */
export function historicPace(db: Db, today: LocalDay, timeZone: string): CapturePace {
  const from = addDays(today, -7 * HISTORY_WEEKS);
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (const row of capturesSince(db, from, atLocalHour(from, 0, timeZone).toISOString())) {
    const met = row.metOn ?? localDayOfIso(row.createdAt, timeZone);
    if (met >= from && met < today) counts[weekday(met)]! += 1;
  }
  const perWeekday = counts.map((n) => n / HISTORY_WEEKS);
  return { perWeek: perWeekday.reduce((a, b) => a + b, 0), perWeekday };
}

/** A pace given as people a week: spread evenly over the working days. */
export function evenPace(perWeek: number, workingDays: readonly number[]): CapturePace {
  const perWeekday = [0, 1, 2, 3, 4, 5, 6].map((d) =>
    workingDays.includes(d) ? perWeek / workingDays.length : 0,
  );
  return { perWeek, perWeekday };
}

/**
 * Whole captures per day, without chance: each weekday keeps a running total of its weekly rate
 * and a person is captured whenever it passes the next whole number (starting half-way, so 0.5
 * a week is one every other week, the first in the first week). Same pace, same days.
 */
export function captureSchedule(pace: CapturePace): (day: LocalDay) => number {
  const carried = [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5];
  return (day) => {
    const d = weekday(day);
    carried[d]! += pace.perWeekday[d]!;
    const whole = Math.floor(carried[d]!);
    carried[d]! -= whole;
    return whole;
  };
}
