import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * Prepares each SQL text once per connection. Preparing costs more than running the small
 * statements the store issues, which matters for a 50,000-contact seed or import.
 */
export function cached<P extends unknown[] | [Record<string, unknown>] = unknown[], R = unknown>(
  db: Database.Database,
  text: string,
): Database.Statement<P, R> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = db.prepare(text);
    cache.set(text, statement);
  }
  return statement as unknown as Database.Statement<P, R>;
}
