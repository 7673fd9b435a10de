/**
 * The one place the renderer writes dates and times, in the user's locale (Intl), so every
 * screen says a day the same way: "12 Nov 2025", "Thu 19 Mar", "Thursday 19 March", "09:00"
 * (or "9:00 AM" where the clock has twelve hours).
 *
 * Dates come in two shapes: calendar days (YYYY-MM-DD, e.g. the day someone was met) are local
 * days and must never pass through UTC, or they shift by one west of Greenwich; instants (ISO
 * with offset) are shown in the user's time zone.
 */

const DAY_MS = 86_400_000;

/**
 * The user's locale, one for every format. Passing `undefined` would take ICU's default, which
 * in Electron can differ from the window's language: the app then wrote "Tue, Dec 1" on one
 * screen and "1 Dec" on the next.
 */
export const LOCALE: string | undefined =
  typeof navigator === 'undefined' ? undefined : (navigator.languages?.[0] ?? navigator.language);

/**
 * Hours as the locale's clock writes them: "09:00" on a 24-hour clock, "9:00 AM" on a 12-hour
 * one ("09:00 AM" reads as a typo). FullCalendar takes the same options.
 */
export function timeOptionsFor(locale: string | undefined): Intl.DateTimeFormatOptions {
  const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  const twelve = cycle === 'h11' || cycle === 'h12';
  return { hour: twelve ? 'numeric' : '2-digit', minute: '2-digit' };
}

export const TIME_OPTIONS = timeOptionsFor(LOCALE);

export function todayIsoDate(now: Date = new Date()): string {
  return toIsoDate(now);
}

export function toIsoDate(d: Date): string {
  const y = String(d.getFullYear()).padStart(4, '0');
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

/** A calendar day as a local Date at midnight. */
export function parseIsoDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  // setFullYear, because the Date constructor reads years 0–99 as 1900–1999 (0001 became 1901).
  const date = new Date(2000, (m ?? 1) - 1, d ?? 1);
  date.setFullYear(y ?? 1970);
  return date;
}

const dayFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric' });
const dayFormatNoYear = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short' });
const weekdayDayFormat = new Intl.DateTimeFormat(LOCALE, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const monthFormat = new Intl.DateTimeFormat(LOCALE, { month: 'short' });

/** "12 Nov 2025"; the year is dropped for this year's dates when `short`. */
export function formatDay(iso: string, { short = false, now = new Date() } = {}): string {
  const date = parseIsoDate(iso);
  if (short && date.getFullYear() === now.getFullYear()) return dayFormatNoYear.format(date);
  return dayFormat.format(date);
}

/** "Thu 19 Mar 2026". */
export function formatDayLong(iso: string): string {
  return weekdayDayFormat.format(parseIsoDate(iso));
}

/** "Nov": a date tile's month. */
export function formatMonthShort(iso: string): string {
  return monthFormat.format(parseIsoDate(iso));
}

const weekdayFormats = {
  short: new Intl.DateTimeFormat(LOCALE, { weekday: 'short' }),
  long: new Intl.DateTimeFormat(LOCALE, { weekday: 'long' }),
};

/** A weekday's name ("Mon", "Monday"); `day` is 0 = Sunday … 6 = Saturday. */
export function weekdayName(day: number, style: 'short' | 'long' = 'long'): string {
  // 7 January 2024 was a Sunday.
  return weekdayFormats[style].format(new Date(2024, 0, 7 + day));
}

/**
 * "Mon 16 Feb 2026 at 18:05": an instant's day as {@link formatDayLong} writes it and its time
 * as {@link formatTime}, joined as {@link formatWhen} joins them (Intl's own join adds commas).
 */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  return `${weekdayDayFormat.format(date)} at ${timeFormat.format(date)}`;
}

const relative = new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto' });

/** "just now", "3 hours ago", "yesterday", "3 days ago", "in 2 weeks". */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const diffMs = new Date(iso).getTime() - now.getTime();
  const abs = Math.abs(diffMs);
  const sign = Math.sign(diffMs);
  if (abs < 60_000) return 'just now';
  if (abs < 3_600_000) return relative.format(sign * Math.round(abs / 60_000), 'minute');
  if (abs < DAY_MS) return relative.format(sign * Math.round(abs / 3_600_000), 'hour');
  return formatRelativeDays(Math.round(diffMs / DAY_MS));
}

