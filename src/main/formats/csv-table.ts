import { type CsvError, parse } from 'csv-parse/sync';
import { ContactBuilder, warning } from './contact-builder.ts';
import { type ImportedContact, ImportFileError, type ImportProblem, type ReadResult } from './record.ts';

/** The columns that identify a format's header row (compared trimmed and case-insensitively). */
export interface HeaderSignature {
  required: readonly string[];
  /** At least one of these as well, where `required` alone is shared with another format. */
  oneOf?: readonly string[];
}

export interface HeaderLine {
  line: number;
  cells: string[];
}

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

/**
 * The header is looked for among the first non-blank lines, not taken from line 1: LinkedIn puts
 * a "Notes:" preamble before it, and a reader taking line 1 as the header imports nothing.
 */
const HEADER_SEARCH_LINES = 10;

const key = (name: string) => name.trim().toLowerCase();

/** Far longer than any real header (Google's is ~3 KB); a longer line is data, not worth splitting. */
const MAX_HEADER_LENGTH = 64 * 1024;

function splitHeaderLine(line: string): string[] {
  if (line.length > MAX_HEADER_LENGTH) return [];
  try {
    const [cells] = parse(line, {
      relax_quotes: true,
      relax_column_count: true,
      record_delimiter: '\n',
      to_line: 1,
    });
    return (cells ?? []).map((c) => c.trim());
  } catch {
    // An unbalanced quote (the preamble's paragraph, say) cannot be a header anyway.
    return [];
  }
}

/** The first `count` non-blank lines with their line numbers, without splitting the whole file. */
export function firstLines(text: string, count = HEADER_SEARCH_LINES): { line: number; text: string }[] {
  const found: { line: number; text: string }[] = [];
  let start = 0;
  for (let line = 1; start <= text.length && found.length < count; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const content = text.slice(start, end);
    if (content.trim() !== '') found.push({ line, text: content });
    start = end + 1;
  }
  return found;
}

/** The first non-blank lines, split as CSV: where a header may be. */
export function headerCandidates(text: string): HeaderLine[] {
  return firstLines(text).map(({ line, text: content }) => ({ line, cells: splitHeaderLine(content) }));
}

export function missingColumns(cells: readonly string[], signature: HeaderSignature): string[] {
  const present = new Set(cells.map(key));
  const missing = signature.required.filter((c) => !present.has(key(c)));
  if (signature.oneOf && !signature.oneOf.some((c) => present.has(key(c)))) {
    missing.push(`one of ${signature.oneOf.join(', ')}`);
  }
  return missing;
}

export function findHeader(text: string, signature: HeaderSignature): HeaderLine | null {
  return headerCandidates(text).find((h) => missingColumns(h.cells, signature).length === 0) ?? null;
}

/** Where the header comes closest, so the message names what is actually missing. */
function missingHeaderError(text: string, signature: HeaderSignature, formatName: string): ImportFileError {
  let best: { line: number; missing: string[] } | null = null;
  for (const h of headerCandidates(text)) {
    const missing = missingColumns(h.cells, signature);
    if (!best || missing.length < best.missing.length) best = { line: h.line, missing };
  }
  const missing = (best?.missing ?? []).map((c) => (c.startsWith('one of ') ? c : `"${c}"`)).join(', ');
  return new ImportFileError(
    `No ${formatName} header row in the first lines of this file (missing ${missing}).`,
    best?.line ?? null,
  );
}

/** Index of each column by its trimmed, case-insensitive name; the first of duplicates wins. */
export function columnIndex(header: readonly string[]): (name: string) => number {
  const byName = new Map<string, number>();
  header.forEach((name, i) => {
    if (!byName.has(key(name))) byName.set(key(name), i);
  });
  return (name) => byName.get(key(name)) ?? -1;
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
  const body = text.slice(lineOffset(text, header.line + 1));
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
