import Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors.ts';
import type { RestoreResult } from '../../shared/domain/imports.ts';
import type { Settings } from '../../shared/settings.ts';
import type { Db } from '../store/database.ts';
import { MIGRATIONS } from '../store/migrations/index.ts';
import { migrate } from '../store/migrations/runner.ts';
import {
  columnsOf,
  DATA_TABLES,
  type DataTable,
  dumpTables,
  type Row,
  replaceTables,
  tableExists,
} from '../store/row-snapshot.ts';
import { reindexAll } from '../store/search-index.ts';

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

/** Reads and checks a backup file's text; every error names what is wrong and where. */
export function parseJsonBackup(text: string, fileName = 'backup'): JsonBackup {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiError('invalid_input', `${fileName} is not valid JSON: ${(error as Error).message}`);
  }
  const backup = value as Partial<JsonBackup> | null;
  if (!backup || typeof backup !== 'object' || backup.format !== BACKUP_FORMAT) {
    throw new ApiError(
      'invalid_input',
      `${fileName} is not a Followthrough backup (no "format": "${BACKUP_FORMAT}").`,
    );
  }
  const latest = MIGRATIONS.length;
  if (
    !Number.isInteger(backup.schemaVersion) ||
    (backup.schemaVersion ?? 0) < 1 ||
    (backup.schemaVersion ?? 0) > latest
  ) {
    throw new ApiError(
      'invalid_input',
      `${fileName} has schema version ${String(backup.schemaVersion)}; this version of Followthrough reads 1 to ${latest}.`,
    );
  }
  if (!backup.tables || typeof backup.tables !== 'object') {
    throw new ApiError('invalid_input', `${fileName} has no "tables".`);
  }
  for (const [table, rows] of Object.entries(backup.tables)) {
    if (!(DATA_TABLES as readonly string[]).includes(table)) {
      throw new ApiError('invalid_input', `${fileName}: unknown table "${table}".`);
    }
    if (!Array.isArray(rows) || rows.some((r) => !r || typeof r !== 'object' || Array.isArray(r))) {
      throw new ApiError('invalid_input', `${fileName}: "${table}" must be a list of rows.`);
    }
  }
  return backup as JsonBackup;
}

/**
 * Brings a backup's rows to the current schema: they are loaded into a scratch in-memory
 * database at the backup's version and migrated forward, exactly as a file would be.
 */
export function upgradeTables(
  backup: Pick<JsonBackup, 'schemaVersion' | 'tables'>,
  fileName = 'backup',
): Record<DataTable, Row[]> {
  const scratch = new Database(':memory:');
  try {
    scratch.pragma('foreign_keys = ON');
    migrate(scratch, MIGRATIONS.slice(0, backup.schemaVersion));
    const present = DATA_TABLES.filter((t) => tableExists(scratch, t));
    scratch.transaction(() => {
      for (const table of present) checkColumns(scratch, table, backup.tables[table] ?? [], fileName);
      const tables = Object.fromEntries(present.map((t) => [t, backup.tables[t] ?? []]));
      replaceTables(scratch, tables, present);
      const problems = scratch.pragma('foreign_key_check') as unknown[];
      if (problems.length) {
        throw new ApiError(
          'invalid_input',
          `${fileName}: ${problems.length} rows refer to rows missing from the backup.`,
        );
      }
    })();
    migrate(scratch, MIGRATIONS);
    return dumpTables(scratch);
  } finally {
    scratch.close();
  }
}

/** Replaces all data with the backup's rows in one transaction; the search index is rebuilt. */
export function restoreTables(db: Db, tables: Record<DataTable, Row[]>): Omit<RestoreResult, 'safetyBackup'> {
  db.transaction(() => {
    replaceTables(db, tables);
    reindexAll(db);
  })();
  return {
    contacts: tables.contacts.length,
    events: tables.events.length,
    interactions: tables.interactions.length,
    followUps: tables.followups.length,
    promises: tables.promises.length,
  };
}

function checkColumns(db: Db, table: DataTable, rows: Row[], fileName: string): void {
  const known = new Set(columnsOf(db, table));
  rows.forEach((row, i) => {
    for (const column of Object.keys(row)) {
      if (!known.has(column)) {
        throw new ApiError(
          'invalid_input',
          `${fileName}: ${table} row ${i + 1} has an unknown column "${column}".`,
        );
      }
    }
  });
}
