import addressparser from 'nodemailer/lib/addressparser';
import type { MailAddress, MessageHeaders } from '../message-headers.ts';
import { mime } from '../mime-library.ts';
import { parseMailDate } from './mail-date.ts';

/**
 * One header field of a message as its bytes in the file: its lines, the folding kept (a line
 * after the first starts with a space or a tab), line ends removed.
 */
export interface RawField {
  /** Lower-cased field name, read from the bytes before the colon. */
  name: string;
  lines: Buffer[];
  /** Byte offset of its first line in the file. */
  offset: number;
}

/** What the decoder says about a field, pointing at it. */
export interface FieldProblem {
  offset: number;
  text: string;
}

/** The fields MessageHeaders is made of; every other field is skipped unread. */
export const WANTED_FIELDS: ReadonlySet<string> = new Set([
  'from',
  'to',
  'cc',
  'date',
  'subject',
  'message-id',
  'in-reply-to',
  'references',
]);
/** Gmail Takeout's labels for a message ("Sent", "Inbox", "Important", …), comma-separated. */
export const GMAIL_LABELS = 'x-gmail-labels';
/** What the mbox scanner keeps of a header block: the wanted fields and Takeout's labels. */
export const KEPT_FIELDS: ReadonlySet<string> = new Set([...WANTED_FIELDS, GMAIL_LABELS]);
/** RFC 5322 section 3.6: at most one of each; a repeated To or Cc is read as one list. */
const LISTS = new Set(['to', 'cc']);
const LABELS = new Map([
  ['from', 'From'],
  ['to', 'To'],
  ['cc', 'Cc'],
  ['date', 'Date'],
  ['subject', 'Subject'],
  ['message-id', 'Message-ID'],
  ['in-reply-to', 'In-Reply-To'],
  ['references', 'References'],
]);

const utf8 = new TextDecoder('utf-8', { fatal: true });
// WHATWG's "latin1" is Windows-1252, the superset mail clients actually wrote when they put raw
// 8-bit bytes in a header without saying the charset.
const windows1252 = new TextDecoder('windows-1252');
const CRLF = Buffer.from('\r\n');

interface Value {
  text: string;
  field: RawField;
}

/**
 * The headers the app keeps, decoded with mailparser's pieces: libmime (its own dependency) for
 * splitting a field and its RFC 2047 encoded words, nodemailer's addressparser for the address
 * lists.
 * Not mailparser's whole MessageParser: it turns an unreadable Date into the current time and raw
 * 8-bit bytes that are not UTF-8 into U+FFFD, and it wants the body.
 */
export function decodeHeaders(
  fields: readonly RawField[],
  /** Where the message starts (its separator line): missing headers are reported there. */
  start: { offset: number },
): {
  headers: MessageHeaders;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const values = new Map<string, Value[]>();
  for (const field of fields) {
    if (!WANTED_FIELDS.has(field.name)) continue;
    const bytes = field.lines.length === 1 ? field.lines[0]! : joinLines(field.lines);
    const { text, latin1 } = decodeBytes(bytes);
    if (latin1) {
      problems.push(
        at(field, `${label(field.name)} has 8-bit bytes that are not UTF-8; read as Windows-1252`),
      );
    }
    const list = values.get(field.name);
    const value = { text: mime().decodeHeader(text).value, field };
    if (list) list.push(value);
    else values.set(field.name, [value]);
  }
  const first = (name: string): Value | null => {
    const list = values.get(name);
    if (!list?.[0]) return null;
    if (list.length > 1 && !LISTS.has(name)) {
      problems.push(at(list[1]!.field, `a second ${label(name)} header; the first is kept`));
    }
    return list[0];
  };

  const subject = first('subject');
  const date = first('date');
  const messageId = first('message-id');
  const inReplyTo = first('in-reply-to');
  const references = first('references');
  const from = first('from');

  let iso: string | null = null;
  if (date) {
    const parsed = parseMailDate(date.text);
    iso = parsed.iso;
    if (parsed.problem) problems.push(at(date.field, parsed.problem));
  }
  const id = messageId ? (messageIds(messageId.text)[0] ?? bareId(messageId.text)) : null;
  if (messageId && !id) problems.push(at(messageId.field, 'Message-ID header is empty'));

  const headers: MessageHeaders = {
    messageId: id,
    from: addresses(from ? [from] : []),
    to: addresses(values.get('to') ?? []),
    cc: addresses(values.get('cc') ?? []),
    date: iso,
    subject: subject ? decodedWords(subject.text) || null : null,
    inReplyTo: inReplyTo ? (messageIds(inReplyTo.text)[0] ?? bareId(inReplyTo.text)) : null,
    references: references ? referenceIds(references.text) : [],
  };
  if (from && headers.from.length === 0) problems.push(at(from.field, 'From header names no address'));
  for (const name of ['from', 'date', 'message-id']) {
    if (!values.has(name)) problems.push({ offset: start.offset, text: `no ${label(name)} header` });
  }
  return { headers, problems };
}

