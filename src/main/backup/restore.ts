import { join } from 'node:path';
import type { RestorePreview, RestoreResult } from '../../shared/domain/imports.ts';
import { SettingsPatch } from '../../shared/settings.ts';
import { fillPhoneKeys, phoneRegion } from '../contacts/phone-keys.ts';
import type { FollowUpEngine } from '../followups/engine.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import { backupDatabase, countData } from '../store/backup.ts';
import type { Db } from '../store/database.ts';
import { disarmPasswordCommands } from '../store/mail-store.ts';
import { writeTransaction } from '../store/transaction.ts';
import type { BackupFile } from './backup-file.ts';
import { countTables, restoreTables, type UncheckedBackup, upgradeTables } from './json-backup.ts';
import { backupsDir, fileStamp } from './rolling.ts';

export interface RestoreDeps {
  db: Db;
  settings: SettingsStore;
  engine: Pick<FollowUpEngine, 'replan'>;
  dataDir: string;
  now: string;
}

/**
 * Replaces everything with a backup's rows (JSON or a database copy, already read). The rows
 * are checked and migrated in a scratch database first: a refused backup throws before the
 * safety copy of the current data is taken, and nothing changes. Settings come back too when
 * the backup has them (a database copy has none).
 */
export async function restoreBackup(
  deps: RestoreDeps,
  backup: UncheckedBackup,
  fileName: string,
): Promise<RestoreResult> {
  const tables = upgradeTables(backup, fileName);
  const before = countData(deps.db);
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
  writeTransaction(deps.db, () => {
    fillPhoneKeys(deps.db, phoneRegion(deps.settings.get()));
    disarmPasswordCommands(deps.db, deps.now);
  });
  deps.engine.replan();
  // Through the dispatcher, data.restore's declared scopes (everything) are announced after this.
  return { ...counts, before, safetyBackup };
}

/** What data.restore would do with this file: the same checks, nothing written. */
export function previewRestore(db: Db, file: BackupFile): RestorePreview {
  const tables = upgradeTables(file, file.fileName);
  return {
    fileName: file.fileName,
    kind: file.kind,
    exportedAt: file.exportedAt,
    schemaVersion: file.schemaVersion,
    counts: countTables(tables),
    current: countData(db),
    hasSettings: file.settings !== undefined,
  };
}
