/**
 * CSV records from text that arrives in chunks, each with the line it starts on, and a way back
 * from a stray quote.
 *
 * Why not csv-parse here (it still splits the header lines, csv-header.ts): a `"` that opens a
 * value and never closes is only an error at the end of the input, after csv-parse has taken
 * everything since into that one value (a 50,000-row LinkedIn file read as 9 rows), and neither
 * its sync nor its stream API says where that record began in the source or lets reading resume
 * at the line after it. Recovering needs the bytes of the record and its first line, which this
 * reader keeps. It reads exactly what csv-parse was asked to read (comma, `"` quotes with `""` as
 * an escape, `\n` line ends after decode.ts, relax_quotes), and the fuzz test compares the two.
 *
 * A record is accepted when it ends on the line it starts on, or, when a quoted value runs over
 * line ends (a note, a Google address), when it has the header's shape, closes that value with a
 * quote before a delimiter, and does not look like rows of the table taken in between two stray
 * quotes. A value over several lines in the first column can look exactly like that; no export
 * this app reads puts one there (names come first). Otherwise the quote that opened the value was a stray one: its first
 * line is reported in full and reading goes on at the next line that reads as a row.
 */

const COMMA = 0x2c;
const QUOTE = 0x22;
const NL = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;

/** Far longer than any contact's row (notes are cut at 50,000 characters): a quote that never closed. */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;
/** How much of an unreadable line a problem quotes: every real row in full. */
const MAX_SHOWN_BYTES = 2000;

export interface CsvRow {
  /** Physical line where the row starts (a quoted value may span several). */
  line: number;
  /** As in the file, untrimmed; may be shorter than the header. */
  cells: string[];
}

export type Unreadable =
  /** The file ends inside a quoted value (`quote` is where that value opens). */
  | { kind: 'never-closed'; quote: Position }
  /**
   * A quoted value runs over line ends into a record that is no row: of another shape than the
   * header, taking in lines that read as rows, or closed by a quote in the middle of a value.
   */
  | { kind: 'runs-on'; quote: Position; toLine: number; cells: number; why: 'shape' | 'swallowed' | 'loose' }
  /** A record longer than MAX_RECORD_BYTES. */
  | { kind: 'too-long' }
  /** After an unreadable line, a line that does not read as a row by itself. */
  | { kind: 'not-a-row'; after: number; cells: number | null };

export interface Position {
  line: number;
  /** 1-based character in that line. */
  column: number;
}

export interface UnreadableLine {
  line: number;
  /** The line as in the file, up to MAX_SHOWN_BYTES. */
  text: string;
  /** When `text` was cut: the line's length in bytes, or as much of it as was seen (`partial`). */
  cut: { bytes: number; partial: boolean } | null;
  reason: Unreadable;
}

export interface CsvRecordSink {
  row(row: CsvRow): void;
  unreadable(line: UnreadableLine): void;
}

const State = {
  FieldStart: 0,
  Unquoted: 1,
  Quoted: 2,
  /** Just after a `"` inside a quoted value: an escape, the end of the value, or a stray quote. */
  Quote: 3,
  /** After a closing quote: spaces until the delimiter. */
  After: 4,
} as const;
type State = (typeof State)[keyof typeof State];

type Mode = 'records' | 'seek' | 'skip-line';

/** A line's shape when read alone: its number of values, whether a quote is left open, the last non-blank value. */
interface Shape {
  cells: number;
  open: boolean;
  filled: number;
}

export class CsvRecordReader {
  private store: Buffer = Buffer.allocUnsafe(128 * 1024);
  private used = 0;
  /** The bytes not yet read: store up to used. */
  private buf: Buffer = this.store.subarray(0, 0);
  /** Where the current record (or, seeking, the current line) starts in buf. */
  private start = 0;
  private pos = 0;
  private line: number;
  private mode: Mode = 'records';
  /** The unreadable line that started a seek. */
  private seekAfter = 0;

  private state: State = State.FieldStart;
  private cells: string[] = [];
  private cellStart = 0;
  private escaped = false;
  private quoteAt = -1;
  private quoteEnd = -1;
  /** Opening quote of the first value that ran over a line end, -1 when none did. */
  private spanQuote = -1;
  private newlines = 0;
  /** A quote was followed by text, not a delimiter, after a value ran over a line end. */
  private loose = false;

  private readonly columns: number;
  private readonly sink: CsvRecordSink;

  constructor(columns: number, firstLine: number, sink: CsvRecordSink) {
    this.columns = columns;
    this.sink = sink;
    this.line = firstLine;
  }

