import type { AppContext } from '../app/context.ts';
import { backupsDir, ensureDailyBackup, startRollingBackups } from './rolling.ts';

/**
 * Daily rolling database copies while a shell (desktop or HTTP) runs, as the settings say. The
 * copy goes through the write gate so it never lands in the middle of an import.
 */
export function startDailyBackups(context: AppContext, onError: (error: unknown) => void): () => void {
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
