import { importTooLargeMessage } from '../../shared/domain/import-formats.ts';
import { HEADER_SEARCH_LINES } from './csv-header.ts';
import { CsvTable, type RowReader } from './csv-table.ts';
import { encodingOf, ImportTextDecoder, MAX_IMPORT_BYTES, type TextEncodingName } from './decode.ts';
import { CHOSEN_HEADERS, CSV_HEADERS, type CsvFormat, detectFormat } from './detect.ts';
import { googleCurrentRows, googleLegacyRows } from './google-csv.ts';
import { linkedInRows } from './linkedin-csv.ts';
import { outlookRows } from './outlook-csv.ts';
import {
  IMPORT_FORMAT_LABELS,
  IMPORT_FORMATS,
  type ImportedContact,
  ImportFileError,
  type ImportFormat,
  type ImportProblem,
  type ParsedImport,
} from './record.ts';
import { readVcard } from './vcard.ts';
import { VcardTranscoder } from './vcard-bytes.ts';

const ROW_READERS: Record<CsvFormat, RowReader> = {
  'linkedin-csv': linkedInRows,
  'google-csv': googleCurrentRows,
  'google-csv-legacy': googleLegacyRows,
  'outlook-csv': outlookRows,
};

/**
 * Bytes handed to the decoder at a time: a file is never decoded, or split, whole, and the
 * service yields to the event loop between chunks.
 */
export const CHUNK_BYTES = 64 * 1024;

export interface ReadOptions {
  format?: ImportFormat | undefined;
  /**
   * Each record as soon as it is read (CSV rows as they come, vCard cards at the end), so the
   * caller can plan as the file streams; without it, records are collected into the result.
   */
  onRecord?: (record: ImportedContact, format: ImportFormat) => void;
}

const WHITESPACE = /\s/;
const NON_BLANK = /\S/;

export function checkFormat(format: ImportFormat | undefined): void {
  if (format !== undefined && !IMPORT_FORMATS.includes(format)) {
    throw new ImportFileError(`Unknown import format "${String(format)}".`);
  }
}

/**
 * An import file to contacts, fed chunk by chunk once its encoding is known (decode.ts): the
 * first lines are held until the format is detected (or the given one is checked against the
 * header), then CSV rows are read as the text arrives; a vCard file is read at its end. Throws
 * ImportFileError only, when the file as a whole cannot be read; anything smaller is a problem.
 */
export class ImportReader {
  private readonly decoder: ImportTextDecoder;
  private readonly cards: VcardTranscoder | null;
  private readonly problems: ImportProblem[];
  private readonly records: ImportedContact[] = [];
  private format: ImportFormat | null = null;
  /** The text until the format is known. */
  private head: string[] = [];
  /** Non-blank lines in the head so far, and whether the line it ends in has anything on it. */
  private headLines = 0;
  private headLineFilled = false;
  private csv: CsvTable | null = null;
  private vcard: string[] | null = null;
  private newlines = 0;
  private lastContentLine = 0;
  private readonly options: ReadOptions;

  constructor(
    encoding: TextEncodingName,
    bom: number,
    decodeProblems: readonly ImportProblem[],
    options: ReadOptions,
  ) {
    this.options = options;
    checkFormat(options.format);
    // A file that is not UTF-8 may be a vCard file, judged card by card (vcard-bytes.ts).
    const maybeVcard = options.format === undefined || options.format === 'vcard';
    this.cards =
      encoding === 'windows-1252' && maybeVcard
        ? new VcardTranscoder({ bom, fileProblems: decodeProblems, vcard: options.format === 'vcard' })
        : null;
    this.decoder = this.cards ? new ImportTextDecoder('utf-8', 0) : new ImportTextDecoder(encoding, bom);
    this.problems = this.cards ? [] : [...decodeProblems];
  }

  write(bytes: Uint8Array): void {
    this.take(this.decoder.write(this.cards ? this.cards.write(bytes) : bytes));
  }

  end(): ParsedImport {
    if (this.cards) {
      this.take(this.decoder.write(this.cards.end()));
      this.problems.push(...this.cards.problems());
    }
    this.take(this.decoder.end());
    if (this.format === null) this.start();
    const format = this.format as ImportFormat;
    let rows: number;
    if (this.vcard) {
      const read = readVcard(this.vcard.join(''));
      this.vcard = null;
      for (const record of read.records) this.emit(record);
      this.problems.push(...read.problems);
      rows = read.rows;
    } else {
      const table = (this.csv as CsvTable).end();
      this.problems.push(...table.problems);
      rows = table.rows;
    }
    // Stable sort: within a line, problems stay in the order the reader met them.
    const problems = this.problems.sort((a, b) => a.line - b.line);
    return { format, records: this.records, problems, rows, lines: this.lastContentLine };
  }

  private take(text: string): void {
    if (text === '') return;
    this.countLines(text);
    if (this.format === null) {
      // Kept in pieces and joined once: a string grown chunk by chunk and searched each time is
      // copied whole each time (a 30 MB vCard of a few long lines took 20 s).
      this.head.push(text);
      if (this.headComplete(text)) this.start();
    } else if (this.csv) {
      this.csv.write(text);
    } else {
      this.vcard?.push(text);
    }
  }

  /** Whether the head, with `text` just added, holds the lines a header is looked for in (csv-header.ts). */
  private headComplete(text: string): boolean {
    for (let from = 0; ; ) {
      const nl = text.indexOf('\n', from);
      if (!this.headLineFilled && NON_BLANK.test(text.slice(from, nl === -1 ? text.length : nl))) {
        this.headLineFilled = true;
      }
      if (nl === -1) return false;
      if (this.headLineFilled) this.headLines++;
      this.headLineFilled = false;
      if (this.headLines >= HEADER_SEARCH_LINES) return true;
      from = nl + 1;
    }
  }

  private start(): void {
    const forced = this.options.format;
    const head = this.head.join('');
    this.head = [];
    const format = forced ?? detectFormat(head);
    this.format = format;
    if (format === 'vcard') {
      this.vcard = [head];
    } else {
      this.csv = new CsvTable(
        head,
        forced ? CHOSEN_HEADERS[format] : CSV_HEADERS[format],
        IMPORT_FORMAT_LABELS[format],
        ROW_READERS[format],
        (record) => this.emit(record),
      );
    }
  }

  private emit(record: ImportedContact): void {
    if (this.options.onRecord) this.options.onRecord(record, this.format as ImportFormat);
    else this.records.push(record);
  }

  /** Lines up to the last one with anything on it (spreadsheets pad with empty lines). */
  private countLines(text: string): void {
    let last = text.length - 1;
    while (last >= 0 && WHITESPACE.test(text[last] as string)) last--;
    let before = 0;
    let total = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      total++;
      if (i < last) before++;
    }
    if (last >= 0) this.lastContentLine = this.newlines + before + 1;
    this.newlines += total;
  }
}

/** An import file held in memory (tests, and the window's upload) to contacts, in one go. */
export function readImport(bytes: Uint8Array, options: ReadOptions = {}): ParsedImport {
  checkFormat(options.format);
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ImportFileError(importTooLargeMessage('The file', bytes.length));
  }
  const { encoding, bom, problems } = encodingOf(bytes);
  const reader = new ImportReader(encoding, bom, problems, options);
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) reader.write(bytes.subarray(at, at + CHUNK_BYTES));
  return reader.end();
}
