import { join } from 'node:path';
import type { RestoreResult } from '../../shared/domain/imports.ts';
import { type Settings, SettingsPatch } from '../../shared/settings.ts';
import type { ChangeBus } from '../app/change-bus.ts';
import { fillPhoneKeys, phoneRegion } from '../contacts/phone-keys.ts';
import type { FollowUpEngine } from '../followups/engine.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import { backupDatabase } from '../store/backup.ts';
import type { Db } from '../store/database.ts';
import type { DataTable, Row } from '../store/row-snapshot.ts';
import { restoreTables, upgradeTables } from './json-backup.ts';
import { backupsDir, fileStamp } from './rolling.ts';

export interface RestoreDeps {
  db: Db;
  settings: SettingsStore;
  engine: Pick<FollowUpEngine, 'replan'>;
  bus: ChangeBus;
  dataDir: string;
  now: string;
}

/**
 * Replaces everything with a backup's rows (JSON or a database copy, already read), after
 * checking and migrating them in a scratch database and taking a safety copy of the current
 * data. Settings come back too when the backup has them (a database copy has none).
 */
export async function restoreBackup(
  deps: RestoreDeps,
  backup: { schemaVersion: number; tables: Partial<Record<DataTable, Row[]>>; settings?: Partial<Settings> },
  fileName: string,
): Promise<RestoreResult> {
  const tables = upgradeTables(backup, fileName);
  const safetyBackup = join(backupsDir(deps.dataDir), `pre-restore-${fileStamp(deps.now)}.sqlite`);
  await backupDatabase(deps.db, safetyBackup, { overwrite: true });
  const counts = restoreTables(deps.db, tables);
  if (backup.settings) {
    // Settings from an older version may lack keys (defaults stay) or carry retired ones (dropped).
    const known = Object.fromEntries(
      Object.entries(backup.settings).filter(([key]) => key in SettingsPatch.shape),
    );
    const settings = SettingsPatch.safeParse(known);
    if (settings.success) deps.settings.update(settings.data);
  }
  deps.db.transaction(() => fillPhoneKeys(deps.db, phoneRegion(deps.settings.get())))();
  deps.engine.replan();
  for (const scope of ['contacts', 'followups', 'events', 'settings'] as const)
    deps.bus.emit({ type: 'data-changed', scope });
  return { ...counts, safetyBackup };
}
