import type { Settings } from '../../shared/settings.ts';
import type { Clock } from './clock.ts';
import { type LocalDay, localDayOf } from './local-day.ts';
import { userTimeZone } from './zone.ts';

/** One consistent "now" for one operation: the instant, the user's zone and their local day. */
export interface Moment {
  now: Date;
  nowIso: string;
  timeZone: string;
  today: LocalDay;
}

export function momentOf(clock: Clock, settings: Pick<Settings, 'timeZone'>): Moment {
  const now = clock();
  const timeZone = userTimeZone(settings);
  return { now, nowIso: now.toISOString(), timeZone, today: localDayOf(now, timeZone) };
}
