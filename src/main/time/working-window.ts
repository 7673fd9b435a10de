// Local-time arithmetic for the scheduler: whether a moment falls inside the user's working
// window, when the next window opens, and where a local day begins and ends.
// Temporal does the zone work, so DST days (23 or 25 hours long, skipped or repeated hours) come
// out right without hand-rolled offsets.
import { Temporal } from 'temporal-polyfill';
import type { Settings } from '../../shared/settings.ts';

export interface WorkingWindow {
  zone: string;
  /** 0 = Sunday … 6 = Saturday. */
  days: readonly number[];
  /** Local hours [start, end); end may be 24. */
  startHour: number;
  endHour: number;
}

export function workingWindowOf(
  settings: Pick<Settings, 'workingDays' | 'workingHours'>,
  zone: string,
): WorkingWindow {
  return {
    zone,
    days: settings.workingDays,
    startHour: settings.workingHours.start,
    endHour: settings.workingHours.end,
  };
}

function zoned(ms: number, zone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
}

// Temporal counts Monday = 1 … Sunday = 7; settings count Sunday = 0 like Date#getDay (and like
// local-day.ts's weekday, which works on YYYY-MM-DD days).
const weekday = (date: { dayOfWeek: number }) => date.dayOfWeek % 7;

export function isWorkingTime(ms: number, window: WorkingWindow): boolean {
  const local = zoned(ms, window.zone);
  return (
    window.days.includes(weekday(local)) && local.hour >= window.startHour && local.hour < window.endHour
  );
}

/**
 * `ms` itself when it is working time, else the instant the next working window opens. A start
 * hour skipped by a DST change resolves to the first instant after the gap (Temporal's
 * 'compatible' rule), which is also the first instant isWorkingTime accepts.
 */
export function nextWorkingMoment(ms: number, window: WorkingWindow): number {
  if (isWorkingTime(ms, window)) return ms;
  const today = zoned(ms, window.zone).toPlainDate();
  const startTime = new Temporal.PlainTime(window.startHour);
  // Eight days always reach a working day: settings require at least one.
  for (let offset = 0; offset <= 8; offset++) {
    const day = today.add({ days: offset });
    if (!window.days.includes(weekday(day))) continue;
    const opens = day.toZonedDateTime({ timeZone: window.zone, plainTime: startTime }).epochMilliseconds;
    if (opens > ms) return opens;
  }
  throw new Error('No working day in the settings.');
}

/** The local calendar day containing `ms`, as [start, end) instants; 23 or 25 hours on DST days. */
export function localDayBounds(ms: number, zone: string): { start: number; end: number } {
  const day = zoned(ms, zone).toPlainDate();
  // toZonedDateTime without a time picks the day's first valid instant (some zones skip midnight).
  return {
    start: day.toZonedDateTime({ timeZone: zone }).epochMilliseconds,
    end: day.add({ days: 1 }).toZonedDateTime({ timeZone: zone }).epochMilliseconds,
  };
}
