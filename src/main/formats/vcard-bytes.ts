import { isUtf8 } from 'node:buffer';
import type { ImportProblem } from './record.ts';

/**
 * vCard files that are not valid UTF-8 as a whole, made UTF-8 card by card, on their bytes.
 *
 * Folding is defined on octets (RFC 6350 §3.2), and some writers (ownCloud) fold in the middle
 * of a multi-byte UTF-8 character: the file is then not UTF-8, and read as Windows-1252 every
 * Greek or Cyrillic name becomes "Î²Î³Î´". So folds are mended on the octets before anything is
 * decoded. And an address book merged from several sources may hold a few Windows-1252 cards
 * among UTF-8 ones, so each card is judged on its own: UTF-8 when its bytes are, else
 * Windows-1252 (re-encoded as UTF-8, with a warning). The output is UTF-8 bytes with the same
 * lines, for the decoder every file goes through (read.ts, decode.ts).
 */

const windows1252 = new TextDecoder('windows-1252');
const encoder = new TextEncoder();

const LF = 0x0a;
const CR = 0x0d;
const isFoldSpace = (b: number | undefined) => b === 0x20 || b === 0x09;
const isContinuation = (b: number | undefined) => b !== undefined && (b & 0xc0) === 0x80;

/** Bytes a UTF-8 sequence starting with `lead` has (0: not a lead byte). */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Each fold that splits a character moved to just after it: `CE` CRLF SP `B2` becomes `CE B2`
 * CRLF SP. Unfolding then gives the octets unfolding first would, and every card keeps its
 * physical lines for the problems it reports. Changes `bytes` in place.
 */
export function mendSplitFolds(bytes: Uint8Array): Uint8Array {
  for (let i = bytes.indexOf(LF); i !== -1; i = bytes.indexOf(LF, i + 1)) {
    if (!isFoldSpace(bytes[i + 1])) continue;
    const lineEnd = i > 0 && bytes[i - 1] === CR ? i - 1 : i;
    // Back over the continuation bytes the line ends with, to the lead byte of its last character.
    let lead = lineEnd - 1;
    while (lead >= 0 && lineEnd - lead <= 3 && isContinuation(bytes[lead])) lead--;
    if (lead < 0) continue;
    const missing = sequenceLength(bytes[lead] as number) - (lineEnd - lead);
    if (missing <= 0) continue;
    const rest = i + 2;
    let found = 0;
    while (found < missing && isContinuation(bytes[rest + found])) found++;
    if (found < missing) continue;
    const tail = bytes.slice(rest, rest + missing);
    bytes.copyWithin(lineEnd + missing, lineEnd, rest);
    bytes.set(tail, lineEnd);
    i += missing;
  }
  return bytes;
}

/** `BEGIN:VCARD` (a group prefix allowed) at the start of a line, searched on the bytes as Latin-1. */
const BEGIN_LINE = /^[ \t]*(?:[a-z0-9-]+\.)?begin:vcard[ \t]*\r?$/gim;
const IS_BEGIN_LINE = /^[ \t]*(?:[a-z0-9-]+\.)?begin:vcard[ \t]*\r?\n?$/i;
/** Enough of a chunk's end to hold a BEGIN line cut by the chunk boundary. */
const OVERLAP = 80;
/** Lines a BEGIN:VCARD is looked for in, as format detection does (detect.ts, csv-header.ts). */
const DETECTION_LINES = 10;
/** Cards listed in problems before one summary stands for the rest. */
const MAX_CARD_WARNINGS = 20;

const latin1 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(LF); i !== -1; i = bytes.indexOf(LF, i + 1)) n++;
  return n;
}

const warning = (line: number, message: string): ImportProblem => ({
  line,
  column: null,
  message,
  severity: 'warning',
});

/**
 * A file that is not UTF-8, made UTF-8 chunk by chunk for the decoder (read.ts). A vCard file
 * (a BEGIN:VCARD among its first lines, or the format chosen) is mended and judged card by
 * card, each card given out once the next one begins; anything else is Windows-1252 throughout,
 * as decode.ts decided, given out as it comes.
 */
export class VcardTranscoder {
  readonly #fileProblems: readonly ImportProblem[];
  #mode: 'undecided' | 'cards' | 'plain';
  #bom: number;
  #pending: Uint8Array = new Uint8Array(0);
  /** Where in #pending a BEGIN line was not looked for yet. */
  #scanned = 0;
  /** The physical line #pending starts on. */
  #line = 1;
  #cards = 0;
  readonly #notUtf8: number[] = [];

  /**
   * `bom`: bytes of BOM the file starts with (dropped here). `fileProblems`: the warnings
   * decode.ts gave the file as a whole, which stand unless it turns out to be a vCard file.
   */
  constructor(options: { bom: number; fileProblems: readonly ImportProblem[]; vcard: boolean }) {
    this.#bom = options.bom;
    this.#fileProblems = options.fileProblems;
    this.#mode = options.vcard ? 'cards' : 'undecided';
  }

