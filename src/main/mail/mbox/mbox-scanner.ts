import { KEPT_FIELDS, type RawField } from './header-decode.ts';

/** The header block of one message, as found in the file. */
export interface HeaderBlock {
  /** The message's number in the file, from 1. */
  index: number;
  /** Byte offset of the "From " separator line that begins it. */
  offset: number;
  /** Only the fields MessageHeaders needs; the rest are counted against the limit and dropped. */
  fields: RawField[];
  /**
   * The date the "From " line carries after the sender (asctime, as the delivery agent wrote it
   * on arrival), or null when the line has none: the message's date when its Date header is missing.
   */
  envelopeDate: string | null;
}

/** Placed by byte offset: line numbers are counted afterwards, only for what is reported. */
export interface ScanProblem {
  message: number | null;
  offset: number;
  text: string;
}

/** The file is not an mbox at all: said once, with where. */
export class MboxFormatError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = 'MboxFormatError';
    this.line = line;
  }
}

export interface ScannerOptions {
  /** A header block past this many bytes is cut there (reported) and the rest skipped as body. */
  maxHeaderBytes: number;
  onProblem(problem: ScanProblem): void;
}

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const COLON = 0x3a;
const FROM_ = Buffer.from('From ');
const LF_FROM_ = Buffer.from('\nFrom ');
/** An envelope line is short ("From sender asctime-date"); a longer "From " line is body text. */
const MAX_SEPARATOR_BYTES = 1000;
/**
 * mboxo and mboxrd (Gmail Takeout, Thunderbird, Apple Mail) quote a body line that begins with
 * "From " as ">From ", and writers put a blank line before each separator. Some writers do neither
 * reliably, so a "From " line also separates when it carries an envelope's date (a time and a
 * year), and a "separator" with no header field after it is taken back as body text.
 */
const ENVELOPE = /^From \S*[ \t]+(?=.*\b\d{1,2}:\d{2}(?::\d{2})?\b)(?=.*\b(?:19|20)\d{2}\b)/;

type Mode = 'preamble' | 'headers' | 'body';

interface OpenBlock {
  offset: number;
  /** Its "From " line looks like a real envelope (see ENVELOPE). */
  envelope: boolean;
  envelopeDate: string | null;
  fields: RawField[];
  /** Header bytes so far, every field counted, against the limit. */
  bytes: number;
}

/**
 * Splits an mbox into messages as its bytes arrive, keeping only each message's header block.
 * Bodies are never kept nor read line by line: a native search jumps from one "\nFrom " to the
 * next, so a GB of body costs a scan, and memory is bounded by the header limit and the chunk
 * size whatever the size of a message. Line ends may be LF or CRLF; the last line may lack one.
 */
export class MboxScanner {
  private mode: Mode = 'preamble';
  /** A line begun in the previous chunk, kept from its start (only when it may matter). */
  private carry: Buffer | null = null;
  /** Inside a line that cannot matter (a body line): skip to its end. */
  private skipping = false;
  /** Whether the line before the current one was blank (the file starts as if after one). */
  private prevBlank = true;
  /** Blank lines before the first separator, to say where a file that is not an mbox goes wrong. */
  private preambleLines = 0;
  /** File offset of the first byte not yet consumed (the carry's start, if any). */
  private offset = 0;
  private messages = 0;
  private skippedCount = 0;
  private block: OpenBlock | null = null;
  private lastField: RawField | null = null;
  private ready: HeaderBlock[] = [];
  private readonly options: ScannerOptions;

  constructor(options: ScannerOptions) {
    this.options = options;
  }

  get skipped(): number {
    return this.skippedCount;
  }

  /** Header blocks completed since the last call, in file order. */
  take(): HeaderBlock[] {
    const out = this.ready;
    this.ready = [];
    return out;
  }

  push(chunk: Buffer): void {
    const base = this.offset;
    const data = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    let pos = 0;
    while (pos < data.length) {
      if (this.skipping) {
        const nl = data.indexOf(LF, pos);
        if (nl < 0) break;
        this.skipping = false;
        this.prevBlank = false;
        pos = nl + 1;
        continue;
      }
      if (this.mode === 'body') {
        pos = this.skipBody(data, pos);
        if (pos >= data.length) break;
      }
      const nl = data.indexOf(LF, pos);
      if (nl < 0) {
        this.keepPartial(data.subarray(pos), base + pos);
        break;
      }
      const end = nl > pos && data[nl - 1] === CR ? nl - 1 : nl;
      this.line(data.subarray(pos, end), base + pos);
      pos = nl + 1;
    }
    this.offset = base + data.length - (this.carry ? (this.carry as Buffer).length : 0);
  }