/** Relative wording for a calendar day compared to today ("today", "3 weeks ago"). */
export function formatRelativeDay(iso: string, now: Date = new Date()): string {
  const days = Math.round((parseIsoDate(iso).getTime() - parseIsoDate(toIsoDate(now)).getTime()) / DAY_MS);
  if (days === 0) return 'today';
  return formatRelativeDays(days);
}

function formatRelativeDays(days: number): string {
  const abs = Math.abs(days);
  if (abs < 7) return relative.format(days, 'day');
  if (abs < 30) return relative.format(Math.round(days / 7), 'week');
  if (abs < 365) return relative.format(Math.round(days / 30.44), 'month');
  return relative.format(Math.round(days / 365.25), 'year');
}

/** Value for <input type="datetime-local"> in the user's zone. */
export function toLocalDateTimeInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${toIsoDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Back from <input type="datetime-local"> to an ISO instant (UTC), or null when empty/invalid. */
export function fromLocalDateTimeInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Local time in a contact's zone, e.g. "14:05"; null for a zone this browser does not know. */
export function timeInZone(timeZone: string, now: Date = new Date()): string | null {
  try {
    return new Intl.DateTimeFormat(LOCALE, { ...TIME_OPTIONS, timeZone }).format(now);
  } catch {
    return null;
  }
}

/** The local calendar day of an instant, formatted like {@link formatDay}. */
export function formatDayOfInstant(iso: string): string {
  return formatDay(toIsoDate(new Date(iso)));
}

const timeFormat = new Intl.DateTimeFormat(LOCALE, TIME_OPTIONS);
const shortDayFormat = new Intl.DateTimeFormat(LOCALE, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});

/** "14:05" (or "2:05 PM"), in the user's zone. */
export function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

/** An hour of the day as the user's clock writes it: "09:00" or "9:00 AM". */
export function formatHour(hour: number): string {
  return timeFormat.format(new Date(2000, 0, 1, hour, 0));
}

/** When something lands, close to how people say it: "today at 14:05", "tomorrow at 09:00", "Mon 30 Nov at 09:00". */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  const days = Math.round(
    (parseIsoDate(toIsoDate(d)).getTime() - parseIsoDate(toIsoDate(now)).getTime()) / DAY_MS,
  );
  const time = timeFormat.format(d);
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  return `${shortDayFormat.format(d)} at ${time}`;
}

const zonedFormats = new Map<string, { time: Intl.DateTimeFormat; day: Intl.DateTimeFormat }>();

function zoned(timeZone: string | undefined) {
  const key = timeZone ?? '';
  let formats = zonedFormats.get(key);
  if (!formats) {
    formats = {
      time: new Intl.DateTimeFormat(LOCALE, { ...TIME_OPTIONS, timeZone }),
      day: new Intl.DateTimeFormat(LOCALE, { weekday: 'short', day: 'numeric', month: 'short', timeZone }),
    };
    zonedFormats.set(key, formats);
  }
  return formats;
}

/**
 * {@link formatWhen} in a chosen zone (Settings), counted from `today`, the user's day from main:
 * "today at 09:00", "tomorrow at 09:00", "yesterday at 09:00", "Mon 30 Nov at 09:00".
 */
export function formatWhenIn(instant: string, timeZone: string | undefined, today: string): string {
  const date = new Date(instant);
  const formats = zoned(timeZone);
  const time = formats.time.format(date);
  const days = daysBetween(today, dayIn(instant, timeZone));
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  if (days === -1) return `yesterday at ${time}`;
  return `${formats.day.format(date)} at ${time}`;
}

const isoDayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of an instant in a zone; undefined is the system's zone. */
export function dayIn(instant: string, timeZone: string | undefined): string {
  const key = timeZone ?? '';
  let format = isoDayFormats.get(key);
  if (!format) {
    // Not for display: en-CA writes dates as YYYY-MM-DD, whatever the user's locale.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    isoDayFormats.set(key, format);
  }
  return format.format(new Date(instant));
}

/** "Mon 30 Nov", for a calendar day close to now. */
export function formatDayShort(iso: string): string {
  return shortDayFormat.format(parseIsoDate(iso));
}

/** The calendar day `days` after `iso` (negative goes back), without passing through UTC. */
export function addDays(iso: string, days: number): string {
  const d = parseIsoDate(iso);
  d.setDate(d.getDate() + days);
  return toIsoDate(d);
}

/** Whole days from calendar day `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / DAY_MS);
}

const headingDayFormat = new Intl.DateTimeFormat(LOCALE, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});

/** "Sunday 22 November": a page heading's day. */
export function formatDayHeading(iso: string): string {
  return headingDayFormat.format(parseIsoDate(iso));
}
