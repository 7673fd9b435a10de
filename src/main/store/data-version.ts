import type { Db } from './database.ts';
import { cached } from './statements.ts';

/**
 * SQLite's counter of commits made by *other* connections to this file (PRAGMA data_version):
 * it changes when the CLI, or another window's process, writes while this one is open.
 */
export function dataVersion(db: Db): number {
  return cached<[], number>(db, 'PRAGMA data_version').pluck().get() as number;
}
