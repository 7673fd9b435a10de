import { daysBetween, type LocalDay, localDayOf } from '../time/local-day.ts';

/**
 * Days and times as a message names them. The templates are English, so the words are English;
 * the user's locale decides the conventions (24-hour clock, day before month) by writing with
 * English in the user's region ("de-DE" → "en-DE": "Tuesday, 9 June, 15:00").
 */
export function textLocale(locale: string | undefined): string {
  try {
    const parsed = new Intl.Locale(locale ?? new Intl.DateTimeFormat().resolvedOptions().locale);
    if (parsed.language === 'en') return parsed.baseName;
    const candidate = parsed.region ? `en-${parsed.region}` : 'en-150';
    return Intl.DateTimeFormat.supportedLocalesOf(candidate)[0] ?? 'en-GB';
  } catch {
    return 'en-GB';
  }
}

export interface DateWords {
  locale: string;
  /** "Tuesday 9 June" in the zone. */
  day(instant: Date, zone: string): string;
  /** "15:00" or "3:00 PM" in the zone. */
  time(instant: Date, zone: string): string;
  /** "Tue 9 Jun, 15:00": the short form shown beside a proposed time. */
  short(instant: Date, zone: string): string;
  /** "Tuesday" for a YYYY-MM-DD day. */
  weekday(day: LocalDay): string;
  /** "Tue" in the zone. */
  shortWeekday(instant: Date, zone: string): string;
  /** "March", or "March 2024". */
  month(day: LocalDay, withYear: boolean): string;
  /** "12 March" for a YYYY-MM-DD day. */
  dayMonth(day: LocalDay): string;
}

// Formatters are costly to build and a batch of drafts asks for the same few.
const formatters = new Map<string, Intl.DateTimeFormat>();
function format(locale: string, zone: string, options: Intl.DateTimeFormatOptions, instant: Date): string {
  const key = `${locale}|${zone}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    formatters.set(key, formatter);
  }
  return formatter.format(instant);
}

// A YYYY-MM-DD day formatted at its UTC noon in UTC names that day in every zone.
const noonOf = (day: LocalDay) => new Date(`${day}T12:00:00Z`);

export function dateWords(localeTag: string | undefined): DateWords {
  const locale = textLocale(localeTag);
  return {
    locale,
    day: (instant, zone) => format(locale, zone, { weekday: 'long', day: 'numeric', month: 'long' }, instant),
    time: (instant, zone) => format(locale, zone, { hour: 'numeric', minute: '2-digit' }, instant),
    short: (instant, zone) =>
      format(
        locale,
        zone,
        { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' },
        instant,
      ),
    weekday: (day) => format(locale, 'UTC', { weekday: 'long' }, noonOf(day)),
    shortWeekday: (instant, zone) => format(locale, zone, { weekday: 'short' }, instant),
    month: (day, withYear) =>
      format(locale, 'UTC', withYear ? { month: 'long', year: 'numeric' } : { month: 'long' }, noonOf(day)),
    dayMonth: (day) => format(locale, 'UTC', { day: 'numeric', month: 'long' }, noonOf(day)),
  };
}

/** When you met, as it reads after "It was good to meet you": "yesterday", "on Tuesday", "in March". */
export function metWhen(metOn: LocalDay, today: LocalDay, words: DateWords): string {
  const days = daysBetween(metOn, today);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 7) return `on ${words.weekday(metOn)}`;
  if (days < 14) return 'last week';
  if (metOn.slice(0, 7) === today.slice(0, 7)) return 'earlier this month';
  // Within about ten months a month's name alone cannot be mistaken for last year's.
  return `in ${words.month(metOn, days > 300)}`;
}

/** How long ago a message went: "yesterday", "a week ago", "three weeks ago", "2 months ago". */
export function agoPhrase(at: Date, now: Date, zone: string): string {
  const days = daysBetween(localDayOf(at, zone), localDayOf(now, zone));
  if (days <= 0) return 'earlier today';
  if (days === 1) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  if (days < 14) return 'a week ago';
  if (days < 21) return 'two weeks ago';
  if (days < 30) return 'three weeks ago';
  if (days < 60) return 'a month ago';
  if (days < 365) return `${Math.round(days / 30)} months ago`;
  if (days < 730) return 'a year ago';
  return `${Math.floor(days / 365)} years ago`;
}

/** The day a message went, after "I wrote to you": "on Tuesday" within the week, else "on 12 March". */
export function sentOn(at: Date, now: Date, zone: string, words: DateWords): string {
  const day = localDayOf(at, zone);
  const days = daysBetween(day, localDayOf(now, zone));
  if (days <= 0) return 'earlier today';
  if (days === 1) return 'yesterday';
  if (days < 7) return `on ${words.weekday(day)}`;
  return `on ${words.dayMonth(day)}`;
}
