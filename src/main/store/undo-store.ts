import { type DatedText, storedForm } from '../../shared/format/dated-text.ts';
import type { Db } from './database.ts';
import type { Row } from './row-snapshot.ts';
import { cached } from './statements.ts';

/**
 * The row journal behind Undo. While an action runs, temporary triggers copy the old image of
 * every row it writes in these tables (cascades and the engine's own triggers included), so the
 * journal holds exactly what the action touched, whoever in the engine wrote it. Parents first:
 * the order rows are put back in.
 */
export const JOURNALED_TABLES = ['contacts', 'interactions', 'promises', 'cycles', 'followups'] as const;
export type JournaledTable = (typeof JOURNALED_TABLES)[number];

/**
 * What one action did to one row.
 * - Inserted: `before` is null, `after` the whole row.
 * - Deleted: `before` the whole row, `after` null.
 * - Updated: `before` holds the columns whose values changed, as they were (what undo puts
 *   back); `after` the row as the action left it, which must still be so for an undo. For a
 *   contact, `after` holds only the changed columns: its other fields are the user's to edit
 *   meanwhile (notes, company), and undo leaves them alone.
 */
export interface RowChange {
  table: JournaledTable;
  id: number;
  before: Row | null;
  after: Row | null;
}

/** Tables whose whole row must be unchanged for an undo (see RowChange). */
const WHOLE_ROW: ReadonlySet<JournaledTable> = new Set(['interactions', 'promises', 'cycles', 'followups']);

/**
 * Columns an undo neither compares nor puts back blindly.
 * - Derived: kept by triggers from other rows (last_interaction_at follows the interactions;
 *   migration 016's insights facts: a person's first message, a message's answer and step;
 *   018's done steps per cycle; 021's pacing a person's messages are counted under).
 * - Bookkeeping: written by the app behind the user's back (a reminder marks a step notified; an
 *   edit stamps updated_at). A change there is no reason to refuse; the old value comes back
 *   only if nothing wrote it since.
 * - Versioned: a restored step is a new revision for calendar clients, so its SEQUENCE goes up
 *   and LAST-MODIFIED is now (RFC 5545 §3.8.7.4), never back to the old numbers.
 */
const DERIVED: ReadonlyMap<JournaledTable, ReadonlySet<string>> = new Map([
  ['contacts', new Set(['last_interaction_at', 'first_outbound_at', 'insights_pacing'])],
  ['interactions', new Set(['reply_at', 'step_purpose'])],
  ['cycles', new Set(['touches'])],
]);
const BOOKKEEPING: ReadonlyMap<JournaledTable, ReadonlySet<string>> = new Map([
  ['contacts', new Set(['updated_at'])],
  ['followups', new Set(['notified_at'])],
]);
const VERSIONED: ReadonlyMap<JournaledTable, ReadonlySet<string>> = new Map([
  ['followups', new Set(['sequence', 'updated_at'])],
]);
const EMPTY: ReadonlySet<string> = new Set();
const inSet = (map: ReadonlyMap<JournaledTable, ReadonlySet<string>>, table: JournaledTable) =>
  map.get(table) ?? EMPTY;

/** Columns whose difference means someone changed the row since the action. */
export function isComparedColumn(table: JournaledTable, column: string): boolean {
  return (
    !inSet(DERIVED, table).has(column) &&
    !inSet(BOOKKEEPING, table).has(column) &&
    !inSet(VERSIONED, table).has(column)
  );
}

// ——— capture ———

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

interface TableSql {
  columns: string[];
  /** json_object(...) of a row under `alias`, in column order. */
  image: (alias: string) => string;
}

const tableSql = new WeakMap<Db, Map<JournaledTable, TableSql>>();

function sqlFor(db: Db, table: JournaledTable): TableSql {
  let byTable = tableSql.get(db);
  if (!byTable) {
    byTable = new Map();
    tableSql.set(db, byTable);
  }
  let found = byTable.get(table);
  if (!found) {
    const columns = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
    found = {
      columns,
      image: (alias) => `json_object(${columns.map((c) => `'${c}', ${alias}.${quote(c)}`).join(', ')})`,
    };
    byTable.set(table, found);
  }
  return found;
}

const trigger = (table: JournaledTable, op: 'insert' | 'update' | 'delete') => `undo_journal_${table}_${op}`;

/**
 * Starts journaling this connection's writes (inside the caller's transaction). The triggers are
 * TEMP, so they exist only on this connection and only until finishCapture: every other write
 * (an import, the other process) runs without them.
 */
