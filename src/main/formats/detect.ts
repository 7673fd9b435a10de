import { firstLines, type HeaderSignature, headerCandidates, missingColumns } from './csv-header.ts';
import {
  GOOGLE_CHOSEN_HEADER,
  GOOGLE_HEADER,
  GOOGLE_LEGACY_CHOSEN_HEADER,
  GOOGLE_LEGACY_HEADER,
} from './google-csv.ts';
import { LINKEDIN_HEADER } from './linkedin-csv.ts';
import { OUTLOOK_CHOSEN_HEADER, OUTLOOK_HEADER } from './outlook-csv.ts';
import { IMPORT_FORMAT_LABELS, IMPORT_FORMATS, ImportFileError, type ImportFormat } from './record.ts';
import { BEGIN_VCARD } from './vcard-lines.ts';

export type CsvFormat = Exclude<ImportFormat, 'vcard'>;

/** The header row that identifies each CSV format when it is detected. */
export const CSV_HEADERS: Record<CsvFormat, HeaderSignature> = {
  'linkedin-csv': LINKEDIN_HEADER,
  'google-csv': GOOGLE_HEADER,
  'google-csv-legacy': GOOGLE_LEGACY_HEADER,
  'outlook-csv': OUTLOOK_HEADER,
};

/**
 * What a header needs when the user names the format (the screen's menu, --format): the columns
 * every export of that format has. Detection's `oneOf` lists only tell similar formats apart, so
 * a file that lacks those optional columns is still read as the format the user named.
 */
export const CHOSEN_HEADERS: Record<CsvFormat, HeaderSignature> = {
  'linkedin-csv': LINKEDIN_HEADER,
  'google-csv': GOOGLE_CHOSEN_HEADER,
  'google-csv-legacy': GOOGLE_LEGACY_CHOSEN_HEADER,
  'outlook-csv': OUTLOOK_CHOSEN_HEADER,
};

/** Most specific first: Google and Outlook both start with "First Name, ... Last Name". */
const DETECTION_ORDER: readonly CsvFormat[] = [
  'linkedin-csv',
  'google-csv-legacy',
  'google-csv',
  'outlook-csv',
];

const BEGIN_VCALENDAR = /^begin:vcalendar$/i;

const supported = () => IMPORT_FORMATS.map((f) => IMPORT_FORMAT_LABELS[f]).join(', ');

const matchesAny = (cells: readonly string[]) =>
  DETECTION_ORDER.some((f) => missingColumns(cells, CSV_HEADERS[f]).length === 0);

/** The format of an import file, from its content (never its name). */
export function detectFormat(text: string): ImportFormat {
  const lines = firstLines(text);
  if (lines.some((l) => BEGIN_VCARD.test(l.text.trim()))) return 'vcard';
  if (lines.some((l) => BEGIN_VCALENDAR.test(l.text.trim()))) {
    throw new ImportFileError(
      'This is a calendar file (.ics), not contacts. Import contacts from a CSV or vCard file.',
    );
  }
  for (const header of headerCandidates(text)) {
    const format = DETECTION_ORDER.find((f) => missingColumns(header.cells, CSV_HEADERS[f]).length === 0);
    if (format) return format;
  }
  // Localized Excel and Outlook separate columns with ';' (the list separator of their locale).
  const semicolons = lines.find((l) =>
    matchesAny(l.text.split(';').map((c) => c.trim().replace(/^"|"$/g, ''))),
  );
  if (semicolons) {
    throw new ImportFileError(
      'This file separates its columns with semicolons. Export it again as comma-separated CSV, or as vCard.',
      semicolons.line,
    );
  }
  throw new ImportFileError(
    `This file is not in a format that can be imported; no known header was found in its first lines. Supported: ${supported()}.`,
  );
}
