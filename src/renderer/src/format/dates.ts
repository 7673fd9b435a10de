/**
 * Dates in two shapes: calendar days (YYYY-MM-DD, e.g. the day someone was met) are local days
 * and must never pass through UTC, or they shift by one west of Greenwich; instants (ISO with
 * offset) are shown in the user's time zone.
 */

const DAY_MS = 86_400_000;

export function todayIsoDate(now: Date = new Date()): string {
  return toIsoDate(now);
}

export function toIsoDate(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

/** A calendar day as a local Date at midnight. */
export function parseIsoDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dayFormatNoYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const weekdayDayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const instantFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "12 Nov 2025"; the year is dropped for this year's dates when `short`. */
export function formatDay(iso: string, { short = false, now = new Date() } = {}): string {
  const date = parseIsoDate(iso);
  if (short && date.getFullYear() === now.getFullYear()) return dayFormatNoYear.format(date);
  return dayFormat.format(date);
}

export function formatDayLong(iso: string): string {
  return weekdayDayFormat.format(parseIsoDate(iso));
}

export function formatInstant(iso: string): string {
  return instantFormat.format(new Date(iso));
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

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
    return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone }).format(now);
  } catch {
    return null;
  }
}

/** The local calendar day of an instant, formatted like {@link formatDay}. */
export function formatDayOfInstant(iso: string): string {
  return formatDay(toIsoDate(new Date(iso)));
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const shortDayFormat = new Intl.DateTimeFormat(undefined, {
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

const headingDayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});

/** "Sunday 22 November": a page heading's day. */
export function formatDayHeading(iso: string): string {
  return headingDayFormat.format(parseIsoDate(iso));
}
