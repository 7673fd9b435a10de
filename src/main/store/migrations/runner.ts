import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors.ts';
import { writeTransaction } from '../transaction.ts';

export interface Migration {
  /** 1, 2, 3…: the schema version this migration brings the database to. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/**
 * Brings the database to the newest schema. Tracks the version in PRAGMA user_version, runs all
 * pending migrations in ONE transaction (a failure leaves the file as it was), and refuses a
 * database written by a newer app: downgrading would silently drop what we do not understand.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number {
  assertWellFormed(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new ApiError(
      'newer_database',
      `This database (${db.name}) was written by a newer version of Followthrough (schema ${current}; this version knows up to ${latest}). Update the app, or open another database with --db.`,
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  writeTransaction(db, () => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  });
  return latest;
}

function assertWellFormed(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}
