import { ImportFileError, type ImportProblem } from './record.ts';
import { vcardAsUtf8 } from './vcard-bytes.ts';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  /** Without BOM, line ends normalised to \n. */
  text: string;
  encoding: TextEncodingName;
  problems: ImportProblem[];
}

/** Far above any real address book (50,000 LinkedIn rows are ~4 MB); stops a wrong pick early. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/** Files people pick by mistake: named, so the message says what to do instead of "unknown format". */
const BINARY_SIGNATURES: readonly { magic: readonly number[]; what: string }[] = [
  {
    magic: [0x50, 0x4b, 0x03, 0x04],
    what: 'a ZIP archive (an Excel .xlsx workbook or a whole data-export archive): unzip it, or save the sheet as CSV',
  },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Office file (.xls, .doc, .msg): save the sheet as CSV' },
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { magic: [0x1f, 0x8b], what: 'a gzip archive' },
  { magic: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20], what: 'an SQLite database' },
];

// Decoders are reusable for one-shot decode() calls; building one per file is wasted work.
const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');
/**
 * Old Outlook and Excel write the Windows "ANSI" code page, which for the Western languages this
 * app supports is windows-1252. Every byte decodes in it, so it is the fallback for text that
 * is not UTF-8 (whole files here, quoted-printable values without a CHARSET in vcard-lines.ts).
 */
export const windows1252 = new TextDecoder('windows-1252');

/** The bytes as UTF-8, or null when they are not valid UTF-8. */
export function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return null;
  }
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/**
 * UTF-16 without a BOM (some tools strip it from Google's legacy export): ASCII text then has a
 * NUL in every other byte, always on the same side. Checked on the first 1 KB only.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros === 0) return 'utf-16be';
  return null;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function decodeBytes(bytes: Uint8Array): DecodedText {
  // A BOM is authoritative: Google's legacy CSV is UTF-16LE with one, Excel writes UTF-8 with one.
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return decodeUtf8(bytes.subarray(3));
  }
  if (startsWith(bytes, [0xff, 0xfe]))
    return { text: utf16le.decode(bytes), encoding: 'utf-16le', problems: [] };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { text: utf16be.decode(bytes), encoding: 'utf-16be', problems: [] };
  const utf16 = sniffUtf16(bytes);
  if (utf16 === 'utf-16le') return { text: utf16le.decode(bytes), encoding: utf16, problems: [] };
  if (utf16 === 'utf-16be') return { text: utf16be.decode(bytes), encoding: utf16, problems: [] };
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: Uint8Array): DecodedText {
  const text = strictUtf8(bytes);
  if (text !== null) return { text, encoding: 'utf-8', problems: [] };
  // The warning points at the first byte that was not UTF-8 so the user can check accents there.
  const lenient = utf8Lenient.decode(bytes);
  const firstBad = lenient.indexOf('\uFFFD');
  const problems: ImportProblem[] = [
    {
      line: firstBad === -1 ? 1 : lineAt(lenient, firstBad),
      column: null,
      message:
        'The file is not UTF-8; it was read as Windows-1252 (Western European). Check accented letters.',
      severity: 'warning',
    },
  ];
  // A vCard file is judged card by card, after its split folds are mended (vcard-bytes.ts).
  const cards = vcardAsUtf8(bytes, problems);
  if (cards) {
    const encoding = cards.problems.length > 0 ? 'windows-1252' : 'utf-8';
    return { text: utf8Lenient.decode(cards.bytes), encoding, problems: cards.problems };
  }
  return { text: windows1252.decode(bytes), encoding: 'windows-1252', problems };
}

/**
 * Bytes of an import file to text. Refuses what is not a text export at all (empty, binary, too
 * large) with a message for the user; anything else decodes.
 */
export function decodeImport(bytes: Uint8Array): DecodedText {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ImportFileError(
      `The file is ${Math.round(bytes.length / 1024 / 1024)} MB; contact exports are far smaller, so this is probably not one (limit ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`,
    );
  }
  for (const { magic, what } of BINARY_SIGNATURES) {
    if (startsWith(bytes, magic)) {
      throw new ImportFileError(`This file is ${what}, not a contacts export (CSV or vCard).`);
    }
  }
  const decoded = decodeBytes(bytes);
  // A stray second BOM (files concatenated, or re-saved by a BOM-adding editor) would hide the header.
  let text = decoded.text.replace(/^\uFEFF+/, '');
  // NUL never occurs in CSV or vCard text; in a file that decoded "fine" it means binary data.
  if (text.includes('\0')) {
    throw new ImportFileError('This file contains binary data; it is not a contacts export (CSV or vCard).');
  }
  if (text.trim() === '') throw new ImportFileError('The file is empty.');
  // One line-end convention for every reader, so line numbers in problems mean the same thing for
  // Outlook's CRLF, old Mac CR and Unix LF files.
  text = text.replace(/\r\n?/g, '\n');
  return { ...decoded, text };
}
