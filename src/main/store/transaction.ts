import type { Db } from './database.ts';
import { cached } from './statements.ts';

/**
 * Every write transaction in the app begins here, and begins IMMEDIATE.
 *
 * A deferred transaction that reads first and writes later cannot wait for the write lock: if
 * another process (the CLI next to the desktop app) commits in between, SQLite answers
 * SQLITE_BUSY at once without consulting busy_timeout, because waiting could deadlock two
 * readers that both want to upgrade. BEGIN IMMEDIATE takes the write lock up front, where the
 * busy handler does wait. Nested calls become savepoints (better-sqlite3), so a handler may call
 * store functions that open their own transaction.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/**
 * For long writes that yield to the event loop between chunks (an import): one IMMEDIATE
 * transaction across several turns, committed only when `fn` resolves, rolled back otherwise.
 * The caller keeps other callers of this connection out meanwhile (the write gate).
 */
export async function longWriteTransaction<T>(
  db: Db,
  fn: () => Promise<T>,
  options: { checkpointAfter?: boolean } = {},
): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const value = await fn();
    if (options.checkpointAfter === false) {
      // The WAL holds the whole transaction durably; copying it into the main file (a
      // checkpoint) is left to whoever follows instead of lengthening this commit.
      db.pragma('wal_autocheckpoint = 0');
      try {
        db.exec('COMMIT');
      } finally {
        db.pragma('wal_autocheckpoint = 1000');
      }
    } else {
      db.exec('COMMIT');
    }
    return value;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** Rows changed by this connection since it opened: the dispatcher compares it around a call. */
export function totalChanges(db: Db): number {
  return cached<[], number>(db, 'SELECT total_changes()').pluck().get() as number;
}

/** SQLite's "another connection holds the lock" family, after busy_timeout has run out. */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}