  /** The end of the file: a last line without its line end still counts. */
  end(): void {
    const last = this.carry;
    this.carry = null;
    if (last && !this.skipping) {
      const end = last.length > 0 && last[last.length - 1] === CR ? last.length - 1 : last.length;
      if (this.mode !== 'body' || startsWithFrom(last)) this.line(last.subarray(0, end), this.offset);
    }
    if (this.mode === 'headers') this.finishBlock();
  }

  /**
   * From a line start in a body, to the start of the next line that may be a separator (then
   * read line by line), or to the end of `data` (carrying a partial line only if it may be one).
   */
  private skipBody(data: Buffer, pos: number): number {
    if (mayBeginWithFrom(data, pos)) return pos;
    const found = data.indexOf(LF_FROM_, pos);
    if (found >= 0) {
      this.prevBlank = blankLineEndingAt(data, pos, found);
      return found + 1;
    }
    const last = data.lastIndexOf(LF);
    const partialStart = last < pos ? pos : last + 1;
    if (last >= pos) this.prevBlank = blankLineEndingAt(data, pos, last);
    if (partialStart < data.length) {
      const partial = data.subarray(partialStart);
      // "From" cut by the chunk's end, or the CR of a blank CRLF line: the next chunk decides.
      if (mayBeginWithFrom(data, partialStart) || (partial.length === 1 && partial[0] === CR)) {
        this.carry = Buffer.from(partial);
      } else {
        this.skipping = true;
      }
    }
    return data.length;
  }

  private keepPartial(partial: Buffer, at: number): void {
    if (this.mode === 'headers') {
      if ((this.block?.bytes ?? 0) + partial.length <= this.options.maxHeaderBytes) {
        this.carry = Buffer.from(partial);
        return;
      }
      this.cutBlock(at);
      this.skipping = true;
      return;
    }
    if (this.mode === 'preamble') {
      if (partial.length > MAX_SEPARATOR_BYTES) throw notAnMbox(this.preambleLines + 1);
      this.carry = Buffer.from(partial);
      return;
    }
    // A body line reaches here only when it begins with "From ": past an envelope's length it is text.
    if (partial.length <= MAX_SEPARATOR_BYTES) this.carry = Buffer.from(partial);
    else this.skipping = true;
  }

  private line(line: Buffer, at: number): void {
    const blank = line.length === 0;
    switch (this.mode) {
      case 'preamble':
        if (blank) {
          this.preambleLines++;
          return;
        }
        if (!startsWithFrom(line) || line.length > MAX_SEPARATOR_BYTES)
          throw notAnMbox(this.preambleLines + 1);
        this.startBlock(line, at);
        return;
      case 'body':
        if (
          startsWithFrom(line) &&
          line.length <= MAX_SEPARATOR_BYTES &&
          (this.prevBlank || isEnvelope(line))
        ) {
          this.startBlock(line, at);
        } else {
          this.prevBlank = blank;
        }
        return;
      case 'headers':
        this.headerLine(line, at, blank);
        return;
    }
  }

  private headerLine(line: Buffer, at: number, blank: boolean): void {
    const block = this.block;
    if (!block) return;
    if (blank) {
      if (block.bytes === 0) this.notAMessage();
      else this.finishBlock();
      this.mode = 'body';
      this.prevBlank = true;
      return;
    }
    if (startsWithFrom(line)) {
      // A field name has no space: this is the next separator, after a message with no body.
      this.finishBlock();
      this.startBlock(line, at);
      return;
    }
    if (block.bytes + line.length > this.options.maxHeaderBytes) {
      this.cutBlock(at);
      this.prevBlank = false;
      return;
    }
    const first = line[0];
    if ((first === SPACE || first === TAB) && block.bytes > 0) {
      // Folded (RFC 5322 section 2.2.3); a field that is not wanted keeps its folds unread.
      block.bytes += line.length;
      this.lastField?.lines.push(Buffer.from(line));
      return;
    }
    const name = fieldName(line);
    if (name === null) {
      if (block.bytes === 0) {
        this.notAMessage();
      } else {
        this.problem(at, 'the headers end without a blank line; read on from here as the body');
        this.finishBlock();
      }
      this.mode = 'body';
      this.prevBlank = false;
      return;
    }
    block.bytes += line.length;
    if (KEPT_FIELDS.has(name)) {
      this.lastField = { name, lines: [Buffer.from(line)], offset: at };
      block.fields.push(this.lastField);
    } else {
      this.lastField = null;
    }
  }

