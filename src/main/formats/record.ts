import type { ImportFormat } from '../../shared/domain/import-formats.ts';

/**
 * What the import readers hand to the import service: contacts as the file holds them, mapped to
 * the app's fields but not yet validated, matched or stored. Readers never touch the database.
 */

// One list for the contract, the renderer and the readers.
export {
  IMPORT_FORMAT_LABELS,
  IMPORT_FORMATS,
  type ImportFormat,
} from '../../shared/domain/import-formats.ts';

export interface ImportedEntry {
  value: string;
  label: string | null;
}

export interface ImportedLink {
  url: string;
  label: string | null;
}

export interface ImportedContact {
  /** 1-based physical line where the record starts in the file. */
  line: number;
  /**
   * The best name the file gives: its formatted name, else the name parts joined. Null when the
   * record has no name at all; the service then falls back to company or e-mail.
   */
  displayName: string | null;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  title: string | null;
  notes: string | null;
  /** Valid addresses only (lower-cased as the contract stores them); the rest are reported. */
  emails: ImportedEntry[];
  phones: ImportedEntry[];
  /** http(s) only; a LinkedIn profile URL carries the label 'LinkedIn'. */
  links: ImportedLink[];
  /** Google labels (minus system groups), vCard CATEGORIES, Outlook Categories. */
  tags: string[];
  /** YYYY-MM-DD (LinkedIn "Connected On"). */
  metOn: string | null;
  /** One line: city, region, country when the file has them, else its formatted address. */
  location: string | null;
  /** vCard UID, for matching a re-imported card. */
  uid: string | null;
}

export interface ImportProblem {
  /** 1-based physical line; every problem has one. */
  line: number;
  /** The file's own column or property name (e.g. 'Notes', 'EMAIL'), null for the whole row. */
  column: string | null;
  message: string;
  /** 'error': a record (or the rest of the file) could not be read; 'warning': read with a loss. */
  severity: 'error' | 'warning';
}

export interface ParsedImport {
  format: ImportFormat;
  records: ImportedContact[];
  /** Sorted by line. */
  problems: ImportProblem[];
  /** Data rows or cards seen, including those skipped with a problem (blank rows and group cards excluded). */
  rows: number;
  /** Lines in the file up to its last non-blank one, to set beside `rows`. */
  lines: number;
}

/** The whole file cannot be read; the message is shown to the user as is. */
export class ImportFileError extends Error {
  readonly line: number | null;

  constructor(message: string, line: number | null = null) {
    super(message);
    this.name = 'ImportFileError';
    this.line = line;
  }
}

/** What one reader returns; read.ts adds the format, the line count and the decoding problems. */
export type ReadResult = Omit<ParsedImport, 'format' | 'lines'>;
