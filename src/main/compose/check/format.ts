/** Days and times in the checks' messages, in the user's locale and the zone they are about. */

function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    // A locale string Intl does not know must not break the check; British English is the app's default.
    return new Intl.DateTimeFormat('en-GB', options);
  }
}

/**
 * Hours as the locale's clock writes them, the rule the renderer follows (format/dates.ts):
 * "09:00" on a 24-hour clock, "9:00 AM" on a 12-hour one ("09:00 AM" reads as a typo).
 */
function timeOptions(locale: string | undefined, zone: string): Intl.DateTimeFormatOptions {
  const cycle = formatter(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  const twelve = cycle === 'h11' || cycle === 'h12';
  return { hour: twelve ? 'numeric' : '2-digit', minute: '2-digit', timeZone: zone };
}

/** "12 Mar" (en-GB), "Mar 12" (en-US). */
export function dayMonth(ms: number, zone: string, locale: string | undefined): string {
  return formatter(locale, { day: 'numeric', month: 'short', timeZone: zone }).format(ms);
}

/** "Tue 09:00", or "Tue 24 Mar, 09:00" when more than six days away. */
export function weekdayTime(ms: number, nowMs: number, zone: string, locale: string | undefined): string {
  const far = ms - nowMs > 6 * 86_400_000;
  const day = formatter(locale, {
    weekday: 'short',
    ...(far ? { day: 'numeric', month: 'short' } : {}),
    timeZone: zone,
  }).format(ms);
  const time = formatter(locale, timeOptions(locale, zone)).format(ms);
  return far ? `${day}, ${time}` : `${day} ${time}`;
}

/** "09:00", or "9:00 AM". */
export function clockTime(ms: number, zone: string, locale: string | undefined): string {
  return formatter(locale, timeOptions(locale, zone)).format(ms);
}
