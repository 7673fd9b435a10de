import { ApiError } from '../../shared/api/errors.ts';
import type { BackupKind } from '../../shared/domain/imports.ts';
import { parseJsonBackup, type UncheckedBackup } from './json-backup.ts';
import { isSqliteFile, readSqliteBackup, SQLITE_MAGIC } from './sqlite-backup.ts';

export interface BackupFile extends UncheckedBackup {
  kind: BackupKind;
  fileName: string;
  /** When a JSON backup was exported; a database copy records no date. */
  exportedAt: string | null;
}

/**
 * A backup file as data.restore and data.previewRestore receive it: a JSON backup's text, or
 * any backup file's bytes in base64 (a database copy has to come that way). The kind is told
 * from the content, never from the name.
 */
export function readBackupFile(input: {
  content: string;
  encoding: 'text' | 'base64';
  fileName: string;
}): BackupFile {
  const { fileName } = input;
  if (input.encoding === 'text') {
    if (input.content.startsWith(SQLITE_MAGIC.slice(0, 15))) {
      throw new ApiError(
        'invalid_input',
        `${fileName} is a database copy: send its bytes with encoding "base64", not as text.`,
      );
    }
    return { kind: 'json', fileName, ...parseJsonBackup(input.content, fileName) };
  }
  const bytes = Buffer.from(input.content, 'base64');
  if (isSqliteFile(bytes)) {
    return { kind: 'database', fileName, exportedAt: null, ...readSqliteBackup(bytes, fileName) };
  }
  // Editors may save the JSON with a byte-order mark.
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  return { kind: 'json', fileName, ...parseJsonBackup(text, fileName) };
}
