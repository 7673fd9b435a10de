import type { Db } from './database.ts';
import { cached } from './statements.ts';

export type Row = Record<string, unknown>;
export type TableRows = Record<string, Row[]>;

/** Tables that belong to a contact, in an order that satisfies foreign keys when inserting. */
const CONTACT_TABLES = {
  keyed: ['contact_emails', 'contact_phones', 'contact_links', 'contact_tags', 'contact_sources'],
  withId: ['interactions', 'cycles', 'promises', 'followups'],
} as const;

/**
 * Every table of the schema that holds user data, parents before children. The full-text
 * indexes are derived and rebuilt; schema bookkeeping is not data.
 */
export const DATA_TABLES = [
  'events',
  'tags',
  'contacts',
  'contact_emails',
  'contact_phones',
  'contact_links',
  'contact_tags',
  'interactions',
  'cycles',
  'promises',
  'followups',
  'imports',
  'contact_sources',
  'duplicate_dismissals',
  'merge_undo',
  'compose_templates',
  'compose_drafts',
  'ics_exported_starts',
  // The mailbox sync (issue 12): accounts hold where a secret comes from, never the secret.
  'mail_accounts',
  'mail_folder_state',
  'mail_messages',
  'mail_message_seen',
  'mail_message_people',
  'mail_dismissed_suggestions',
] as const;
export type DataTable = (typeof DATA_TABLES)[number];

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The rows of two contacts and everything they own, exactly as stored. */
export function snapshotContacts(db: Db, ids: readonly number[]): TableRows {
  const list = JSON.stringify(ids);
  const inIds = 'IN (SELECT value FROM json_each(?))';
  const rows: TableRows = {
    contacts: cached<[string], Row>(db, `SELECT * FROM contacts WHERE id ${inIds}`).all(list),
    duplicate_dismissals: cached<[string, string], Row>(
      db,
      `SELECT * FROM duplicate_dismissals WHERE low_id ${inIds} OR high_id ${inIds}`,
    ).all(list, list),
  };
  for (const table of [...CONTACT_TABLES.keyed, ...CONTACT_TABLES.withId]) {
    rows[table] = cached<[string], Row>(db, `SELECT * FROM ${table} WHERE contact_id ${inIds}`).all(list);
  }
  return rows;
}

/**
 * Puts two contacts back as a snapshot holds them. Rows with an id are upserted (an UPDATE, not a
 * delete and insert, so no cascade fires); the small keyed lists are replaced. Rows created since
 * the snapshot stay where they are.
 */
export function restoreContacts(db: Db, ids: readonly number[], rows: TableRows): void {
  const list = JSON.stringify(ids);
  for (const row of rows.contacts ?? []) upsert(db, 'contacts', row);
  for (const table of CONTACT_TABLES.keyed) {
    cached(db, `DELETE FROM ${table} WHERE contact_id IN (SELECT value FROM json_each(?))`).run(list);
    for (const row of rows[table] ?? []) insert(db, table, row);
  }
  for (const table of CONTACT_TABLES.withId) for (const row of rows[table] ?? []) upsert(db, table, row);
  for (const row of rows.duplicate_dismissals ?? []) insert(db, 'duplicate_dismissals', row, 'OR IGNORE');
}

/** Every data table, for a JSON backup. */
export function dumpTables(db: Db): Record<DataTable, Row[]> {
  return Object.fromEntries(
    DATA_TABLES.map((table) => [
      table,
      cached<[], Row>(db, `SELECT * FROM ${table} ORDER BY ${keyOrder(db, table)}`).all(),
    ]),
  ) as Record<DataTable, Row[]>;
}

/** The data tables a database of any schema version has (an older backup lacks newer ones). */
export function dumpExistingTables(db: Db): Partial<Record<DataTable, Row[]>> {
  const present = new Set(
    db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all(),
  );
  return Object.fromEntries(
    DATA_TABLES.filter((t) => present.has(t)).map((t) => [
      t,
      db.prepare<[], Row>(`SELECT * FROM ${t} ORDER BY ${keyOrder(db, t)}`).all(),
    ]),
  );
}

/** Replaces every data table's rows (in a transaction the caller holds). */
export function replaceTables(
  db: Db,
  tables: Partial<Record<DataTable, Row[]>>,
  /** The tables this database has (an older schema in a scratch database lacks newer ones). */
  present: readonly DataTable[] = DATA_TABLES,
): void {
  const ordered = DATA_TABLES.filter((t) => present.includes(t));
  for (const table of [...ordered].reverse()) cached(db, `DELETE FROM ${table}`).run();
  for (const table of ordered) for (const row of tables[table] ?? []) insert(db, table, row);
}

/** Column names of a table, to check a backup's rows against the schema. */
export function columnsOf(db: Db, table: DataTable): string[] {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
}

function insert(db: Db, table: string, row: Row, or = ''): void {
  const columns = Object.keys(row);
  cached(
    db,
    `INSERT ${or} INTO ${table} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  ).run(...Object.values(row));
}

function upsert(db: Db, table: string, row: Row): void {
  const columns = Object.keys(row);
  const updates = columns.filter((c) => c !== 'id').map((c) => `${quote(c)} = excluded.${quote(c)}`);
  cached(
    db,
    `INSERT INTO ${table} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`,
  ).run(...Object.values(row));
}

/** Primary-key order (WITHOUT ROWID tables have no rowid), so a dump is deterministic. */
function keyOrder(db: Db, table: string): string {
  const info = db.pragma(`table_info(${table})`) as { name: string; pk: number }[];
  const keys = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  return keys.length ? keys.map((c) => quote(c.name)).join(', ') : 'rowid';
}

export function tableExists(db: Db, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
}
