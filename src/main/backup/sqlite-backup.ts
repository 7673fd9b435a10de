import { ApiError } from '../../shared/api/errors.ts';
import { integrityProblems, openDatabaseImage, schemaVersionOf } from '../store/backup.ts';
import type { Db } from '../store/database.ts';
import { dumpExistingTables } from '../store/row-snapshot.ts';
import { refusal } from './backup-checks.ts';
import { checkSchemaVersion, type UncheckedBackup } from './json-backup.ts';

/** SQLite files start with this 16-byte header. */
export const SQLITE_MAGIC = 'SQLite format 3\0';

export const isSqliteFile = (bytes: Buffer): boolean =>
  bytes.subarray(0, 16).toString('latin1') === SQLITE_MAGIC;

/**
 * Reads a database copy (a rolling backup, `backup --out`, a pre-restore copy) from its bytes as
 * rows, so restoring goes through the same checked, migrated path as a JSON backup and never
 * swaps files under a running app. A damaged file is refused first (PRAGMA integrity_check);
 * the rows then get the JSON backup's checks, references included.
 */
export function readSqliteBackup(bytes: Buffer, fileName: string): UncheckedBackup {
  let source: Db;
  try {
    source = openDatabaseImage(bytes);
  } catch (error) {
    throw new ApiError(
      'invalid_input',
      `${fileName} cannot be opened as a database: ${(error as Error).message}`,
    );
  }
  try {
    let problems: string[];
    try {
      problems = integrityProblems(source);
    } catch (error) {
      // SQLITE_NOTADB, SQLITE_CORRUPT: not even the schema can be read.
      throw new ApiError(
        'invalid_input',
        `${fileName} is not a sound database: ${(error as Error).message}.`,
      );
    }
    if (problems.length) {
      throw refusal(
        fileName,
        problems.map((message) => ({ path: '', message: `integrity check: ${message}` })),
      );
    }
    const schemaVersion = schemaVersionOf(source);
    if (schemaVersion === 0) {
      throw new ApiError(
        'invalid_input',
        `${fileName} is a database, but not a Followthrough one (it has no schema version).`,
      );
    }
    checkSchemaVersion(schemaVersion, fileName);
    return { schemaVersion, tables: dumpExistingTables(source) };
  } finally {
    source.close();
  }
}