export function startCapture(db: Db): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS undo_journal (
    seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, row_id INTEGER NOT NULL, before TEXT)`);
  db.exec('DELETE FROM temp.undo_journal');
  for (const table of JOURNALED_TABLES) {
    const { image } = sqlFor(db, table);
    db.exec(`
      CREATE TEMP TRIGGER ${trigger(table, 'insert')} AFTER INSERT ON ${table} BEGIN
        INSERT INTO undo_journal (tbl, row_id, before) VALUES ('${table}', NEW.id, NULL);
      END;
      CREATE TEMP TRIGGER ${trigger(table, 'update')} AFTER UPDATE ON ${table} BEGIN
        INSERT INTO undo_journal (tbl, row_id, before) VALUES ('${table}', OLD.id, ${image('OLD')});
      END;
      CREATE TEMP TRIGGER ${trigger(table, 'delete')} AFTER DELETE ON ${table} BEGIN
        INSERT INTO undo_journal (tbl, row_id, before) VALUES ('${table}', OLD.id, ${image('OLD')});
      END;`);
  }
}

/** Stops journaling; safe to call when nothing was started (after a rollback undid it). */
export function stopCapture(db: Db): void {
  for (const table of JOURNALED_TABLES)
    for (const op of ['insert', 'update', 'delete'] as const)
      db.exec(`DROP TRIGGER IF EXISTS temp.${trigger(table, op)}`);
}

/**
 * What the journaled action changed, row by row, in table order: the first image of each row is
 * its state before the action; its state now is the one after. A row written and put back as it
 * was is no change.
 */
export function finishCapture(db: Db): RowChange[] {
  stopCapture(db);
  const firsts = cached<[], { tbl: JournaledTable; rowId: number; before: string | null }>(
    db,
    `SELECT tbl, row_id AS rowId, before FROM temp.undo_journal
     WHERE seq IN (SELECT min(seq) FROM temp.undo_journal GROUP BY tbl, row_id) ORDER BY seq`,
  ).all();
  cached(db, 'DELETE FROM temp.undo_journal').run();
  const changes: RowChange[] = [];
  for (const table of JOURNALED_TABLES) {
    const rows = firsts.filter((f) => f.tbl === table);
    if (rows.length === 0) continue;
    const now = currentImages(
      db,
      table,
      rows.map((r) => r.rowId),
    );
    for (const { rowId, before } of rows) {
      const change = diff(
        table,
        rowId,
        before === null ? null : (JSON.parse(before) as Row),
        now.get(rowId) ?? null,
      );
      if (change) changes.push(change);
    }
  }
  return changes;
}

function diff(table: JournaledTable, id: number, before: Row | null, after: Row | null): RowChange | null {
  if (before === null && after === null) return null; // inserted and deleted again
  if (before === null || after === null) return { table, id, before, after };
  // A row only its derived columns changed in (a trigger recounted it) is no change of the
  // action's: nothing to put back, and a later edit of the row is no reason to refuse.
  const derived = inSet(DERIVED, table);
  const changed = Object.keys(after).filter((c) => before[c] !== after[c]);
  if (changed.every((c) => derived.has(c))) return null;
  return {
    table,
    id,
    before: Object.fromEntries(changed.map((c) => [c, before[c]])),
    after: WHOLE_ROW.has(table) ? after : Object.fromEntries(changed.map((c) => [c, after[c]])),
  };
}

/** Rows as they are now, in the journal's encoding (json_object), by id; missing ids are absent. */
export function currentImages(db: Db, table: JournaledTable, ids: readonly number[]): Map<number, Row> {
  const { image } = sqlFor(db, table);
  const rows = cached<[string], { id: number; image: string }>(
    db,
    `SELECT t.id, ${image('t')} AS image FROM main.${table} t WHERE t.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids));
  return new Map(rows.map((r) => [r.id, JSON.parse(r.image) as Row]));
}

// ——— putting rows back ———

/**
 * Reverses the changes (the caller has checked that nothing changed since): deletes what the
 * action inserted (children first, so no cascade fires on a restored row), puts back the values
 * it changed, and re-inserts what it deleted (parents first). Plain UPDATE, DELETE and INSERT,
 * never INSERT OR REPLACE, so the day-count triggers of migration 007 see every move.
 */
export function revertChanges(db: Db, changes: readonly RowChange[], now: string): void {
  const byOrder = (reverse: boolean) =>
    [...changes].sort((a, b) => {
      const d = JOURNALED_TABLES.indexOf(a.table) - JOURNALED_TABLES.indexOf(b.table);
      return reverse ? -d : d;
    });
  for (const change of byOrder(true)) {
    if (change.before === null) cached(db, `DELETE FROM main.${change.table} WHERE id = ?`).run(change.id);
  }
  for (const change of byOrder(false)) {
    if (change.before !== null && change.after !== null)
      putBack(db, change, change.before, change.after, now);
  }
  for (const change of byOrder(false)) {
    if (change.after === null && change.before !== null) reinsert(db, change.table, change.before, now);
  }
}

