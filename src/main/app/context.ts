// Composition root for everything that is not Electron: opens the store, builds the engine,
// handlers and dispatcher. The Electron shell, the HTTP shell and the CLI each call this once.
import type Database from 'better-sqlite3';
import { createDispatch, type Dispatch, type DispatchOptions } from '../api/dispatch.ts';
import { createHandlers } from '../api/handlers.ts';
import { fillPhoneKeys, phoneRegion } from '../contacts/phone-keys.ts';
import { type ChangeBus, createChangeBus } from '../core/change-bus.ts';
import type { Registry } from '../core/registry.ts';
import { createWriteGate, type WriteGate } from '../core/write-gate.ts';
import { createFollowUpEngine, type FollowUpEngine } from '../followups/engine.ts';
import { sqliteReminderSource } from '../followups/reminder-source-sqlite.ts';
import type { ReminderSource } from '../reminders/reminder-source.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import { openDatabase } from '../store/database.ts';
import { unkeyedPhones } from '../store/phone-keys-store.ts';
import { repairSearchIndex, searchIndexIsCurrent } from '../store/search-index.ts';
import { totalChanges, writeTransaction } from '../store/transaction.ts';
import { type Clock, systemClock } from '../time/clock.ts';
import type { ResolvedPaths } from './paths.ts';
import { APP_VERSION } from './version.ts';

export interface AppContextOptions extends ResolvedPaths {
  shell: 'electron' | 'http' | 'cli';
  settings: SettingsStore;
  clock?: Clock;
  /** e2e only: a clock that testing.setNow may move. */
  testClock?: { clock: Clock; set(now: Date): void };
  onInternalError?: DispatchOptions['onInternalError'];
  /** Tests: a handler registered as a read that writes fails its call (see dispatch.ts). */
  strictScopes?: boolean;
}

export interface AppContext {
  db: Database.Database;
  handlers: Registry;
  dispatch: Dispatch;
  clock: Clock;
  settings: SettingsStore;
  bus: ChangeBus;
  gate: WriteGate;
  /** The folder holding the database, settings and backups. */
  dataDir: string;
  engine: FollowUpEngine;
  /** What the reminder scheduler reads and writes. */
  reminders: ReminderSource;
  /** Set by a shell once its loopback server listens, so the calendar feed link can be shown. */
  feed: { baseUrl: string | null };
  close(): void;
}

export function openAppContext(options: AppContextOptions): AppContext {
  const clock = options.testClock?.clock ?? options.clock ?? systemClock;
  const { db, schemaVersion } = openDatabase(options.databasePath);
  const bus = createChangeBus();
  const engine = createFollowUpEngine({ db, clock, settings: options.settings });
  const feed = { baseUrl: null as string | null };
  const gate = createWriteGate();
  // Phones written by an older version (or before a region change) get their matching key, and
  // contacts an interrupted import left unindexed are indexed. Checked read-only first, so an
  // ordinary start (every CLI command) never waits for another process's write lock.
  if (unkeyedPhones(db).length > 0 || !searchIndexIsCurrent(db)) {
    writeTransaction(db, () => {
      fillPhoneKeys(db, phoneRegion(options.settings.get()));
      repairSearchIndex(db);
    });
  }
  const handlers = createHandlers({
    gate,
    db,
    clock,
    settings: options.settings,
    engine,
    bus,
    feed,
    ...(options.testClock ? { testClock: options.testClock } : {}),
    info: {
      version: APP_VERSION,
      shell: options.shell,
      dataDir: options.dataDir,
      databasePath: options.databasePath,
      schemaVersion,
    },
  });
  const dispatch = createDispatch(handlers, {
    gate,
    clock,
    countChanges: () => totalChanges(db),
    announce: (scopes) => bus.emit({ type: 'data-changed', scopes }),
    strictScopes: options.strictScopes ?? false,
    onInternalError:
      options.onInternalError ??
      ((method, error) => console.error(`[followthrough] ${method} failed:`, error)),
  });
  return {
    db,
    handlers,
    dispatch,
    clock,
    settings: options.settings,
    bus,
    gate,
    dataDir: options.dataDir,
    engine,
    reminders: sqliteReminderSource(db, engine, options.settings),
    feed,
    close: () => db.close(),
  };
}
