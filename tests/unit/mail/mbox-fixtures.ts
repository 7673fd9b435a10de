// mbox files built by code for the reader's tests and bench: each case says what it holds.
import { decodeHeaders } from '../../../src/main/mail/mbox/header-decode.ts';
import { MboxScanner, type ScanProblem } from '../../../src/main/mail/mbox/mbox-scanner.ts';
import type { MessageHeaders } from '../../../src/main/mail/message-headers.ts';

/** Text in the charsets the fixtures use, as the bytes a mail client would have written. */
export const SAMPLES = {
  utf8: { text: 'Grüße, Zoë — 日本 👋', bytes: Buffer.from('Grüße, Zoë — 日本 👋', 'utf8') },
  latin1: { text: 'Grüße aus Köln', bytes: Buffer.from('4772fcdf6520617573204bf66c6e', 'hex') },
  // Windows-1252's own bytes (0x80 euro, 0x93/0x94 quotes, 0x96 dash), not in ISO-8859-1.
  windows1252: { text: '€ “smart” – naïve', bytes: Buffer.from('802093736d617274942096206e61ef7665', 'hex') },
  // ESC $ B … ESC ( B: JIS X 0208 between the escapes (RFC 1468).
  iso2022jp: {
    text: '日本語のメール',
    bytes: Buffer.from('1b2442467c4b5c386c244e2561213c256b1b2842', 'hex'),
  },
} as const;

/** An RFC 2047 encoded word of `bytes` in `charset`, written as a mail client would. */
export function encodedWord(charset: string, encoding: 'B' | 'Q', bytes: Buffer): string {
  if (encoding === 'B') return `=?${charset}?B?${bytes.toString('base64')}?=`;
  let q = '';
  for (const byte of bytes) {
    // RFC 2047 section 4.2: space as "_", and only letters and digits left as they are.
    if (byte === 0x20) q += '_';
    else if (/[A-Za-z0-9]/.test(String.fromCharCode(byte))) q += String.fromCharCode(byte);
    else q += `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `=?${charset}?Q?${q}?=`;
}

export interface FixtureMessage {
  /** The "From " line; a Gmail-like one when left out. */
  envelope?: string;
  /** Header lines as written (a Buffer for raw 8-bit bytes); folded lines start with a space. */
  headers: (string | Buffer)[];
  body?: string | Buffer;
}

export interface MboxLayout {
  eol?: '\n' | '\r\n';
  /** Leave the last line of the file without its line end. */
  noTrailingNewline?: boolean;
  /** mboxrd quoting of body lines beginning with (>*)From ; 'none' writes them as they are. */
  quoting?: 'mboxrd' | 'none';
}

const DEFAULT_ENVELOPE = 'From 1789340570484378362@xxx Mon Mar 02 14:55:06 +0000 2026';

/** One message as an mbox writer appends it: envelope, headers, blank line, quoted body, blank line. */
export function mboxMessage(m: FixtureMessage, layout: MboxLayout = {}): Buffer {
  const eol = layout.eol ?? '\n';
  const parts: Buffer[] = [Buffer.from(`${m.envelope ?? DEFAULT_ENVELOPE}${eol}`)];
  for (const h of m.headers) parts.push(typeof h === 'string' ? Buffer.from(h) : h, Buffer.from(eol));
  parts.push(Buffer.from(eol));
  const body = m.body ?? 'Hello.';
  if (typeof body === 'string') {
    const lines = body
      .split('\n')
      .map((line) =>
        (layout.quoting ?? 'mboxrd') === 'mboxrd' && /^>*From /.test(line) ? `>${line}` : line,
      );
    parts.push(Buffer.from(lines.join(eol) + eol));
  } else {
    parts.push(body, Buffer.from(eol));
  }
  parts.push(Buffer.from(eol));
  return Buffer.concat(parts);
}

export function mbox(messages: FixtureMessage[], layout: MboxLayout = {}): Buffer {
  const file = Buffer.concat(messages.map((m) => mboxMessage(m, layout)));
  if (!layout.noTrailingNewline) return file;
  let end = file.length;
  while (end > 0 && (file[end - 1] === 0x0a || file[end - 1] === 0x0d)) end--;
  return file.subarray(0, end);
}

/** The same message as one RFC 5322 message (no envelope, no quoting), for mailparser's simpleParser. */
export function rfc822(m: FixtureMessage): Buffer {
  const parts: Buffer[] = [];
  for (const h of m.headers) parts.push(typeof h === 'string' ? Buffer.from(h) : h, Buffer.from('\r\n'));
  parts.push(Buffer.from('\r\n'), Buffer.from(typeof m.body === 'string' ? m.body : 'Hello.'));
  return Buffer.concat(parts);
}

/** A plain, complete message numbered `i`. */
export function plainMessage(i: number, extra: (string | Buffer)[] = []): FixtureMessage {
  return {
    headers: [
      `From: Person ${i} <person${i}@example.com>`,
      'To: me@example.org',
      `Subject: Message ${i}`,
      `Date: Mon, 2 Mar 2026 14:${String(i % 60).padStart(2, '0')}:06 +0100`,
      `Message-ID: <m${i}@example.com>`,
      ...extra,
    ],
    body: `Body of message ${i}.`,
  };
}

/**
 * The reader's two parts (split, decode) over bytes in memory, cut into chunks of `chunkBytes`:
 * what readMbox does, without a file, and with byte offsets only (lines are counted from a file).
 */
export function scanBuffer(
  file: Buffer,
  options: { chunkBytes?: number; maxHeaderBytes?: number } = {},
): { messages: MessageHeaders[]; problems: ScanProblem[]; skipped: number } {
  const problems: ScanProblem[] = [];
  const scanner = new MboxScanner({
    maxHeaderBytes: options.maxHeaderBytes ?? 256 * 1024,
    onProblem: (p) => problems.push(p),
  });
  const messages: MessageHeaders[] = [];
  const take = () => {
    for (const block of scanner.take()) {
      const decoded = decodeHeaders(block.fields, block);
      messages.push(decoded.headers);
      for (const p of decoded.problems) problems.push({ message: block.index, ...p });
    }
  };
  const size = options.chunkBytes ?? 64 * 1024;
  for (let at = 0; at < file.length; at += size) {
    scanner.push(file.subarray(at, at + size));
    take();
  }
  scanner.end();
  take();
  return { messages, problems: problems.sort((a, b) => a.offset - b.offset), skipped: scanner.skipped };
}
