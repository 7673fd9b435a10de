import { ContactBuilder, warning } from './contact-builder.ts';
import { columnKey, findHeader, type HeaderSignature, missingHeaderError } from './csv-header.ts';
import { CsvRecordReader, type CsvRow, MAX_RECORD_BYTES, type UnreadableLine } from './csv-records.ts';
import type { ImportedContact, ImportProblem } from './record.ts';

export type { CsvRow };

/**
 * Fills a contact from one row, with column indexes resolved once from the header; may return
 * its own reason to skip the row.
 */
export type RowFill = (b: ContactBuilder, row: CsvRow) => string | undefined;
export type RowReader = (header: readonly string[]) => RowFill;

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

const NOTHING_TO_RECOGNISE =
  'This row has no name, company, e-mail, phone or link to recognise the person by; skipped.';

export interface CsvTableResult {
  headerLine: number;
  problems: ImportProblem[];
  /** Data rows seen, skipped and unreadable ones included (blank rows aside). */
  rows: number;
}

/**
 * The rows under the header of `signature`, read as the text arrives: each row becomes a contact
 * handed to `emit`, or a problem. Only the row being read is held, never the table.
 */
export class CsvTable {
  private readonly records: CsvRecordReader;
  private readonly problems: ImportProblem[] = [];
  private readonly columns: number;
  private readonly fill: RowFill;
  private readonly headerLine: number;
  private readonly emit: (record: ImportedContact) => void;
  private rows = 0;

  /** `head`: the file's first lines, where the header is looked for (csv-header.ts). */
  constructor(
    head: string,
    signature: HeaderSignature,
    formatName: string,
    rowReader: RowReader,
    emit: (record: ImportedContact) => void,
  ) {
    this.emit = emit;
    const header = findHeader(head, signature);
    if (!header) throw missingHeaderError(head, signature, formatName);
    this.headerLine = header.line;
    this.columns = header.cells.length;
    this.fill = rowReader(header.cells);
    this.records = new CsvRecordReader(this.columns, header.line + 1, {
      row: (row) => this.row(row),
      unreadable: (line) => this.unreadable(line),
    });
    // Only what follows the header is parsed, so nothing in a preamble (an unbalanced quote)
    // can swallow the data.
    this.records.write(head.slice(lineOffset(head, header.line + 1)));
  }

  write(text: string): void {
    this.records.write(text);
  }

  end(): CsvTableResult {
    this.records.end();
    return { headerLine: this.headerLine, problems: this.problems, rows: this.rows };
  }

  private row(row: CsvRow): void {
    const { cells, line } = row;
    // Blank lines and rows of bare commas are spreadsheet padding, not contacts.
    if (cells.every((c) => c.trim() === '')) return;
    this.rows++;
    if (cells.length > this.columns && cells.slice(this.columns).some((c) => c.trim() !== '')) {
      this.problems.push(
        warning(
          line,
          null,
          `This row has ${cells.length} values but the header has ${this.columns} columns; the extra values were ignored (an unquoted comma?).`,
        ),
      );
    }
    const b = new ContactBuilder(line, this.problems);
    const skip = this.fill(b, row) ?? (b.hasContent() ? undefined : NOTHING_TO_RECOGNISE);
    if (skip) this.problems.push(warning(line, null, skip));
    else this.emit(b.build());
  }

  /** A line that could not be read counts as a row skipped, so the summary never says "0 skipped". */
  private unreadable(bad: UnreadableLine): void {
    this.rows++;
    this.problems.push({
      line: bad.line,
      column: null,
      severity: 'error',
      message: unreadableMessage(bad, this.columns),
    });
  }
}

/** What went wrong, then the line in full, so the user can find and fix it. */
export function unreadableMessage(bad: UnreadableLine, columns: number): string {
  const r = bad.reason;
  const shown =
    bad.cut === null
      ? bad.text
      : `${bad.text} … (cut here; the line is ${bad.cut.partial ? 'over ' : ''}${bad.cut.bytes.toLocaleString('en')} bytes long)`;
  if (r.kind === 'not-a-row') {
    const why =
      r.cells === null ? 'a quote in it is left open' : `${r.cells} values where the header has ${columns}`;
    return `Skipped: after the unreadable line ${r.after}, this line does not read as a row by itself (${why}); it may be the rest of a value begun there. The line as in the file: ${shown}`;
  }
  let what: string;
  if (r.kind === 'too-long') {
    what = `it runs on for over ${MAX_RECORD_BYTES / 1024 / 1024} MB (a quote that never closes?)`;
  } else {
    const at =
      r.quote.line === bad.line
        ? `character ${r.quote.column}`
        : `line ${r.quote.line}, character ${r.quote.column}`;
    const runsOn = `the quote at ${at} opens a value that runs on to line`;
    what =
      r.kind === 'never-closed'
        ? `the quote at ${at} opens a value that is never closed (the file ends inside it)`
        : r.why === 'swallowed'
          ? `${runsOn} ${r.toLine}, over lines that read as rows themselves`
          : r.why === 'loose'
            ? `${runsOn} ${r.toLine}, where a quote ends it in the middle of a value`
            : `${runsOn} ${r.toLine} and leaves a row of ${r.cells} values where the header has ${columns}`;
  }
  return `This row could not be read: ${what}. It was skipped, and reading went on at the next line that reads as a row. The line as in the file: ${shown}`;
}