  write(chunk: Uint8Array): Uint8Array {
    let bytes = chunk;
    if (this.#bom > 0) {
      const n = Math.min(this.#bom, bytes.length);
      bytes = bytes.subarray(n);
      this.#bom -= n;
    }
    if (this.#mode === 'plain') return encoder.encode(windows1252.decode(bytes));
    this.#pending = this.#pending.length ? Buffer.concat([this.#pending, bytes]) : Uint8Array.from(bytes);
    if (this.#mode === 'undecided') {
      this.#mode = this.#decide(false);
      if (this.#mode === 'undecided') return new Uint8Array(0);
      if (this.#mode === 'plain') return this.#flushPlain();
    }
    // From the start of a line: a match must begin one.
    const from = this.#pending.lastIndexOf(LF, Math.max(0, this.#scanned - OVERLAP)) + 1;
    let cut = 0;
    // Latin-1 is one character per byte, so match indexes are byte offsets.
    for (const m of latin1(this.#pending.subarray(from)).matchAll(BEGIN_LINE)) {
      if (from + m.index > 0) cut = from + m.index;
    }
    this.#scanned = this.#pending.length;
    return cut === 0 ? new Uint8Array(0) : this.#cardsUpTo(cut);
  }

  end(): Uint8Array {
    if (this.#mode === 'undecided') this.#mode = this.#decide(true);
    if (this.#mode === 'plain') return this.#flushPlain();
    return this.#pending.length ? this.#cardsUpTo(this.#pending.length) : new Uint8Array(0);
  }

  /** A warning per card read as Windows-1252, or decode.ts's for the file when every card was. */
  problems(): ImportProblem[] {
    const lines = this.#notUtf8;
    if (this.#mode !== 'cards') return [...this.#fileProblems];
    if (lines.length === 0) return [];
    // Every card: the file's warning, at its first byte that is not UTF-8.
    if (lines.length >= this.#cards) return [...this.#fileProblems];
    const listed = lines
      .slice(0, MAX_CARD_WARNINGS)
      .map((line) =>
        warning(
          line,
          'This card is not UTF-8 like the rest of the file; it was read as Windows-1252 (Western European). Check accented letters.',
        ),
      );
    if (lines.length > MAX_CARD_WARNINGS) {
      listed.push(
        warning(
          lines[MAX_CARD_WARNINGS] as number,
          `${lines.length - MAX_CARD_WARNINGS} more cards were read as Windows-1252 too.`,
        ),
      );
    }
    return listed;
  }

  /** 'cards' once a BEGIN line is among the first lines, 'plain' once they are past without one. */
  #decide(atEnd: boolean): 'undecided' | 'cards' | 'plain' {
    let lines = 0;
    let start = 0;
    const p = this.#pending;
    while (lines < DETECTION_LINES) {
      const nl = p.indexOf(LF, start);
      if (nl === -1 && !atEnd) return 'undecided';
      const end = nl === -1 ? p.length : nl + 1;
      const line = latin1(p.subarray(start, end));
      if (line.trim() !== '') {
        if (IS_BEGIN_LINE.test(line)) return 'cards';
        lines++;
      }
      if (nl === -1) break;
      start = end;
    }
    return 'plain';
  }

  #flushPlain(): Uint8Array {
    const out = encoder.encode(windows1252.decode(this.#pending));
    this.#pending = new Uint8Array(0);
    return out;
  }

  /** The cards in #pending before `cut`, each mended and made UTF-8. */
  #cardsUpTo(cut: number): Uint8Array {
    const done = mendSplitFolds(this.#pending.subarray(0, cut));
    this.#pending = this.#pending.slice(cut);
    this.#scanned = Math.max(0, this.#scanned - cut);
    const starts = [0];
    for (const m of latin1(done).matchAll(BEGIN_LINE)) if (m.index > 0) starts.push(m.index);
    starts.push(done.length);
    const parts: Uint8Array[] = [];
    for (let k = 0; k + 1 < starts.length; k++) {
      const card = done.subarray(starts[k], starts[k + 1]);
      // Text before the first card is not one (though it is judged like one).
      const firstLine = card.subarray(0, card.indexOf(LF) + 1 || card.length);
      if (k > 0 || IS_BEGIN_LINE.test(latin1(firstLine))) this.#cards++;
      if (isUtf8(card)) {
        parts.push(card);
      } else {
        this.#notUtf8.push(this.#line);
        parts.push(encoder.encode(windows1252.decode(card)));
      }
      this.#line += countLines(card);
    }
    return parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts);
  }
}