  write(text: string): void {
    if (text === '') return;
    // What is already read goes; the record in progress moves to the front of a buffer that
    // doubles when it must, so a long record is copied a few times, not once per chunk.
    const shift = this.start;
    const kept = this.used - shift;
    const bytes = Buffer.byteLength(text, 'utf8');
    if (kept + bytes > this.store.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.store.length * 2, kept + bytes));
      this.store.copy(grown, 0, shift, this.used);
      this.store = grown;
    } else if (shift > 0) {
      this.store.copy(this.store, 0, shift, this.used);
    }
    this.used = kept + this.store.write(text, kept, 'utf8');
    this.buf = this.store.subarray(0, this.used);
    this.start = 0;
    this.pos -= shift;
    this.cellStart -= shift;
    if (this.quoteAt >= 0) this.quoteAt -= shift;
    if (this.quoteEnd >= 0) this.quoteEnd -= shift;
    if (this.spanQuote >= 0) this.spanQuote -= shift;
    this.run(false);
  }

  end(): void {
    this.run(true);
  }

  private run(final: boolean): void {
    for (;;) {
      if (this.mode === 'records') {
        if (!this.scan(final)) return;
      } else if (this.mode === 'seek') {
        if (!this.seek(final)) return;
      } else if (!this.skipLine(final)) {
        return;
      }
    }
  }

  /** Reads records from pos; true when the mode changed and run() should go on. */
  private scan(final: boolean): boolean {
    const b = this.buf;
    const len = b.length;
    let p = this.pos;
    while (p < len) {
      const c = b[p] as number;
      switch (this.state) {
        case State.FieldStart:
          this.cellStart = p;
          if (c === QUOTE) {
            this.quoteAt = p;
            this.escaped = false;
            this.state = State.Quoted;
            p++;
            continue;
          }
          this.state = State.Unquoted;
          break;
        case State.Quoted: {
          for (; p < len; p++) {
            const q = b[p] as number;
            if (q === QUOTE) break;
            if (q === NL) {
              this.newlines++;
              if (this.spanQuote < 0) this.spanQuote = this.quoteAt;
            }
          }
          if (p < len) {
            this.state = State.Quote;
            p++;
          }
          continue;
        }
        case State.Quote:
          if (c === QUOTE) {
            this.escaped = true;
            this.state = State.Quoted;
            p++;
            continue;
          }
          this.quoteEnd = p - 1;
          this.state = State.After;
          break;
        default:
          break;
      }
      if (this.state === State.After) {
        if (c === SPACE || c === TAB) {
          p++;
          continue;
        }
        if (c === COMMA || c === NL) {
          const raw = this.text(this.cellStart + 1, this.quoteEnd);
          this.cells.push(this.escaped ? raw.replaceAll('""', '"') : raw);
          this.state = State.FieldStart;
          if (c === NL && !this.endRecord(p)) return true;
          p = c === NL ? this.start : p + 1;
          continue;
        }
        // Text after a closing quote (`"Bob" Smith`): the value is read as written, quotes and
        // all. After a line end inside quotes it means the quote that opened was a stray one.
        if (this.newlines > 0) this.loose = true;
        this.state = State.Unquoted;
      }
      // Unquoted: a `"` here is part of the value (relax_quotes).
      for (; p < len; p++) {
        const u = b[p] as number;
        if (u === COMMA || u === NL) break;
      }
      if (p === len) break;
      this.cells.push(this.text(this.cellStart, p));
      this.state = State.FieldStart;
      if (b[p] === NL) {
        if (!this.endRecord(p)) return true;
        p = this.start;
      } else {
        p++;
      }
    }
    this.pos = p;
    if (!final) {
      if (len - this.start > MAX_RECORD_BYTES) {
        this.fail({ kind: 'too-long' });
        return true;
      }
      return false;
    }
    return this.endOfInput();
  }

  /** The input ended inside a record; true when the mode changed. */
  private endOfInput(): boolean {
    const len = this.buf.length;
    if (this.state === State.Quoted) {
      this.fail({ kind: 'never-closed', quote: this.position(this.quoteAt) });
      return true;
    }
    if (this.state === State.FieldStart && this.cells.length === 0 && this.start >= len) return false;
    if (this.state === State.Quote || this.state === State.After) {
      if (this.state === State.Quote) this.quoteEnd = len - 1;
      const raw = this.text(this.cellStart + 1, this.quoteEnd);
      this.cells.push(this.escaped ? raw.replaceAll('""', '"') : raw);
    } else {
      this.cells.push(this.state === State.FieldStart ? '' : this.text(this.cellStart, len));
    }
    this.state = State.FieldStart;
    if (!this.endRecord(len)) return true;
    return false;
  }

  /** A record ends at `at` (its \n, or the end of input). False when it was refused. */
  private endRecord(at: number): boolean {
    const cells = this.cells;
    if (this.newlines > 0) {
      const why = this.loose
        ? 'loose'
        : !this.rowShaped(shapeOfCells(cells))
          ? 'shape'
          : this.swallowsRow(this.start, at) || this.strayPair(at)
            ? 'swallowed'
            : null;
      if (why) {
        this.fail({
          kind: 'runs-on',
          quote: this.position(this.spanQuote),
          toLine: this.line + this.newlines,
          cells: cells.length,
          why,
        });
        return false;
      }
    }
    this.sink.row({ line: this.line, cells });
    this.line += this.newlines + 1;
    this.start = at + 1;
    this.resetRecord();
    return true;
  }

  private resetRecord(): void {
    this.cells = [];
    this.state = State.FieldStart;
    this.newlines = 0;
    this.loose = false;
    this.spanQuote = -1;
    this.quoteAt = -1;
    this.quoteEnd = -1;
    this.pos = this.start;
  }

  /** Reports the current record's first line and goes on after it, looking for the next row. */
  private fail(reason: Unreadable): void {
    const nl = this.buf.indexOf(NL, this.start);
    this.report(this.start, nl === -1 ? this.buf.length : nl, reason, nl === -1);
    this.seekAfter = this.line;
    this.resetRecord();
    if (nl === -1) {
      // The record is one line longer than any limit: drop the rest of it as it comes.
      this.start = this.buf.length;
      this.mode = 'skip-line';
    } else {
      this.start = nl + 1;
      this.line += 1;
      this.mode = 'seek';
    }
    this.pos = this.start;
  }

  /** Line by line after an unreadable one, until a line reads as a row. True when the mode changed. */
  private seek(final: boolean): boolean {
    const b = this.buf;
    while (this.start < b.length) {
      const nl = b.indexOf(NL, this.start);
      if (nl === -1 && !final) {
        if (b.length - this.start > MAX_RECORD_BYTES) {
          this.report(this.start, b.length, { kind: 'too-long' }, true);
          this.start = b.length;
          this.mode = 'skip-line';
          return true;
        }
        return false;
      }
      const end = nl === -1 ? b.length : nl;
      if (!isBlank(b, this.start, end)) {
        const shape = lineShape(b, this.start, end, 0);
        if (this.rowShaped(shape)) {
          this.mode = 'records';
          this.pos = this.start;
          return true;
        }
        this.report(this.start, end, {
          kind: 'not-a-row',
          after: this.seekAfter,
          cells: shape.open ? null : shape.cells,
        });
      }
      this.start = end + 1;
      this.line += 1;
    }
    this.pos = this.start;
    return false;
  }

  /** Drops bytes up to the end of an overlong line, then seeks. */
  private skipLine(final: boolean): boolean {
    const nl = this.buf.indexOf(NL, this.start);
    if (nl === -1) {
      this.start = this.buf.length;
      return false;
    }
    this.start = nl + 1;
    this.line += 1;
    this.mode = 'seek';
    return final || true;
  }

  /** `partial`: the line goes on past `to` (it is dropped as it comes). */
  private report(from: number, to: number, reason: Unreadable, partial = false): void {
    const cut = partial || to - from > MAX_SHOWN_BYTES;
    const end = to - from > MAX_SHOWN_BYTES ? charBoundary(this.buf, from + MAX_SHOWN_BYTES) : to;
    this.sink.unreadable({
      line: this.line,
      text: this.text(from, end),
      cut: cut ? { bytes: to - from, partial } : null,
      reason,
    });
  }

  /** The header's number of values, or more when the extra ones are blank (a trailing comma). */
  private rowShaped(shape: Shape): boolean {
    return (
      !shape.open &&
      (shape.cells === this.columns || (shape.cells > this.columns && shape.filled <= this.columns))
    );
  }

  /**
   * Whether a line strictly inside the record [from, to) reads as a row by itself: a stray quote
   * took it in. A stray's value closes at the next lone quote, so the lines it takes in hold
   * only `""` pairs and read alone as they are; other lines belong to real values (its last line
   * is strayPair's).
   */
  private swallowsRow(from: number, to: number): boolean {
    const b = this.buf;
    let lineStart = b.indexOf(NL, from) + 1;
    for (let nl = b.indexOf(NL, lineStart); nl !== -1 && nl < to; nl = b.indexOf(NL, lineStart)) {
      if (quotesPaired(b, lineStart, nl) && this.rowShaped(lineShape(b, lineStart, nl, this.columns)))
        return true;
      lineStart = nl + 1;
    }
    return false;
  }

  /**
   * Whether the value that ran over line ends is two stray quotes and the rows between: its
   * first line without the opening quote reads as a row, and its last line has a row's commas.
   * (A real note or address leaves its first line short of the later columns, or, in the last
   * column, ends on a line of the note, not of the table.)
   */
  private strayPair(to: number): boolean {
    const b = this.buf;
    if (this.spanQuote < 0) return false;
    const firstEnd = b.indexOf(NL, this.start);
    const withoutQuote = Buffer.concat([
      b.subarray(this.start, this.spanQuote),
      b.subarray(this.spanQuote + 1, firstEnd),
    ]);
    if (!this.rowShaped(lineShape(withoutQuote, 0, withoutQuote.length, this.columns))) return false;
    let commas = 0;
    for (let i = b.lastIndexOf(NL, to - 1) + 1; i < to; i++) if (b[i] === COMMA) commas++;
    return commas + 1 >= this.columns;
  }

  /** Line and character of a byte of the current record. */
  private position(at: number): Position {
    let line = this.line;
    let lineStart = this.start;
    for (
      let nl = this.buf.indexOf(NL, lineStart);
      nl !== -1 && nl < at;
      nl = this.buf.indexOf(NL, lineStart)
    ) {
      line++;
      lineStart = nl + 1;
    }
    return { line, column: this.text(lineStart, Math.max(lineStart, at)).length + 1 };
  }

  private text(from: number, to: number): string {
    return to <= from ? '' : this.buf.toString('utf8', from, to);
  }
}

