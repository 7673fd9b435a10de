import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index.ts';
import { migrate } from './migrations/runner.ts';

export type Db = Database.Database;

export interface OpenedDatabase {
  db: Db;
  schemaVersion: number;
}

/**
 * Opens (creating if needed) the one database file the desktop app, the HTTP shell and the CLI
 * share, and brings its schema up to date.
 */
export function openDatabase(path: string): OpenedDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    configure(db);
    const schemaVersion = migrate(db, MIGRATIONS);
    return { db, schemaVersion };
  } catch (error) {
    db.close();
    throw error;
  }
}

function configure(db: Db): void {
  // WAL lets the CLI read and write while the app has the file open; busy_timeout makes a
  // writer wait for the other process's transaction instead of failing with SQLITE_BUSY.
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the
  // last transactions, which is the usual trade for a desktop app.
  db.pragma('synchronous = NORMAL');
  // 64 MB of page cache (the default is 2 MB): a 50,000-row import touches every index of the
  // contacts table, and with a small cache SQLite spills pages to the WAL mid-transaction.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
}
