import type { WriteGate } from '../core/write-gate.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { Db } from '../store/database.ts';
import type { Clock } from '../time/clock.ts';
import { backupsDir, ensureDailyBackup, startRollingBackups } from './rolling.ts';

/**
 * Daily rolling database copies while a shell (desktop or HTTP) runs, as the settings say. The
 * copy goes through the write gate so it never lands in the middle of an import.
 */
/** The slice of the app a shell hands over (its AppContext has all of it). */
export interface DailyBackupHost {
  db: Db;
  clock: Clock;
  settings: Pick<SettingsStore, 'get'>;
  gate: Pick<WriteGate, 'exclusive'>;
  dataDir: string;
}

export function startDailyBackups(context: DailyBackupHost, onError: (error: unknown) => void): () => void {
  return startRollingBackups(async () => {
    const { backups, timeZone } = context.settings.get();
    if (!backups.enabled) return;
    await context.gate.exclusive(() =>
      ensureDailyBackup({
        db: context.db,
        dir: backupsDir(context.dataDir),
        now: context.clock(),
        timeZone: timeZone ?? undefined,
        keep: backups.keep,
      }),
    );
  }, onError);
}
