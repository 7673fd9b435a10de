import { isUtf8 } from 'node:buffer';
import { importTooLargeMessage, MAX_IMPORT_BYTES } from '../../shared/domain/import-formats.ts';
import { ImportFileError, type ImportProblem } from './record.ts';

/**
 * Bytes to text in pieces, so a file is never held whole: sniffHead decides the encoding from
 * the first kilobyte (BOM, UTF-16 without one, or a binary file picked by mistake); when that
 * leaves UTF-8 or Windows-1252, Utf8Check (or isUtf8 on bytes in memory) decides from the whole
 * file, as a first pass; ImportTextDecoder then turns chunk after chunk into the text the
 * readers see.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  /** Without BOM, line ends normalised to \n. */
  text: string;
  encoding: TextEncodingName;
  problems: ImportProblem[];
}

export { MAX_IMPORT_BYTES };

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

/** How much of the file's start sniffHead looks at. */
export const HEAD_BYTES = 1024;

export interface SniffedEncoding {
  /** Null: UTF-8 when the whole file is valid UTF-8, else Windows-1252 (see Utf8Check). */
  encoding: 'utf-16le' | 'utf-16be' | null;
  /** Bytes of BOM to skip. */
  bom: number;
}

/** The encoding from the file's first bytes (up to HEAD_BYTES); refuses binary files by name. */
export function sniffHead(head: Uint8Array): SniffedEncoding {
  for (const { magic, what } of BINARY_SIGNATURES) {
    if (startsWith(head, magic)) {
      throw new ImportFileError(`This file is ${what}, not a contacts export (CSV or vCard).`);
    }
  }
  // A BOM is authoritative: Google's legacy CSV is UTF-16LE with one, Excel writes UTF-8 with one.
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: null, bom: 3 };
  if (startsWith(head, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: 0 };
  if (startsWith(head, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: 0 };
  return { encoding: sniffUtf16(head.subarray(0, HEAD_BYTES)), bom: 0 };
}

/** Line of a file's first byte that is not UTF-8 (counted in \n, as the readers count). */
function firstBadLine(bytes: Uint8Array, linesBefore: number): number {
  const lenient = utf8Lenient.decode(bytes);
  const firstBad = lenient.indexOf('\uFFFD');
  let line = linesBefore;
  for (let i = lenient.indexOf('\n'); i !== -1 && i < firstBad; i = lenient.indexOf('\n', i + 1)) line++;
  return line;
}

function countNewlines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}

/** Where the last complete UTF-8 sequence of `bytes` ends (a chunk may cut one in two). */
function completeUtf8(bytes: Uint8Array): number {
  let i = bytes.length;
  // Back over up to three continuation bytes to the lead byte of the last sequence.
  while (i > 0 && bytes.length - i < 3 && ((bytes[i - 1] as number) & 0xc0) === 0x80) i--;
  if (i === 0) return bytes.length;
  const lead = bytes[i - 1] as number;
  const needs = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return bytes.length - (i - 1) >= needs ? bytes.length : i - 1;
}

/** Whether a file is all UTF-8, fed chunk by chunk; on the first bad byte it stops and names its line. */
export class Utf8Check {
  private carry: Uint8Array = new Uint8Array(0);
  private lines = 1;
  /** Set once a byte that is not UTF-8 was met. */
  badLine: number | null = null;

  /** False once the answer is known to be "not UTF-8" (the rest need not be read). */
  write(chunk: Uint8Array): boolean {
    if (this.badLine !== null) return false;
    const bytes = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = completeUtf8(bytes);
    const whole = bytes.subarray(0, cut);
    if (!isUtf8(whole)) {
      this.badLine = firstBadLine(whole, this.lines);
      return false;
    }
    this.lines += countNewlines(whole);
    this.carry = bytes.slice(cut);
    return true;
  }

  /** True when the whole file was UTF-8. */
  end(): boolean {
    if (this.badLine === null && this.carry.length > 0) this.badLine = this.lines;
    return this.badLine === null;
  }
}

