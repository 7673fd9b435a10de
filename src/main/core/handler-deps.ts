import type { AppInfo } from '../../shared/api/contract.ts';
import type { FollowUpEngine } from '../followups/engine.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { Db } from '../store/database.ts';
import type { Clock } from '../time/clock.ts';
import type { ChangeBus } from './change-bus.ts';
import type { WriteGate } from './write-gate.ts';

/** What every domain's handlers receive: the store, the clock and the settings, never globals. */
export interface HandlerDeps {
  db: Db;
  clock: Clock;
  settings: SettingsStore;
  info: AppInfo;
  engine: FollowUpEngine;
  bus: ChangeBus;
  /** Long writes (imports) hold it; every other call waits at the dispatcher meanwhile. */
  gate: WriteGate;
  /** Where the calendar feed is served, set by a shell once its loopback server listens. */
  feed: { baseUrl: string | null };
  /** Present only when the process runs with a test clock (e2e): lets testing.setNow move time. */
  testClock?: { set(now: Date): void };
}

export const nowIso = (deps: HandlerDeps): string => deps.clock().toISOString();
