import { Temporal } from 'temporal-polyfill';
import type { Settings } from '../../shared/settings.ts';

/**
 * The one place that says which zone the user lives in: the settings' zone, else the
 * operating system's. The engine, the scheduler, the calendar and the feed all ask here.
 */
export function userTimeZone(
  settings: Pick<Settings, 'timeZone'>,
  systemZone: () => string = systemTimeZone,
): string {
  return settings.timeZone ?? systemZone();
}

/**
 * The operating system's zone. Asking costs ~0.2 ms and every engine call asks; a laptop that
 * travels changes zone rarely, so it is read again once a minute (the scheduler notices a change
 * at its next pass after that and re-times every open step). Assigning process.env.TZ makes Node
 * read the zone again for Date and Intl, so it does here too, at once (the tests' in-process CLI
 * gives each command its TZ that way).
 */
let cachedZone: { id: string; readAt: number; tz: string | undefined } | null = null;
export function systemTimeZone(): string {
  const now = Date.now();
  const tz = process.env.TZ;
  if (!cachedZone || now - cachedZone.readAt > 60_000 || cachedZone.tz !== tz)
    cachedZone = { id: Temporal.Now.timeZoneId(), readAt: now, tz };
  return cachedZone.id;
}
