import { type DatedText, readDated } from '../../../shared/format/dated-text.ts';
import { dateWriter, timeOptionsFor } from '../../../shared/format/dates.ts';

export { timeOptionsFor };

/**
 * The one place the renderer writes dates and times, in the user's locale (Intl), so every
 * screen says a day the same way: "12 Nov 2025", "Thu 19 Mar", "Thursday 19 March", "09:00"
 * (or "9:00 AM" where the clock has twelve hours). The shapes are the app's shared ones
 * (shared/format/dates.ts), which main writes with too: a day in the CLI, a notification or a
 * follow-up's reason reads as it does here, for one locale.
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

const writer = dateWriter(LOCALE);

/** Hours as the user's clock writes them (see timeOptionsFor); FullCalendar takes the same options. */
export const TIME_OPTIONS = writer.timeOptions;

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

/** "12 Nov 2025"; the year is dropped for this year's dates when `short`. */
export function formatDay(iso: string, { short = false, now = new Date() } = {}): string {
  return writer.day(iso, { short, today: toIsoDate(now) });
}

/** "Thu 19 Mar 2026". */
export function formatDayLong(iso: string): string {
  return writer.dayLong(iso);
}

/** "Nov": a date tile's month. */
export function formatMonthShort(iso: string): string {
  return writer.monthShort(iso);
}

/** A weekday's name ("Mon", "Monday"); `day` is 0 = Sunday … 6 = Saturday. */
export function weekdayName(day: number, style: 'short' | 'long' = 'long'): string {
  return writer.weekdayName(day, style);
}

/**
 * "Mon 16 Feb 2026 at 18:05": an instant's day as {@link formatDayLong} writes it and its time
 * as {@link formatTime}, joined as {@link formatWhen} joins them (Intl's own join adds commas).
 */
export function formatInstant(iso: string): string {
  return writer.momentLong(new Date(iso));
}

/**
 * Text from main with days marked (a follow-up's reason, an undo's summary), read in the
 * user's locale now: "You met at Web Summit on 8 Oct". A screen that shows times in a chosen
 * zone (the calendar) passes it, and its `today`, so the text agrees with the rest of it.
 */
export function formatDated(
  text: DatedText,
  { today, timeZone }: { today?: string; timeZone?: string | undefined } = {},
): string {
  return readDated(text, { locale: LOCALE, today: today ?? todayIsoDate(), timeZone });
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
    return writer.time(now, timeZone);
  } catch {
    return null;
  }
}

/** The local calendar day of an instant, formatted like {@link formatDay}. */
export function formatDayOfInstant(iso: string): string {
  return formatDay(toIsoDate(new Date(iso)));
}

/** "14:05" (or "2:05 PM"), in the user's zone. */
export function formatTime(iso: string): string {
  return writer.time(new Date(iso));
}

/** An hour of the day as the user's clock writes it: "09:00" or "9:00 AM". */
export function formatHour(hour: number): string {
  return writer.hour(hour);
}

/** When something lands, close to how people say it: "today at 14:05", "tomorrow at 09:00", "Mon 30 Nov at 09:00". */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  const days = Math.round(
    (parseIsoDate(toIsoDate(d)).getTime() - parseIsoDate(toIsoDate(now)).getTime()) / DAY_MS,
  );
  const time = writer.time(d);
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  return writer.moment(d);
}

/**
 * {@link formatWhen} in a chosen zone (Settings), counted from `today`, the user's day from main:
 * "today at 09:00", "tomorrow at 09:00", "yesterday at 09:00", "Mon 30 Nov at 09:00".
 */
export function formatWhenIn(instant: string, timeZone: string | undefined, today: string): string {
  const date = new Date(instant);
  const time = writer.time(date, timeZone);
  const days = daysBetween(today, dayIn(instant, timeZone));
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  if (days === -1) return `yesterday at ${time}`;
  return writer.moment(date, timeZone);
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
  return writer.dayShort(iso);
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

/** "Sunday 22 November": a page heading's day. */
export function formatDayHeading(iso: string): string {
  return writer.dayHeading(iso);
}
