import { decodeQuotedPrintable } from './quoted-printable.ts';
import type { ImportProblem } from './record.ts';

/**
 * What ical.js needs done before it sees a card. It parses one RFC 6350/2426 content line at a
 * time but knows nothing of the files people actually have: many cards per file, cards cut
 * short, and Android's vCard 2.1 (quoted-printable with soft line breaks, bare type parameters).
 */

/** One unfolded property line and the physical line it starts on. */
export interface ContentLine {
  text: string;
  line: number;
}

export interface RawCard {
  /** Line of BEGIN:VCARD. */
  line: number;
  version: string;
  lines: ContentLine[];
}

export interface CardSplit {
  cards: RawCard[];
  /** Cards seen, complete or not. */
  seen: number;
  problems: ImportProblem[];
}

/**
 * A group prefix may stand even before BEGIN and END (`home.BEGIN:VCARD`, seen in the wild and
 * allowed by the grammar of RFC 6350 §3.3); the card is the same.
 */
export const BEGIN_VCARD = /^(?:[a-z0-9-]+\.)?begin:vcard$/i;
const END = /^(?:[a-z0-9-]+\.)?end:vcard$/i;
const PROPERTY_START = /^[a-z0-9-]+(?:\.[a-z0-9-]+)?[;:]/i;
/**
 * Media the app does not keep. Dropped here, before any parsing: a 2.1 base64 PHOTO continues
 * on indented lines and ends with a blank line (not RFC folding), and a photo can be megabytes.
 */
const IGNORED_PROPERTY = /^(?:[a-z0-9-]+\.)?(?:photo|logo|sound|key)[;:]/i;
const QUOTED_PRINTABLE = /;(?:encoding=)?quoted-printable(?=[;:])/i;
const VERSION = /^(?:[a-z0-9-]+\.)?version:\s*(\S+)/i;

const isQuotedPrintable = (text: string): boolean => {
  const colon = text.indexOf(':');
  return QUOTED_PRINTABLE.test(colon === -1 ? text : text.slice(0, colon + 1));
};

/**
 * Splits a file into cards of unfolded content lines. RFC folding (a continuation line starts
 * with a space or tab) is undone here, and so is Android's quoted-printable soft break: a line
 * ending in '=' continues on the next line *without* a leading space, which RFC unfolding does
 * not see, so parsers that only unfold reject these cards.
 */
export function splitCards(text: string): CardSplit {
  const physical = text.split('\n');
  const cards: RawCard[] = [];
  const problems: ImportProblem[] = [];
  let seen = 0;
  let card: RawCard | null = null;
  // The content line being unfolded, as pieces joined once it is complete: appending to one
  // string and trimming its soft-break '=' would copy it again for each of thousands of lines.
  let pieces: string[] = [];
  let start = 0;
  let qp = false;
  let softBreak = false;
  let skipping = false;
  let strayReported = false;
  let junkReported = false;

  const flush = () => {
    if (card && pieces.length > 0) card.lines.push({ text: pieces.join(''), line: start });
    pieces = [];
    softBreak = false;
  };
  const append = (piece: string) => {
    softBreak = qp && piece.endsWith('=');
    pieces.push(softBreak ? piece.slice(0, -1) : piece);
  };

  const cut = (c: RawCard) =>
    problems.push({
      line: c.line,
      column: null,
      severity: 'error',
      message: 'This card has no END:VCARD (the file was cut short?); it was not imported.',
    });

  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i]!;
    const line = i + 1;
    const trimmed = raw.trim();

    if (BEGIN_VCARD.test(trimmed)) {
      if (card) cut(card);
      pieces = [];
      softBreak = false;
      card = { line, version: '3.0', lines: [] };
      skipping = false;
      junkReported = false;
      strayReported = false;
      seen++;
      continue;
    }
    if (!card) {
      if (trimmed !== '' && !strayReported) {
        problems.push({
          line,
          column: null,
          severity: 'warning',
          message: 'Text outside BEGIN:VCARD … END:VCARD was ignored.',
        });
        strayReported = true;
      }
      continue;
    }
    if (END.test(trimmed)) {
      flush();
      cards.push(card);
      card = null;
      continue;
    }
    if (softBreak) {
      append(raw);
      continue;
    }
    if (raw.startsWith(' ') || raw.startsWith('\t')) {
      if (pieces.length > 0) append(raw.slice(1));
      continue;
    }
    if (trimmed === '') continue;
    if (PROPERTY_START.test(raw)) {
      flush();
      skipping = IGNORED_PROPERTY.test(raw);
      if (skipping) continue;
      start = line;
      qp = isQuotedPrintable(raw);
      append(raw);
      const version = VERSION.exec(raw);
      if (version) card.version = version[1]!;
      continue;
    }
    // 2.1 base64 written without indentation still belongs to the photo being skipped. Otherwise
    // one warning per card: a card of garbage is one problem, not thousands.
    if (!skipping && !junkReported) {
      problems.push({
        line,
        column: null,
        severity: 'warning',
        message: `${JSON.stringify(trimmed.slice(0, 40))} is not a vCard property; it was ignored (and any more such lines in this card).`,
      });
      junkReported = true;
    }
  }
  if (card) cut(card);
  return { cards, seen, problems };
}