function isBlank(b: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = b[i];
    if (c !== SPACE && c !== TAB && c !== 0x0d) return false;
  }
  return true;
}

/** Whether every quote in [from, to) is one of a `""` pair. */
function quotesPaired(b: Buffer, from: number, to: number): boolean {
  for (let i = b.indexOf(QUOTE, from); i !== -1 && i < to; i = b.indexOf(QUOTE, i + 2)) {
    if (i + 1 >= to || b[i + 1] !== QUOTE) return false;
  }
  return true;
}

/** Back to the start of a UTF-8 sequence, so a cut never splits a character. */
function charBoundary(b: Buffer, at: number): number {
  let i = at;
  while (i > 0 && ((b[i] as number) & 0xc0) === 0x80) i--;
  return i;
}

function shapeOfCells(cells: readonly string[]): Shape {
  let filled = 0;
  cells.forEach((c, i) => {
    if (c.trim() !== '') filled = i + 1;
  });
  return { cells: cells.length, open: false, filled };
}

const NO_ROW: Shape = { cells: 0, open: true, filled: 0 };

/**
 * The shape of one line read alone. With `columns`, a line with too few commas to have that
 * many values is answered at once (the lines of a note).
 */
function lineShape(b: Buffer, from: number, to: number, columns: number): Shape {
  if (columns > 1) {
    let commas = 0;
    for (let i = from; i < to; i++) if (b[i] === COMMA) commas++;
    if (commas + 1 < columns) return NO_ROW;
  }
  let cells = 0;
  let filled = 0;
  let state: State = State.FieldStart;
  let blank = true;
  for (let i = from; i <= to; i++) {
    const c = i === to ? COMMA : (b[i] as number);
    switch (state) {
      case State.FieldStart:
        blank = true;
        if (c === QUOTE) {
          state = State.Quoted;
          continue;
        }
        state = State.Unquoted;
        break;
      case State.Quoted:
        if (i === to) break;
        if (c === QUOTE) state = State.Quote;
        else blank = false;
        continue;
      case State.Quote:
        if (c === QUOTE) {
          blank = false;
          state = State.Quoted;
          continue;
        }
        state = State.After;
        break;
      default:
        break;
    }
    if (state === State.Quoted) return { cells: cells + 1, open: true, filled };
    if (c === COMMA) {
      cells++;
      if (!blank) filled = cells;
      state = State.FieldStart;
    } else if (state === State.After) {
      if (c !== SPACE && c !== TAB) {
        state = State.Unquoted;
        blank = false;
      }
    } else if (c !== SPACE && c !== TAB) {
      blank = false;
    }
  }
  return { cells, open: false, filled };
}
