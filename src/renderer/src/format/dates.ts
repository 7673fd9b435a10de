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
