import { ApiError } from '../../shared/api/errors.ts';
import type { RestoreCounts } from '../../shared/domain/imports.ts';
import type { Settings } from '../../shared/settings.ts';
import { danglingReferences, loadRows, openScratch, schemaAtVersion } from '../store/backup.ts';
import type { Db } from '../store/database.ts';
import { MIGRATIONS } from '../store/migrations/index.ts';
import { migrate } from '../store/migrations/runner.ts';
import { type DataTable, dumpTables, type Row, replaceTables } from '../store/row-snapshot.ts';
import { reindexAll } from '../store/search-index.ts';
import { writeTransaction } from '../store/transaction.ts';
import { clearUndo } from '../store/undo-store.ts';
import { checkBackupTables, refusal, shown } from './backup-checks.ts';

export const BACKUP_FORMAT = 'followthrough-backup';

/**
 * A complete backup as JSON: every data table row for row (so restore is exact, ids included),
 * the settings, and the schema version the rows were written under.
 */
export interface JsonBackup {
  format: typeof BACKUP_FORMAT;
  version: 1;
  schemaVersion: number;
  exportedAt: string;
  settings: Partial<Settings>;
  tables: Partial<Record<DataTable, Row[]>>;
}

/** A backup as read, before its rows are checked: the tables are whatever the file holds. */
export interface UncheckedBackup {
  schemaVersion: number;
  tables: Readonly<Record<string, unknown>>;
  settings?: Partial<Settings> | undefined;
}

export function createJsonBackup(db: Db, settings: Settings, exportedAt: string): JsonBackup {
  return {
    format: BACKUP_FORMAT,
    version: 1,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    exportedAt,
    settings,
    tables: dumpTables(db),
  };
}

/**
 * Reads a backup file's text and checks its header; the rows are checked by upgradeTables.
 * Every error names what is wrong and where.
 */
export function parseJsonBackup(
  text: string,
  fileName = 'backup',
): UncheckedBackup & { exportedAt: string | null } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiError('invalid_input', `${fileName} is not valid JSON: ${(error as Error).message}`);
  }
  const backup = value as Record<string, unknown> | null;
  if (!backup || typeof backup !== 'object' || Array.isArray(backup) || backup.format !== BACKUP_FORMAT) {
    throw new ApiError(
      'invalid_input',
      `${fileName} is not a Followthrough backup (no "format": "${BACKUP_FORMAT}").`,
    );
  }
  checkSchemaVersion(backup.schemaVersion, fileName);
  const { tables, settings, exportedAt } = backup;
  if (!tables || typeof tables !== 'object' || Array.isArray(tables)) {
    throw refusal(fileName, [
      { path: 'tables', message: `must be an object of tables, not ${shown(tables)}.` },
    ]);
  }
  if (
    exportedAt !== undefined &&
    exportedAt !== null &&
    (typeof exportedAt !== 'string' || Number.isNaN(Date.parse(exportedAt)))
  ) {
    throw refusal(fileName, [
      { path: 'exportedAt', message: `must be a date and time, not ${shown(exportedAt)}.` },
    ]);
  }
  if (settings !== undefined && (!settings || typeof settings !== 'object' || Array.isArray(settings))) {
    throw refusal(fileName, [{ path: 'settings', message: `must be an object, not ${shown(settings)}.` }]);
  }
  return {
    schemaVersion: backup.schemaVersion as number,
    tables: tables as Record<string, unknown>,
    settings: settings as Partial<Settings> | undefined,
    exportedAt: (exportedAt as string | null | undefined) ?? null,
  };
}

/** A backup's schema is one this version of the app can migrate from (never a newer one). */
export function checkSchemaVersion(version: unknown, fileName: string): asserts version is number {
  const latest = MIGRATIONS.length;
  if (typeof version === 'number' && Number.isInteger(version) && version > latest) {
    throw new ApiError(
      'invalid_input',
      `${fileName} was written by a newer version of Followthrough (schema version ${version}; this version reads 1 to ${latest}). Update the app to restore it.`,
    );
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ApiError(
      'invalid_input',
      `${fileName} has schema version ${shown(version)}; a Followthrough backup has 1 to ${latest}.`,
    );
  }
}

/**
 * Checks a backup's rows and brings them to the current schema: checked against the schema of
 * the backup's version, loaded into a scratch in-memory database at that version with foreign
 * keys on, and migrated forward exactly as a file would be. The live database is not touched,
 * so a refused backup changes nothing.
 */
export function upgradeTables(backup: UncheckedBackup, fileName = 'backup'): Record<DataTable, Row[]> {
  checkSchemaVersion(backup.schemaVersion, fileName);
  const schema = schemaAtVersion(backup.schemaVersion);
  const tables = checkBackupTables(schema, backup.schemaVersion, backup.tables, fileName);
  const scratch = openScratch(backup.schemaVersion);
  try {
    writeTransaction(scratch, () => {
      for (const table of schema.keys()) {
        const refused = loadRows(scratch, table, tables[table]);
        if (refused) throw refusal(fileName, [constraintIssue(table, refused)]);
      }
      // The checks above name every dangling reference; this is the schema's own word on it.
      const dangling = danglingReferences(scratch);
      if (dangling.length) {
        throw refusal(
          fileName,
          dangling.slice(0, 50).map((d) => ({
            path: `tables.${d.table}`,
            message: `a row${d.rowid === null ? '' : ` (id ${d.rowid})`} points to a row of ${d.parent} that is not in the backup.`,
          })),
          dangling.length,
        );
      }
    });
    migrate(scratch, MIGRATIONS);
    return dumpTables(scratch);
  } finally {
    scratch.close();
  }
}

/** SQLite's constraint message as an issue on the row (and column, when it names one). */
function constraintIssue(table: DataTable, refused: { index: number; message: string }) {
  const at = `tables.${table}[${refused.index}]`;
  const unique = /^UNIQUE constraint failed: (\w+)\.(\w+)/.exec(refused.message);
  if (unique)
    return { path: `${at}.${unique[2]}`, message: 'repeats a value another row has; it must be unique.' };
  const check = /^CHECK constraint failed: (.*)$/.exec(refused.message);
  if (check) {
    const column = /^(\w+)/.exec(check[1] ?? '')?.[1];
    return { path: column ? `${at}.${column}` : at, message: `breaks the rule ${check[1]}.` };
  }
  return { path: at, message: `is refused by the database: ${refused.message}.` };
}

/** Replaces all data with the backup's rows in one transaction; the search index is rebuilt. */
export function restoreTables(db: Db, tables: Record<DataTable, Row[]>): RestoreCounts {
  writeTransaction(db, () => {
    replaceTables(db, tables);
    // What undo would put back belongs to the data just replaced.
    clearUndo(db);
    reindexAll(db);
  });
  return countTables(tables);
}

export function countTables(tables: Record<DataTable, Row[]>): RestoreCounts {
  return {
    contacts: tables.contacts.length,
    events: tables.events.length,
    interactions: tables.interactions.length,
    followUps: tables.followups.length,
    promises: tables.promises.length,
  };
}