/** 2.1 writes a parameter's value alone ("TEL;CELL;VOICE:"); 3.0 and ical.js need "TYPE=CELL". */
const ENCODINGS = new Set(['quoted-printable', 'base64', 'b', '8bit', '7bit']);

/** The name and parameters (split at ';') and the value (after the first ':'), outside double quotes. */
function splitHead(line: string): { params: string[]; value: string } {
  const params: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ';') {
      params.push(line.slice(start, i));
      start = i + 1;
    } else if (!quoted && c === ':') {
      params.push(line.slice(start, i));
      return { params, value: line.slice(i + 1) };
    }
  }
  params.push(line.slice(start));
  return { params, value: '' };
}

/** Real parameter lists are a few dozen characters. */
const MAX_HEAD_LENGTH = 2000;

/** Properties whose commas separate values in every version. */
const LIST_PROPERTIES = /^(?:[a-z0-9-]+\.)?(?:categories|nickname)$/i;
/**
 * 2.1 values have no escapes except "\;" inside compound values; 3.0 escapes '\', ',' and
 * newlines. Rewritten so ical.js reads the 2.1 text literally.
 */
const ESCAPE_21 = /\\;|\\|,|\n/g;
const ESCAPE_21_LIST = /\\;|\\|\n/g;
const escape21 = (m: string): string => (m === '\\;' ? m : m === '\\' ? '\\\\' : m === ',' ? '\\,' : '\\n');

/** A content line rewritten for ical.js, and its value alone (still escaped) for vcard-text.ts. */
export interface RfcLine {
  line: string;
  value: string;
}

/**
 * A content line as ical.js reads it (3.0 rules): bare parameters named, quoted-printable decoded
 * and its ENCODING/CHARSET parameters dropped (the value is text by then), 2.1 values escaped.
 */
export function toRfcLine(text: string, version: string): RfcLine {
  const { params, value: rawValue } = splitHead(text);
  // ical.js searches the rest of the line once per parameter: a megabyte of them takes minutes.
  if (text.length - rawValue.length > MAX_HEAD_LENGTH) throw new Error('parameters too long');
  const name = params[0] ?? '';
  let value = rawValue;
  let qp = false;
  let charset: string | null = null;
  const kept: string[] = [name];
  for (const p of params.slice(1)) {
    if (p === '') continue;
    const eq = p.indexOf('=');
    const pname = eq === -1 ? '' : p.slice(0, eq).toLowerCase();
    const pvalue = eq === -1 ? p : p.slice(eq + 1);
    if (eq === -1 && ENCODINGS.has(p.toLowerCase())) {
      if (p.toLowerCase() === 'quoted-printable') qp = true;
      else kept.push(`ENCODING=${p}`);
    } else if (eq === -1) {
      kept.push(`TYPE=${p}`);
    } else if (pname === 'encoding' && pvalue.toLowerCase() === 'quoted-printable') {
      qp = true;
    } else if (pname === 'charset') {
      // The file is already text; ical.js does not know the parameter's meaning.
      charset = pvalue.replaceAll('"', '');
    } else {
      kept.push(p);
    }
  }
  const is21 = version.startsWith('2');
  if (qp) value = decodeQuotedPrintable(value, charset).replace(/\r\n?/g, '\n');
  if (is21) value = value.replace(LIST_PROPERTIES.test(name) ? ESCAPE_21_LIST : ESCAPE_21, escape21);
  // 3.0 writers escape before encoding; only the decoded line breaks need escaping again.
  else if (qp) value = value.replaceAll('\n', '\\n');
  return { line: `${kept.join(';')}:${value}`, value };
}