function joinLines(lines: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [];
  for (const [i, line] of lines.entries()) {
    if (i > 0) parts.push(CRLF);
    parts.push(line);
  }
  return Buffer.concat(parts);
}

/** RFC 6532 allows UTF-8 in headers; anything else 8-bit is taken as Windows-1252. */
function decodeBytes(bytes: Buffer): { text: string; latin1: boolean } {
  if (isAscii(bytes)) return { text: bytes.toString('latin1'), latin1: false };
  try {
    return { text: utf8.decode(bytes), latin1: false };
  } catch {
    return { text: windows1252.decode(bytes), latin1: true };
  }
}

function isAscii(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] ?? 0) > 0x7f) return false;
  return true;
}

/** libmime throws on nothing it documents, but mailparser guards every call: so do we. */
function decodedWords(text: string): string {
  // Most values have no encoded word: spare them libmime's five regular-expression passes.
  if (!text.includes('=?')) return text.trim();
  try {
    return mime().decodeWords(text).trim();
  } catch {
    return text.trim();
  }
}

/**
 * nodemailer's addressparser, the one mailparser's parseAddressHeader runs, with the display
 * names' words decoded as it does. Not parseAddressHeader itself: the lazy html/text getters it
 * defines on every result made V8 commit about five times the heap over a large mbox (175 MB
 * against 35 MB for 50,000 headers). Domains stay as written (punycode), as IMAP envelopes give
 * them, so both sources agree.
 */
function addresses(values: readonly Value[]): MailAddress[] {
  const out: MailAddress[] = [];
  for (const value of values) {
    // Flattened: a group ("Team: a@x, b@y;") counts for each of its members.
    for (const entry of addressparser(value.text, { flatten: true })) {
      const address = (entry.address ?? '').trim().toLowerCase();
      // RFC 2047 section 5: an encoded word is never part of an address; such a one is not taken.
      if (!address || address.includes('=?')) continue;
      const name = entry.name ? decodedWords(entry.name) : '';
      out.push({ address, name: name || null });
    }
  }
  return out;
}

const ANGLE_ID = /<([^<>\s]+)>/g;
/** Every <id> in the value, without its brackets (RFC 5322 section 3.6.4). */
function messageIds(text: string): string[] {
  return [...text.matchAll(ANGLE_ID)].map((m) => m[1] ?? '').filter(Boolean);
}

/** An id written without brackets: one word with an @, as some old clients did. */
function bareId(text: string): string | null {
  const word = text.trim();
  return word && /^[^\s<>]+@[^\s<>]+$/.test(word) ? word : null;
}

function referenceIds(text: string): string[] {
  const ids = messageIds(text);
  if (ids.length > 0) return [...new Set(ids)];
  return [...new Set(text.split(/\s+/).filter((w) => /^[^\s<>]+@[^\s<>]+$/.test(w)))];
}

const label = (name: string) => LABELS.get(name) ?? name;
const at = (field: RawField, text: string): FieldProblem => ({ offset: field.offset, text });

/**
 * Gmail Takeout's X-Gmail-Labels as a list: comma-separated, a label holding a comma in double
 * quotes, a non-ASCII label as RFC 2047 encoded words (or raw UTF-8).
 */
export function gmailLabels(fields: readonly RawField[]): string[] {
  const field = fields.find((f) => f.name === GMAIL_LABELS);
  if (!field) return [];
  const bytes = field.lines.length === 1 ? field.lines[0]! : joinLines(field.lines);
  const value = mime().decodeHeader(decodeBytes(bytes).text).value;
  const labels: string[] = [];
  for (const match of value.matchAll(/\s*("(?:[^"\\]|\\.)*"|[^,]*)\s*(?:,|$)/g)) {
    const part = match[1] ?? '';
    if (part === '' && match.index >= value.length) break;
    const text = part.startsWith('"') ? part.slice(1, -1).replace(/\\(.)/g, '$1') : part;
    const label = decodedWords(text);
    if (label) labels.push(label);
  }
  return labels;
}
