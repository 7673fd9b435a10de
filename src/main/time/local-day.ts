import { Temporal } from 'temporal-polyfill';

/**
 * Follow-ups fall due on the user's local days at their follow-up hour. Everything here goes
 * through Temporal so DST days are right (a 02:30 that does not exist becomes 03:30, and a day
 * is a calendar day, not 24 hours).
 */
export type LocalDay = string; // YYYY-MM-DD

export function localDayOf(instant: Date, timeZone: string): LocalDay {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

/** The instant at which `day` reaches `hour`:00 in the zone. */
export function atLocalHour(day: LocalDay, hour: number, timeZone: string): Date {
  const zoned = Temporal.PlainDate.from(day).toZonedDateTime({
    timeZone,
    plainTime: new Temporal.PlainTime(Math.min(hour, 23), 0),
  });
  return new Date(zoned.epochMilliseconds);
}

// Calendar-day arithmetic needs no time zone: a YYYY-MM-DD day maps to a whole number of days
// since 1970-01-01 through Date.UTC, exactly and quickly (the caps search does this a lot).
const DAY_MS = 86_400_000;

export function dayNumber(day: LocalDay): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

export function dayFromNumber(n: number): LocalDay {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: LocalDay, days: number): LocalDay {
  return dayFromNumber(dayNumber(day) + days);
}

/** Whole calendar days from a to b (b - a). */
export function daysBetween(a: LocalDay, b: LocalDay): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Sunday … 6 = Saturday, as in the settings. */
export function weekday(day: LocalDay): number {
  return new Date(dayNumber(day) * DAY_MS).getUTCDay();
}

export function isWorkingDay(day: LocalDay, workingDays: readonly number[]): boolean {
  return workingDays.includes(weekday(day));
}

/** `day` itself if it is a working day, else the next one. */
export function onOrAfterWorkingDay(day: LocalDay, workingDays: readonly number[]): LocalDay {
  let d = day;
  for (let i = 0; i < 7 && !isWorkingDay(d, workingDays); i++) d = addDays(d, 1);
  return d;
}

/** The local day of an instant given as an ISO string. */
export function localDayOfIso(iso: string, timeZone: string): LocalDay {
  return localDayOf(new Date(iso), timeZone);
}

/** The first moment at or after `now` when it is `hour`:00 in `timeZone`; null for an unknown zone. */
export function nextLocalHour(now: Date, hour: number, timeZone: string): Date | null {
  try {
    const today = localDayOf(now, timeZone);
    const candidate = atLocalHour(today, hour, timeZone);
    return candidate.getTime() >= now.getTime() ? candidate : atLocalHour(addDays(today, 1), hour, timeZone);
  } catch {
    return null;
  }
}
