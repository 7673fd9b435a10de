import Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors.ts';
import { MIGRATIONS } from '../store/migrations/index.ts';
import { type DataTable, dumpExistingTables, type Row } from '../store/row-snapshot.ts';

/** SQLite files start with this 16-byte header. */
export const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * Reads a database backup (a rolling backup or `backup --out`) as rows, read-only, so restoring
 * goes through the same checked, migrated path as a JSON backup and never swaps files under a
 * running app.
 */
export function readSqliteBackup(path: string): {
  schemaVersion: number;
  tables: Partial<Record<DataTable, Row[]>>;
} {
  let source: Database.Database;
  try {
    source = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new ApiError(
      'invalid_input',
      `${path} cannot be opened as a database: ${(error as Error).message}`,
    );
  }
  try {
    const schemaVersion = source.pragma('user_version', { simple: true }) as number;
    if (schemaVersion < 1 || schemaVersion > MIGRATIONS.length) {
      throw new ApiError(
        'invalid_input',
        `${path} has schema version ${schemaVersion}; this version of Followthrough reads 1 to ${MIGRATIONS.length}.`,
      );
    }
    const tables = dumpExistingTables(source);
    return { schemaVersion, tables };
  } finally {
    source.close();
  }
}
