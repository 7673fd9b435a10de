import { ApiError, type ErrorIssue } from '../../shared/api/errors.ts';
import type { BackupSchema, ColumnSchema, TableSchema } from '../store/backup.ts';
import type { DataTable, Row } from '../store/row-snapshot.ts';

/** Enough to see what is wrong with a file; the count says how many more there are. */
const SHOWN_ISSUES = 50;

/** Collects a backup's problems, each with the path of the table, row and column at fault. */
export class BackupIssues {
  readonly shown: ErrorIssue[] = [];
  total = 0;

  add(path: string, message: string): void {
    this.total += 1;
    if (this.shown.length < SHOWN_ISSUES) this.shown.push({ path, message });
  }

  /** Throws when there is any problem: invalid_input, so the CLI exits 2 and nothing changes. */
  throwIfAny(source: string): void {
    if (this.total === 0) return;
    throw refusal(source, this.shown, this.total);
  }
}

export function refusal(source: string, issues: ErrorIssue[], total = issues.length): ApiError {
  const what = total === 1 ? '1 problem' : `${total.toLocaleString('en-US')} problems`;
  const more = total > issues.length ? ` (the first ${issues.length} are listed)` : '';
  return new ApiError(
    'invalid_input',
    `${source} cannot be restored: ${what}${more}. Nothing was changed.`,
    issues,
  );
}

/**
 * Checks a backup's tables against the schema of the version it was written under, before
 * anything is loaded: every table of that version is there (an empty one is `[]`; a backup
 * with `"tables": {}` would otherwise empty the database), every row is an object of known
 * columns whose values have the column's type and NOT NULL, `*_at` / `*_on` columns hold ISO
 * dates, primary keys are unique, and every reference points to a row of the backup.
 * Returns the rows by table; throws an invalid_input error naming each problem.
 */
export function checkBackupTables(
  schema: BackupSchema,
  schemaVersion: number,
  tables: Readonly<Record<string, unknown>>,
  source: string,
): Record<DataTable, Row[]> {
  const issues = new BackupIssues();
  const known: ReadonlyMap<string, TableSchema> = schema;
  for (const name of Object.keys(tables)) {
    if (!known.has(name)) issues.add(`tables.${name}`, `is not a table of schema version ${schemaVersion}.`);
  }
  const names = [...schema.keys()];
  if (names.every((name) => !Object.hasOwn(tables, name))) {
    // The hollow backup: one line says it better than one per table.
    issues.add(
      'tables',
      `holds none of the ${names.length} tables of schema version ${schemaVersion}. A complete backup has every table, an empty one as [], so this one would only empty the database.`,
    );
    issues.throwIfAny(source);
  }
  const rows = new Map<DataTable, Row[]>();
  for (const table of schema.values()) {
    const value = Object.hasOwn(tables, table.name) ? tables[table.name] : undefined;
    if (value === undefined) {
      issues.add(
        `tables.${table.name}`,
        `is missing. A backup of schema version ${schemaVersion} holds every table, an empty one as [].`,
      );
    } else if (!Array.isArray(value)) {
      issues.add(`tables.${table.name}`, `must be a list of rows, not ${shown(value)}.`);
    } else {
      rows.set(table.name, checkRows(table, value, issues));
    }
  }
  const keys = new Map<string, Set<unknown>>();
  for (const table of schema.values()) {
    const list = rows.get(table.name);
    if (list) checkReferences(table, list, rows, keys, issues);
  }
  issues.throwIfAny(source);
  return Object.fromEntries(rows) as Record<DataTable, Row[]>;
}

function checkRows(table: TableSchema, list: unknown[], issues: BackupIssues): Row[] {
  // An INTEGER PRIMARY KEY left out would be given a fresh id, and rows that point to it by
  // the old one would point elsewhere: ids come back exactly or not at all.
  const rowid =
    table.primaryKey.length === 1 && table.columns.get(table.primaryKey[0] ?? '')?.type === 'INTEGER';
  const checks = [...table.columns.values()].map((c) =>
    columnCheck(c, rowid && c.name === table.primaryKey[0]),
  );
  const [single] = table.primaryKey;
  const keyOf =
    table.primaryKey.length === 1 && single
      ? (row: Row) => row[single]
      : (row: Row) => table.primaryKey.map((c) => String(row[c])).join('\u0001');
  const keys = new Map<unknown, number>();
  const where = (index: number, column?: string) =>
    `tables.${table.name}[${index}]${column === undefined ? '' : `.${column}`}`;
  for (let index = 0; index < list.length; index++) {
    const row = list[index];
    if (!row || typeof row !== 'object' || Array.isArray(row)) {
      issues.add(where(index), `must be an object of column values, not ${shown(row)}.`);
      continue;
    }
    const values = row as Row;
    let valid = true;
    for (const column of Object.keys(values)) {
      if (!table.columns.has(column)) issues.add(where(index, column), `is not a column of ${table.name}.`);
    }
    // Column names are the schema's own (none is an Object.prototype name), so plain reads.
    for (const check of checks) {
      const value = values[check.name];
      const problem =
        value === undefined ? check.ifMissing : value === null ? check.ifNull : check.check(value);
      if (problem) {
        issues.add(where(index, check.name), problem);
        valid = false;
      }
    }
    // A key with a wrong or missing part is reported above; comparing it would say nothing more.
    if (!valid) continue;
    const key = keyOf(values);
    const first = keys.get(key);
    if (first === undefined) keys.set(key, index);
    else
      issues.add(
        single && table.primaryKey.length === 1 ? where(index, single) : where(index),
        `repeats the ${describeKey(table, values)} of row ${first}: each row needs its own.`,
      );
  }
  return list as Row[];
}

