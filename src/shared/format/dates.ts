/**
 * The app's one way to write days and times, for a locale the caller names: the renderer passes
 * its LOCALE (renderer/src/format/dates.ts), main the system's (main/time/locale.ts). So a day
 * in a follow-up's reason, on the contact page and in the CLI is written with the same words for
 * one locale: "8 Oct" (en-GB), "Oct 8" (en-US), "8. Okt." (de-DE).
 *
 * Calendar days (YYYY-MM-DD) are formatted at UTC midnight in UTC, so a day never moves with
 * the zone of the process that writes it. Instants are written in the zone asked for
 * (undefined: the process's own).
 */

/** A calendar day, YYYY-MM-DD. */
export type IsoDay = string;

export interface DateWriter {
  /** The locale these formats resolved to (undefined: the process's default). */
  readonly locale: string | undefined;
  /** Hours as this locale's clock writes them, for other Intl users (FullCalendar). */
  readonly timeOptions: Intl.DateTimeFormatOptions;
  /** "12 Nov 2025"; "12 Nov" when `short` and the day is in the year of `today`. */
  day(day: IsoDay, options?: { short?: boolean; today?: IsoDay }): string;
  /** "Thu 19 Mar 2026". */
  dayLong(day: IsoDay): string;
  /** "Mon 30 Nov". */
  dayShort(day: IsoDay): string;
  /** "Sunday 22 November": a page heading's day. */
  dayHeading(day: IsoDay): string;
  /** "Nov". */
  monthShort(day: IsoDay): string;
  /** "Mon" or "Monday"; 0 = Sunday … 6 = Saturday. */
  weekdayName(weekday: number, style?: 'short' | 'long'): string;
  /** "14:05" or "2:05 PM". */
  time(instant: Date, timeZone?: string): string;
  /** An hour of the day: "09:00" or "9:00 AM". */
  hour(hour: number): string;
  /** "Mon 30 Nov at 09:00". */
  moment(instant: Date, timeZone?: string): string;
  /** "Mon 16 Feb 2026 at 18:05". */
  momentLong(instant: Date, timeZone?: string): string;
}

/**
 * Hours as the locale's clock writes them: "09:00" on a 24-hour clock, "9:00 AM" on a 12-hour
 * one ("09:00 AM" reads as a typo).
 */
export function timeOptionsFor(locale: string | undefined): Intl.DateTimeFormatOptions {
  const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  const twelve = cycle === 'h11' || cycle === 'h12';
  return { hour: twelve ? 'numeric' : '2-digit', minute: '2-digit' };
}

/** A calendar day at UTC midnight; setUTCFullYear, because Date.UTC reads years 0–99 as 1900–1999. */
export function utcDateOf(day: IsoDay): Date {
  const date = new Date(0);
  date.setUTCFullYear(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return date;
}

const writers = new Map<string, DateWriter>();

/** The formats of one locale, built once (an Intl.DateTimeFormat costs ~0.1 ms to make). */
export function dateWriter(locale: string | undefined): DateWriter {
  const known = knownLocale(locale);
  const key = known ?? '';
  let writer = writers.get(key);
  if (!writer) {
    writer = createWriter(known);
    writers.set(key, writer);
  }
  return writer;
}

const canonical = new Map<string, string | undefined>();

/**
 * A tag Intl cannot read ("en_GB", "") falls back to the default rather than throwing on a screen.
 * Kept per tag: asked once per dated text, Intl's canonicalisation was 7% of a 10,000-event export.
 */
function knownLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  if (canonical.has(locale)) return canonical.get(locale);
  let known: string | undefined;
  try {
    known = Intl.getCanonicalLocales(locale)[0];
  } catch {
    known = undefined;
  }
  if (canonical.size > 100) canonical.clear();
  canonical.set(locale, known);
  return known;
}

function createWriter(locale: string | undefined): DateWriter {
  const timeOptions = timeOptionsFor(locale);
  const utc = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  const days = {
    full: utc({ day: 'numeric', month: 'short', year: 'numeric' }),
    noYear: utc({ day: 'numeric', month: 'short' }),
    long: utc({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }),
    short: utc({ weekday: 'short', day: 'numeric', month: 'short' }),
    heading: utc({ weekday: 'long', day: 'numeric', month: 'long' }),
    month: utc({ month: 'short' }),
    weekdayShort: utc({ weekday: 'short' }),
    weekdayLong: utc({ weekday: 'long' }),
    hour: utc(timeOptions),
  };
  const zoned = new Map<
    string,
    { time: Intl.DateTimeFormat; short: Intl.DateTimeFormat; long: Intl.DateTimeFormat }
  >();
  const inZone = (timeZone: string | undefined) => {
    const zoneKey = timeZone ?? '';
    let formats = zoned.get(zoneKey);
    if (!formats) {
      const make = (options: Intl.DateTimeFormatOptions) =>
        new Intl.DateTimeFormat(locale, timeZone ? { ...options, timeZone } : options);
      formats = {
        time: make(timeOptions),
        short: make({ weekday: 'short', day: 'numeric', month: 'short' }),
        long: make({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }),
      };
      zoned.set(zoneKey, formats);
    }
    return formats;
  };
  // The join is the app's (Intl's own adds commas: "Mon, 30 Nov, 09:00").
  const at = (day: string, time: string) => `${day} at ${time}`;
  return {
    locale,
    timeOptions,
    day(day, { short = false, today } = {}) {
      const thisYear = short && today !== undefined && day.slice(0, 4) === today.slice(0, 4);
      return (thisYear ? days.noYear : days.full).format(utcDateOf(day));
    },
    dayLong: (day) => days.long.format(utcDateOf(day)),
    dayShort: (day) => days.short.format(utcDateOf(day)),
    dayHeading: (day) => days.heading.format(utcDateOf(day)),
    monthShort: (day) => days.month.format(utcDateOf(day)),
    // 7 January 2024 was a Sunday.
    weekdayName: (weekday, style = 'long') =>
      (style === 'short' ? days.weekdayShort : days.weekdayLong).format(Date.UTC(2024, 0, 7 + weekday)),
    time: (instant, timeZone) => inZone(timeZone).time.format(instant),
    hour: (hour) => days.hour.format(Date.UTC(2000, 0, 1, hour)),
    moment: (instant, timeZone) => {
      const formats = inZone(timeZone);
      return at(formats.short.format(instant), formats.time.format(instant));
    },
    momentLong: (instant, timeZone) => {
      const formats = inZone(timeZone);
      return at(formats.long.format(instant), formats.time.format(instant));
    },
  };
}
