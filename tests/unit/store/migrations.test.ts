import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/store/database.ts';
import { MIGRATIONS } from '../../../src/main/store/migrations/index.ts';
import { type Migration, migrate } from '../../../src/main/store/migrations/runner.ts';
import { ApiError } from '../../../src/shared/api/errors.ts';
import { tempDir } from '../../helpers/temp-app.ts';

const open: Database.Database[] = [];
const fresh = () => {
  const db = new Database(join(tempDir(), 'm.db'));
  open.push(db);
  return db;
};
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

const tables = (db: Database.Database) =>
  (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name")
      .pluck()
      .all() as string[]
  ).filter((n) => !n.startsWith('sqlite_') && !n.startsWith('contacts_fts_'));

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('bring a new database to the latest version with WAL and foreign keys on', () => {
    const path = join(tempDir(), 'new.db');
    const { db, schemaVersion } = openDatabase(path);
    open.push(db);
    expect(schemaVersion).toBe(MIGRATIONS.length);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(tables(db)).toEqual(
      expect.arrayContaining(['contacts', 'events', 'interactions', 'tags', 'contact_tags', 'contacts_fts']),
    );
  });

  it('re-opening an up-to-date database changes nothing', () => {
    const path = join(tempDir(), 'again.db');
    openDatabase(path).db.close();
    const { db, schemaVersion } = openDatabase(path);
    open.push(db);
    expect(schemaVersion).toBe(MIGRATIONS.length);
  });

  it('each migration applies on a database of the previous version', () => {
    for (let k = 1; k <= MIGRATIONS.length; k++) {
      const db = fresh();
      migrate(db, MIGRATIONS.slice(0, k - 1));
      expect(db.pragma('user_version', { simple: true })).toBe(k - 1);
      expect(migrate(db, MIGRATIONS.slice(0, k))).toBe(k);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    }
  });

  it('refuses a database written by a newer version, and leaves it untouched', () => {
    const path = join(tempDir(), 'future.db');
    const raw = new Database(path);
    raw.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    raw.exec('CREATE TABLE from_the_future (x)');
    raw.close();

    let error: unknown;
    try {
      openDatabase(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('newer_database');
    expect((error as ApiError).message).toMatch(/newer version/);

    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 5);
    expect(tables(check)).toEqual(['from_the_future']);
    check.close();
  });

  it('runs pending migrations in one transaction: a failure leaves the version and schema as they were', () => {
    const db = fresh();
    const broken: Migration[] = [
      { version: 1, name: 'ok', up: (d) => d.exec('CREATE TABLE a (x)') },
      {
        version: 2,
        name: 'fails',
        up: (d) => {
          d.exec('CREATE TABLE b (x)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(tables(db)).toEqual([]);
  });

  it('rejects a misnumbered migration list before touching the database', () => {
    const db = fresh();
    const bad: Migration[] = [{ version: 2, name: 'skips one', up: () => {} }];
    expect(() => migrate(db, bad)).toThrow(/expected 1/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
  });
});
