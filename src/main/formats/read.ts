import { type CsvTable, readCsvTable } from './csv-table.ts';
import { decodeImport } from './decode.ts';
import { CSV_HEADERS, type CsvFormat, detectFormat } from './detect.ts';
import { readGoogleCsv, readGoogleLegacyCsv } from './google-csv.ts';
import { readLinkedInCsv } from './linkedin-csv.ts';
import { readOutlookCsv } from './outlook-csv.ts';
import {
  IMPORT_FORMAT_LABELS,
  IMPORT_FORMATS,
  ImportFileError,
  type ImportFormat,
  type ParsedImport,
  type ReadResult,
} from './record.ts';
import { readVcard } from './vcard.ts';

const CSV_READERS: Record<CsvFormat, (table: CsvTable) => ReadResult> = {
  'linkedin-csv': readLinkedInCsv,
  'google-csv': readGoogleCsv,
  'google-csv-legacy': readGoogleLegacyCsv,
  'outlook-csv': readOutlookCsv,
};

/**
 * An import file's bytes to contacts: decoded, its format detected (or the given one checked
 * against the header), read by that format's reader. Throws ImportFileError only, when the file
 * as a whole cannot be read; anything smaller is a problem in the result.
 */
export function readImport(bytes: Uint8Array, options: { format?: ImportFormat } = {}): ParsedImport {
  const forced = options.format;
  if (forced !== undefined && !IMPORT_FORMATS.includes(forced)) {
    throw new ImportFileError(`Unknown import format "${String(forced)}".`);
  }
  const decoded = decodeImport(bytes);
  const format = forced ?? detectFormat(decoded.text);
  const result =
    format === 'vcard'
      ? readVcard(decoded.text)
      : CSV_READERS[format](readCsvTable(decoded.text, CSV_HEADERS[format], IMPORT_FORMAT_LABELS[format]));
  // Stable sort: within a line, problems stay in the order the reader met them.
  const problems = [...decoded.problems, ...result.problems].sort((a, b) => a.line - b.line);
  return { format, records: result.records, problems, rows: result.rows };
}
