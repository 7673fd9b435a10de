import { foldLine } from '../../formats/fold.ts';

/**
 * A vCard as its content lines, for rewriting a card the server holds without losing what this
 * app does not read. The import readers (formats/vcard*.ts) throw such lines away (PHOTO first
 * of all); a sync client must put them back untouched: a phone's photo, its X-ABShowAs, its
 * anniversaries and related names, DAVx5's own X- properties all belong to the user.
 */
export interface CardLine {
  /** `item1` in `item1.EMAIL…` (Apple's and Google's grouping), lower-cased; null when none. */
  group: string | null;
  /** Upper-cased property name. */
  name: string;
  /** The line as written (unfolded), group and all: what is written back when kept. */
  text: string;
}

export interface CardLines {
  version: string;
  /** Every line between BEGIN and END, VERSION excluded, in order. */
  lines: CardLine[];
}

const HEAD = /^(?:([a-z0-9-]+)\.)?([a-z0-9-]+)[;:]/i;

/**
 * The first card of `text`, unfolded (RFC 6350 §3.2: a line break followed by one space or tab
 * continues the line). Lines that are not properties are dropped; throws when there is no card.
 */
export function parseCardLines(text: string): CardLines {
  const unfolded = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const begin = unfolded.findIndex((l) => /^(?:[a-z0-9-]+\.)?begin:vcard\s*$/i.test(l));
  if (begin === -1) throw new Error('This is not a vCard: it has no BEGIN:VCARD line.');
  const lines: CardLine[] = [];
  let version = '3.0';
  for (const text of unfolded.slice(begin + 1)) {
    const head = HEAD.exec(text);
    if (!head) continue;
    const name = (head[2] as string).toUpperCase();
    if (name === 'END') break;
    if (name === 'VERSION') {
      version = text.slice(text.indexOf(':') + 1).trim() || version;
      continue;
    }
    lines.push({ group: head[1]?.toLowerCase() ?? null, name, text });
  }
  return { version, lines };
}

/** The raw (still escaped) value of a line: everything after the first colon outside quotes. */
export function rawValue(line: CardLine): string {
  let quoted = false;
  for (let i = 0; i < line.text.length; i++) {
    const c = line.text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return line.text.slice(i + 1);
  }
  return '';
}

/** A card from its lines: CRLF line ends, folded at 75 octets, VERSION right after BEGIN. */
export function writeCardLines(version: string, lines: readonly string[]): string {
  const all = ['BEGIN:VCARD', `VERSION:${version}`, ...lines, 'END:VCARD'];
  return `${all.map(foldLine).join('\r\n')}\r\n`;
}
