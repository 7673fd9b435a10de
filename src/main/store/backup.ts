import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './database.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { migrate } from './migrations/runner.ts';
import { DATA_TABLES, type DataTable, type Row } from './row-snapshot.ts';
import { cached } from './statements.ts';

/**
 * A consistent copy of the live database through SQLite's online backup API (never a file copy,
 * which can tear a WAL database). Written beside the target and renamed, so a failed or
 * interrupted backup never leaves a half-written file under the requested name.
 */
export async function backupDatabase(
  db: Db,
  target: string,
  options: { overwrite?: boolean } = {},
): Promise<void> {
  if (existsSync(target) && !options.overwrite) {
    throw new Error(`${target} already exists; choose another file or pass --force.`);
  }
  mkdirSync(dirname(target), { recursive: true });
  const partial = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
  try {
    await db.backup(partial);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
}

export interface ColumnSchema {
  name: string;
  /** The declared type, upper-case: INTEGER, TEXT (every data table is STRICT). */
  type: string;
  notNull: boolean;
  hasDefault: boolean;
}

export interface TableSchema {
  name: DataTable;
  columns: Map<string, ColumnSchema>;
  /** Primary-key columns in key order. */
  primaryKey: string[];
  /** Single-column references (the only kind the schema has). */
  foreignKeys: { column: string; parent: DataTable; parentColumn: string }[];
}

/** The data tables of one schema version, parents before children. */
export type BackupSchema = Map<DataTable, TableSchema>;

const schemas = new Map<number, BackupSchema>();

/**
 * What a backup of `version` must hold, read from a scratch database migrated to that version
 * (the migrations are the one definition of the schema, so nothing here is copied by hand).
 */
export function schemaAtVersion(version: number): BackupSchema {
  let schema = schemas.get(version);
  if (!schema) {
    const scratch = openScratch(version);
    try {
      schema = readSchema(scratch);
    } finally {
      scratch.close();
    }
    schemas.set(version, schema);
  }
  return schema;
}

/** An in-memory database at `version` with foreign keys on, to load and check a backup in. */
export function openScratch(version: number): Db {
  const scratch = new Database(':memory:');
  scratch.pragma('foreign_keys = ON');
  migrate(scratch, MIGRATIONS.slice(0, version));
  return scratch;
}

function readSchema(db: Db): BackupSchema {
  const present = new Set(tableNames(db));
  const schema: BackupSchema = new Map();
  for (const name of DATA_TABLES.filter((t) => present.has(t))) {
    const info = db.pragma(`table_info(${name})`) as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: unknown;
      pk: number;
    }[];
    const keys = db.pragma(`foreign_key_list(${name})`) as {
      table: string;
      from: string;
      to: string | null;
    }[];
    schema.set(name, {
      name,
      columns: new Map(
        info.map((c) => [
          c.name,
          {
            name: c.name,
            type: c.type.toUpperCase(),
            notNull: c.notnull === 1,
            hasDefault: c.dflt_value !== null,
          },
        ]),
      ),
      primaryKey: info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      // Every reference in the schema names its parent column (or the parent's id).
      foreignKeys: keys.map((k) => ({
        column: k.from,
        parent: k.table as DataTable,
        parentColumn: k.to ?? 'id',
      })),
    });
  }
  return schema;
}

export function tableNames(db: Db): string[] {
  return db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
}

/**
 * Inserts a table's rows one by one so a refused row is known by its place in the backup: the
 * constraints the schema itself holds (a CHECK, a UNIQUE name) are reported against that row.
 */
export function loadRows(
  db: Db,
  table: DataTable,
  rows: readonly Row[],
): { index: number; message: string } | null {
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as Row;
    const columns = Object.keys(row);
    try {
      cached(
        db,
        `INSERT INTO ${table} (${columns.map((c) => `"${c.replaceAll('"', '""')}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      ).run(...Object.values(row));
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'))
        return { index, message: (error as Error).message };
      throw error;
    }
  }
  return null;
}

/** PRAGMA foreign_key_check: references to rows that do not exist (empty when all is well). */
export function danglingReferences(db: Db): { table: string; rowid: number | null; parent: string }[] {
  return db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[];
}

/**
 * Opens a database copy's bytes in memory, read-only. A copy of a WAL database says so in its
 * header (bytes 18 and 19 are 2), and SQLite cannot open a WAL image without its -shm file:
 * setting them to 1 (rollback journal) reads the same pages.
 */
export function openDatabaseImage(bytes: Buffer): Db {
  const image = Buffer.from(bytes);
  if (image.length >= 20 && image[18] === 2 && image[19] === 2) {
    image[18] = 1;
    image[19] = 1;
  }
  return new Database(image, { readonly: true });
}

/** PRAGMA integrity_check's findings, in SQLite's words; empty for a sound file. */
export function integrityProblems(db: Db, max = 20): string[] {
  const rows = db.pragma(`integrity_check(${max})`, { simple: false }) as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
}

export const schemaVersionOf = (db: Db): number => db.pragma('user_version', { simple: true }) as number;

/** How much a database holds, to say what a restore replaces. */
export function countData(db: Db): {
  contacts: number;
  events: number;
  interactions: number;
  followUps: number;
  promises: number;
} {
  const count = (table: DataTable) =>
    cached<[], number>(db, `SELECT count(*) FROM ${table}`).pluck().get() ?? 0;
  return {
    contacts: count('contacts'),
    events: count('events'),
    interactions: count('interactions'),
    followUps: count('followups'),
    promises: count('promises'),
  };
}