/** The warning for a file read as Windows-1252, at the first byte that was not UTF-8. */
export function windows1252Warning(line: number): ImportProblem {
  return {
    line,
    column: null,
    message: 'The file is not UTF-8; it was read as Windows-1252 (Western European). Check accented letters.',
    severity: 'warning',
  };
}

/** The encoding of bytes held in memory, with the warning a Windows-1252 file gets. */
export function encodingOf(bytes: Uint8Array): {
  encoding: TextEncodingName;
  bom: number;
  problems: ImportProblem[];
} {
  const sniffed = sniffHead(bytes);
  if (sniffed.encoding !== null) return { encoding: sniffed.encoding, bom: sniffed.bom, problems: [] };
  const rest = bytes.subarray(sniffed.bom);
  if (isUtf8(rest)) return { encoding: 'utf-8', bom: sniffed.bom, problems: [] };
  return {
    encoding: 'windows-1252',
    bom: sniffed.bom,
    problems: [windows1252Warning(firstBadLine(rest, 1))],
  };
}

const WHITESPACE_ONLY = /^\s*$/;

/**
 * An import file's bytes to the text every reader sees, one chunk at a time: the BOM (and a
 * stray second one, from files concatenated or re-saved by a BOM-adding editor) dropped, NUL
 * refused, and one line-end convention, so line numbers in problems mean the same thing for
 * Outlook's CRLF, old Mac CR and Unix LF files.
 */
export class ImportTextDecoder {
  private readonly decoder: TextDecoder;
  private skip: number;
  private started = false;
  private heldCr = false;
  private content = false;

  constructor(encoding: TextEncodingName, bom: number) {
    // Its own decoder: a streaming one keeps state between chunks (a sequence cut in two).
    this.decoder = new TextDecoder(encoding);
    this.skip = bom;
  }

  write(chunk: Uint8Array): string {
    let bytes = chunk;
    if (this.skip > 0) {
      const n = Math.min(this.skip, bytes.length);
      bytes = bytes.subarray(n);
      this.skip -= n;
    }
    return this.clean(this.decoder.decode(bytes, { stream: true }));
  }

  /** The last text; refuses a file that held nothing but whitespace. */
  end(): string {
    const text = this.clean(this.decoder.decode());
    const last = this.heldCr ? `${text}\n` : text;
    this.heldCr = false;
    if (!this.content) throw new ImportFileError('The file is empty.');
    return last;
  }

  private clean(decoded: string): string {
    let text = decoded;
    if (!this.started) {
      text = text.replace(/^\uFEFF+/, '');
      if (text === '') return '';
      this.started = true;
    }
    // NUL never occurs in CSV or vCard text; in a file that decoded "fine" it means binary data.
    if (text.includes('\0')) {
      throw new ImportFileError(
        'This file contains binary data; it is not a contacts export (CSV or vCard).',
      );
    }
    if (this.heldCr) {
      text = `\r${text}`;
      this.heldCr = false;
    }
    if (text.includes('\r')) {
      // A CR at the end of a chunk may be the first half of a CRLF: it waits for the next one.
      if (text.endsWith('\r')) {
        this.heldCr = true;
        text = text.slice(0, -1);
      }
      text = text.replace(/\r\n?/g, '\n');
    }
    if (!this.content && !WHITESPACE_ONLY.test(text)) this.content = true;
    return text;
  }
}

/**
 * Bytes of an import file to text in one go (tests and small uploads). Refuses what is not a
 * text export at all (empty, binary, too large) with a message for the user; anything else decodes.
 */
export function decodeImport(bytes: Uint8Array): DecodedText {
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new ImportFileError(importTooLargeMessage('The file', bytes.length));
  const { encoding, bom, problems } = encodingOf(bytes);
  const decoder = new ImportTextDecoder(encoding, bom);
  const text = decoder.write(bytes) + decoder.end();
  return { text, encoding, problems };
}
