import type { Settings } from '../../shared/settings.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { Db } from '../store/database.ts';
import type { Clock } from '../time/clock.ts';
import { type Moment, momentOf } from '../time/moment.ts';

export interface EngineDeps {
  db: Db;
  clock: Clock;
  settings: SettingsStore;
}

/** What one engine operation works with: the store, the settings and one consistent moment. */
export interface EngineContext extends Moment {
  db: Db;
  settings: Settings;
}

export function engineContext(deps: EngineDeps): EngineContext {
  const settings = deps.settings.get();
  return { db: deps.db, settings, ...momentOf(deps.clock, settings) };
}