  private startBlock(line: Buffer, at: number): void {
    this.mode = 'headers';
    const envelope = isEnvelope(line);
    this.block = {
      offset: at,
      envelope,
      envelopeDate: envelope ? envelopeDate(line) : null,
      fields: [],
      bytes: 0,
    };
    this.lastField = null;
  }

  private finishBlock(): void {
    const block = this.block;
    this.block = null;
    this.lastField = null;
    if (!block) return;
    if (!block.envelope && this.messages > 0 && !block.fields.some(isFromOrDate)) {
      // After a blank line but with no date of its own: "From " began a paragraph, and what
      // looked like headers were body lines ("Subject: …" in the text) of the message before.
      this.takeBack(block);
      return;
    }
    if (block.bytes === 0) {
      this.skippedCount++;
      this.options.onProblem({
        message: null,
        offset: block.offset,
        text: 'a "From " line begins a message with no headers; skipped',
      });
      return;
    }
    this.messages++;
    this.ready.push({
      index: this.messages,
      offset: block.offset,
      fields: block.fields,
      envelopeDate: block.envelopeDate,
    });
  }

  /** The header block outgrew the limit: what was read of it stands, the rest is body. */
  private cutBlock(at: number): void {
    if (!this.block) return;
    this.problem(
      at,
      `the headers are longer than ${Math.round(this.options.maxHeaderBytes / 1024)} KB; cut here`,
    );
    this.finishBlock();
    this.mode = 'body';
  }

  /**
   * What followed a "From " line is not a header: an unquoted body line of the message before,
   * unless the line looked like a real envelope (then a message with no headers, skipped).
   */
  private notAMessage(): void {
    const block = this.block;
    if (!block) return;
    if (block.envelope || this.messages === 0) {
      this.finishBlock();
      return;
    }
    this.block = null;
    this.lastField = null;
    this.takeBack(block);
  }

  private takeBack(block: OpenBlock): void {
    this.options.onProblem({
      message: this.messages,
      offset: block.offset,
      text: `a body line begins with "From " unquoted and no message follows it; read as part of message ${this.messages}`,
    });
  }

  /** About the block being read: it is numbered when it completes, as the next message. */
  private problem(at: number, text: string): void {
    this.options.onProblem({ message: this.messages + 1, offset: at, text });
  }
}

const isFromOrDate = (field: RawField) => field.name === 'from' || field.name === 'date';

const notAnMbox = (line: number) =>
  new MboxFormatError(`not an mbox file: line ${line} should begin a message with a "From " line`, line);

function startsWithFrom(line: Buffer): boolean {
  return line.length >= FROM_.length && line.compare(FROM_, 0, FROM_.length, 0, FROM_.length) === 0;
}

/** "From " at `pos`, or as much of it as the data holds. */
function mayBeginWithFrom(data: Buffer, pos: number): boolean {
  const n = Math.min(FROM_.length, data.length - pos);
  return n > 0 && data.compare(FROM_, 0, n, pos, pos + n) === 0;
}

/** Whether the line that ends at the LF at `lf` is empty (or a lone CR); `start` is a line start. */
function blankLineEndingAt(data: Buffer, start: number, lf: number): boolean {
  if (lf === start) return true;
  const before = data[lf - 1];
  if (before === LF) return true;
  if (before !== CR) return false;
  return lf - 1 === start || data[lf - 2] === LF;
}

function isEnvelope(line: Buffer): boolean {
  return ENVELOPE.test(line.toString('latin1'));
}

/** "From sender date": what follows the sender (one word, RFC 4155 section 2) is the date. */
function envelopeDate(line: Buffer): string | null {
  const date = line
    .toString('latin1')
    .replace(/^From \S*[ \t]+/, '')
    .trim();
  return date === '' ? null : date;
}

/**
 * The field name before the colon, lower-cased (RFC 5322 section 3.6.8: printable ASCII but the
 * colon; section 4.5.4 allows spaces before it), or null when the line is not a header field.
 */
function fieldName(line: Buffer): string | null {
  let i = 0;
  for (; i < line.length; i++) {
    const c = line[i] ?? 0;
    if (c === COLON || c === SPACE || c === TAB) break;
    if (c < 0x21 || c > 0x7e) return null;
  }
  if (i === 0) return null;
  let j = i;
  while (j < line.length && (line[j] === SPACE || line[j] === TAB)) j++;
  if (line[j] !== COLON) return null;
  return line.toString('latin1', 0, i).toLowerCase();
}