function checkReferences(
  table: TableSchema,
  list: Row[],
  rows: ReadonlyMap<DataTable, Row[]>,
  keys: Map<string, Set<unknown>>,
  issues: BackupIssues,
): void {
  for (const key of table.foreignKeys) {
    const parents = rows.get(key.parent);
    // A missing parent table is already reported; every row would repeat it.
    if (!parents) continue;
    const name = `${key.parent}.${key.parentColumn}`;
    let ids = keys.get(name);
    if (!ids) {
      ids = new Set(parents.map((p) => p?.[key.parentColumn]));
      keys.set(name, ids);
    }
    for (let index = 0; index < list.length; index++) {
      const value = list[index]?.[key.column];
      if (value === null || value === undefined || ids.has(value)) continue;
      issues.add(
        `tables.${table.name}[${index}].${key.column}`,
        `points to ${key.parent} ${key.parentColumn} ${shown(value)}, which is not in the backup.`,
      );
    }
  }
}

interface ColumnCheck {
  name: string;
  ifMissing: string | null;
  ifNull: string | null;
  /** For a value that is there and not null: what is wrong with it, in words, or null. */
  check: (value: unknown) => string | null;
}

/** One column's checks, decided once per table rather than for every value. */
function columnCheck(column: ColumnSchema, isRowid: boolean): ColumnCheck {
  const typed = typeCheck(column.type);
  // events.date is a day too, though its name does not say so.
  const date = column.name.endsWith('_at')
    ? instantCheck
    : column.name.endsWith('_on') || column.name === 'date'
      ? dayCheck
      : null;
  return {
    name: column.name,
    ifMissing: isRowid
      ? 'is missing: every row needs its id.'
      : column.notNull && !column.hasDefault
        ? 'is missing, and it must have a value.'
        : null,
    ifNull: isRowid
      ? 'is null: every row needs its id.'
      : column.notNull
        ? 'is null, and it must have a value.'
        : null,
    check: date ? (value) => typed(value) ?? date(value as string) : typed,
  };
}

function typeCheck(type: string): (value: unknown) => string | null {
  switch (type) {
    case 'INTEGER':
    case 'INT':
      return (value) =>
        (typeof value === 'number' && Number.isSafeInteger(value)) || typeof value === 'bigint'
          ? null
          : `must be a whole number, not ${shown(value)}.`;
    case 'REAL':
      return (value) =>
        typeof value === 'number' && Number.isFinite(value) ? null : `must be a number, not ${shown(value)}.`;
    case 'TEXT':
      return (value) => (typeof value === 'string' ? null : `must be text, not ${shown(value)}.`);
    case 'BLOB':
      return (value) => (value instanceof Uint8Array ? null : `must be binary data, not ${shown(value)}.`);
    default:
      return (value) =>
        typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint'
          ? null
          : `must be text or a number, not ${shown(value)}.`;
  }
}

const instantCheck = (text: string) =>
  isInstant(text)
    ? null
    : `must be a date and time (ISO 8601 with Z or an offset, e.g. 2026-11-16T10:00:00.000Z), not ${shown(text)}.`;
const dayCheck = (text: string) => (isDay(text) ? null : `must be a date as YYYY-MM-DD, not ${shown(text)}.`);

// Shapes first, then the numbers: a restore checks a million dates, so no Date objects.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const number = (text: string, from: number) => Number(text.slice(from, from + 2));

function isInstant(text: string): boolean {
  if (!INSTANT.test(text) || !isRealDay(text)) return false;
  const zone = text.endsWith('Z') ? null : text.length - 6;
  return (
    number(text, 11) <= 23 &&
    number(text, 14) <= 59 &&
    (text[16] !== ':' || number(text, 17) <= 59) &&
    (zone === null || (number(text, zone + 1) <= 23 && number(text, zone + 4) <= 59))
  );
}

/** A real calendar day: 2026-02-30 has the shape but not the day. */
function isDay(text: string): boolean {
  return DAY.test(text) && isRealDay(text);
}

/** The YYYY-MM-DD at the start of text names a day of the calendar. */
function isRealDay(text: string): boolean {
  const year = Number(text.slice(0, 4));
  const month = number(text, 5);
  const day = number(text, 8);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return month >= 1 && day >= 1 && day <= days;
}

function describeKey(table: TableSchema, row: Row): string {
  return table.primaryKey.map((c) => `${c} ${shown(row[c])}`).join(', ');
}

/** A value as it appears in the file, short. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (value instanceof Uint8Array) return 'binary data';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}