function putBack(db: Db, change: RowChange, before: Row, after: Row, now: string): void {
  const { table } = change;
  const derived = inSet(DERIVED, table);
  const bookkeeping = inSet(BOOKKEEPING, table);
  const versioned = inSet(VERSIONED, table);
  const sets: string[] = [];
  const values: unknown[] = [];
  for (const column of Object.keys(before)) {
    if (derived.has(column) || versioned.has(column)) continue;
    if (bookkeeping.has(column)) {
      // Back to the old value only if nothing wrote it since.
      sets.push(`${quote(column)} = CASE WHEN ${quote(column)} IS ? THEN ? ELSE ${quote(column)} END`);
      values.push(after[column], before[column]);
    } else {
      sets.push(`${quote(column)} = ?`);
      values.push(before[column]);
    }
  }
  if (versioned.has('sequence')) sets.push('sequence = sequence + 1');
  if (versioned.has('updated_at')) {
    sets.push('updated_at = ?');
    values.push(now);
  }
  if (sets.length === 0) return;
  cached(db, `UPDATE main.${table} SET ${sets.join(', ')} WHERE id = ?`).run(...values, change.id);
}

function reinsert(db: Db, table: JournaledTable, row: Row, now: string): void {
  const versioned = inSet(VERSIONED, table);
  const image: Row = { ...row };
  if (versioned.has('sequence') && typeof image.sequence === 'number') image.sequence += 1;
  if (versioned.has('updated_at')) image.updated_at = now;
  const columns = Object.keys(image);
  cached(
    db,
    `INSERT INTO main.${table} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  ).run(...Object.values(image));
}

// ——— the undo entries ———

export interface UndoRecord {
  id: number;
  kind: string;
  /** The action in words, its days marked (shared/format/dated-text.ts). */
  summary: DatedText;
  contactId: number | null;
  followUpId: number | null;
  recordedAt: string;
  changes: RowChange[];
}

export function saveUndo(db: Db, entry: Omit<UndoRecord, 'id'>): number {
  return Number(
    cached(
      db,
      `INSERT INTO undo_actions (kind, summary, contact_id, followup_id, recorded_at, row_count, changes)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      entry.kind,
      storedForm(entry.summary),
      entry.contactId,
      entry.followUpId,
      entry.recordedAt,
      entry.changes.length,
      JSON.stringify(entry.changes),
    ).lastInsertRowid,
  );
}

/** Drops entries recorded before `before`, and all but the newest `keep`. */
export function expireUndo(db: Db, before: string, keep: number): void {
  cached(
    db,
    `DELETE FROM undo_actions WHERE recorded_at < ?
       OR id NOT IN (SELECT id FROM undo_actions ORDER BY id DESC LIMIT ?)`,
  ).run(before, keep);
}

/** An entry without its changes (which can be megabytes for a bulk Mark reviewed). */
export interface UndoHead extends Omit<UndoRecord, 'changes'> {
  /** How many rows undoing it puts back. */
  rows: number;
}

const SELECT_HEAD = `SELECT id, kind, summary, contact_id AS contactId, followup_id AS followUpId,
  recorded_at AS recordedAt, row_count AS rows FROM undo_actions`;

/** The newest entry recorded at or after `since`, or the entry `id` if it is that recent. */
export function findUndo(db: Db, since: string, id?: number): UndoHead | undefined {
  return id === undefined
    ? cached<[string], UndoHead>(db, `${SELECT_HEAD} WHERE recorded_at >= ? ORDER BY id DESC LIMIT 1`).get(
        since,
      )
    : cached<[number, string], UndoHead>(db, `${SELECT_HEAD} WHERE id = ? AND recorded_at >= ?`).get(
        id,
        since,
      );
}

export function undoChanges(db: Db, id: number): RowChange[] {
  const text = cached<[number], string>(db, 'SELECT changes FROM undo_actions WHERE id = ?').pluck().get(id);
  return text ? (JSON.parse(text) as RowChange[]) : [];
}

export function dropUndo(db: Db, id: number): void {
  cached(db, 'DELETE FROM undo_actions WHERE id = ?').run(id);
}

/** Contact names for the words of an undo (a deleted contact has none). */
export function contactNames(db: Db, ids: readonly number[]): Map<number, string> {
  const rows = cached<[string], { id: number; name: string }>(
    db,
    'SELECT id, display_name AS name FROM contacts WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Contact columns the search document reads (search-index.ts), so an undo re-indexes only when needed. */
const INDEXED_CONTACT_COLUMNS: ReadonlySet<string> = new Set([
  'display_name',
  'first_name',
  'last_name',
  'company',
  'title',
  'met_where',
  'met_event_id',
  'how_met',
  'discussed',
  'interests',
  'next_step',
  'location',
  'notes',
]);

/** The contacts whose search document an undo of these changes alters (their timeline or fields). */
export function contactsToReindex(changes: readonly RowChange[]): number[] {
  const ids = new Set<number>();
  for (const change of changes) {
    const image = change.after ?? change.before ?? {};
    if (change.table === 'interactions') ids.add(Number(image.contact_id ?? change.before?.contact_id));
    if (change.table === 'contacts' && Object.keys(image).some((c) => INDEXED_CONTACT_COLUMNS.has(c)))
      ids.add(change.id);
  }
  return [...ids];
}

/** Every entry: after a restore they would describe rows that are no longer there. */
export function clearUndo(db: Db): void {
  cached(db, 'DELETE FROM undo_actions').run();
}
