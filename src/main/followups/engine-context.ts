import type { Settings } from '../../shared/settings.ts';
import type { Clock } from '../app/clock.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { Db } from '../store/database.ts';
import { type LocalDay, localDayOf, userTimeZone } from './local-time.ts';

export interface EngineDeps {
  db: Db;
  clock: Clock;
  settings: SettingsStore;
}

/** One consistent view of "now" for one operation: the instant, the user's zone and day. */
export interface EngineContext {
  db: Db;
  now: Date;
  nowIso: string;
  settings: Settings;
  timeZone: string;
  today: LocalDay;
}

export function engineContext(deps: EngineDeps): EngineContext {
  const now = deps.clock();
  const settings = deps.settings.get();
  const timeZone = userTimeZone(settings);
  return {
    db: deps.db,
    now,
    nowIso: now.toISOString(),
    settings,
    timeZone,
    today: localDayOf(now, timeZone),
  };
}
