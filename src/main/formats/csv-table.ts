import { type CsvError, parse } from 'csv-parse/sync';
import { ContactBuilder, warning } from './contact-builder.ts';
import { columnKey, findHeader, type HeaderSignature, missingHeaderError } from './csv-header.ts';
import { type ImportedContact, ImportFileError, type ImportProblem, type ReadResult } from './record.ts';

export interface CsvRow {
  /** Physical line where the row starts (a quoted value may span several). */
  line: number;
  /** As in the file, untrimmed; may be shorter than the header. */
  cells: string[];
}

export interface CsvTable {
  headerLine: number;
  header: string[];
  rows: CsvRow[];
  problems: ImportProblem[];
}

/** Index of each column by its trimmed, case-insensitive name; the first of duplicates wins. */
export function columnIndex(header: readonly string[]): (name: string) => number {
  const byName = new Map<string, number>();
  header.forEach((name, i) => {
    if (!byName.has(columnKey(name))) byName.set(columnKey(name), i);
  });
  return (name) => byName.get(columnKey(name)) ?? -1;
}

/** A cell trimmed, '' when the column is absent or the row is short. */
export const cellAt = (row: CsvRow, index: number): string =>
  index < 0 ? '' : (row.cells[index]?.trim() ?? '');

/** Where 1-based `line` starts in `text` (text.length past the end). */
function lineOffset(text: string, line: number): number {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) return text.length;
    start = nl + 1;
  }
  return start;
}

/**
 * Spreadsheets pad exports with thousands of empty lines; csv-parse would hand each back as a
 * record. (Trailing whitespace of the last row goes too; cells are trimmed anyway.)
 */
function withoutTrailingBlanks(text: string): string {
  let end = text.length;
  while (end > 0 && WHITESPACE_CHAR.test(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}
const WHITESPACE_CHAR = /\s/;

/**
 * Physical lines a record takes: its cells keep the newlines of quoted values, and the record
 * ends at one more (decode.ts made every line end a \n). Counted here because csv-parse's own
 * line info costs a snapshot object per record.
 */
function linesOf(cells: readonly string[]): number {
  let lines = 1;
  for (const cell of cells) {
    for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) lines++;
  }
  return lines;
}

interface Skipped {
  code: string | undefined;
  message: string;
  /** Line (of the body) where csv-parse gave up, and how many records it had produced before. */
  line: number;
  records: number;
}

/**
 * The rows under the header of `signature`, with their line numbers. A quote never closed
 * becomes an error problem at the line it opens; the rows before it are kept.
 */
export function readCsvTable(text: string, signature: HeaderSignature, formatName: string): CsvTable {
  const header = findHeader(text, signature);
  if (!header) throw missingHeaderError(text, signature, formatName);

  // Parse only what follows the header, so nothing in a preamble (an unbalanced quote) can
  // swallow the data; line numbers are shifted back to the file's.
  const body = withoutTrailingBlanks(text.slice(lineOffset(text, header.line + 1)));
  const skipped: Skipped[] = [];
  let records: string[][];
  try {
    records = parse(body, {
      // Line ends are already \n (decode.ts). Left to guess, csv-parse re-tries the guess at every
      // character until it has seen one, which takes seconds on a first row holding a 10 MB cell.
      record_delimiter: '\n',
      relax_column_count: true,
      // A stray quote inside a value is kept as text. With this, the only error left is a quote
      // never closed, which csv-parse can only detect at the end of the file.
      relax_quotes: true,
      // Blank lines come back as [''] and are skipped below, so every line is counted.
      skip_empty_lines: false,
      skip_records_with_error: true,
      on_skip: (err: CsvError | undefined) => {
        skipped.push({
          code: err?.code,
          message: err?.message ?? 'malformed CSV',
          line: typeof err?.lines === 'number' ? err.lines : 1,
          records: typeof err?.records === 'number' ? err.records : 0,
        });
        return undefined;
      },
    });
  } catch (err) {
    const line =
      typeof (err as CsvError).lines === 'number' ? header.line + ((err as CsvError).lines as number) : null;
    throw new ImportFileError(`The CSV file could not be read: ${(err as Error).message}`, line);
  }

  const problems: ImportProblem[] = [];
  const columns = header.cells.length;
  const rows: CsvRow[] = [];
  let line = header.line + 1;
  for (const record of records) {
    const start = line;
    line += linesOf(record);
    // Blank lines and rows of bare commas are spreadsheet padding, not contacts.
    if (record.every((c) => c.trim() === '')) continue;
    if (record.length > columns && record.slice(columns).some((c) => c.trim() !== '')) {
      problems.push({
        line: start,
        column: null,
        severity: 'warning',
        message: `This row has ${record.length} values but the header has ${columns} columns; the extra values were ignored (an unquoted comma?).`,
      });
    }
    rows.push({ line: start, cells: record });
  }
  for (const s of skipped) {
    const end = header.line + s.line;
    // The unclosed quote swallowed everything after the last record: it opened where they end.
    const start = s.records === records.length ? line : end;
    problems.push({
      line: start,
      column: null,
      severity: 'error',
      message:
        s.code === 'CSV_QUOTE_NOT_CLOSED'
          ? `A quoted value that starts on this line is never closed, so lines ${start}–${end} could not be read.`
          : `This row could not be read (${s.message}).`,
    });
  }
  return { headerLine: header.line, header: header.cells, rows, problems };
}

const NOTHING_TO_RECOGNISE =
  'This row has no name, company, e-mail, phone or link to recognise the person by; skipped.';

/**
 * The loop every CSV reader shares: one builder per row, rows without anything to recognise the
 * person by skipped with a warning. `fill` may return its own reason to skip a row.
 */
export function mapRows(
  table: CsvTable,
  fill: (b: ContactBuilder, row: CsvRow) => string | undefined,
): ReadResult {
  const problems = [...table.problems];
  const records: ImportedContact[] = [];
  for (const row of table.rows) {
    const b = new ContactBuilder(row.line, problems);
    const skip = fill(b, row) ?? (b.hasContent() ? undefined : NOTHING_TO_RECOGNISE);
    if (skip) problems.push(warning(row.line, null, skip));
    else records.push(b.build());
  }
  return { records, problems, rows: table.rows.length };
}
