/**
 * vCard text values (RFC 2426 §4 text-value, RFC 6350 §3.4), decoded here instead of by ical.js.
 *
 * ical.js 2.2 (node_modules/ical.js/lib/ical) reads names and parameters well, but its value
 * decoding gets three things wrong for the files this app writes and khard/vobject read right:
 * - design.js decodes 3.0 text by the 4.0 rules (FROM_VCARD_NEWLINE), which have no `\;`: an
 *   escaped semicolon in FN, NOTE or TITLE comes back with its backslash;
 * - X- properties (X-ABLabel) get the "unknown" type and are not decoded at all: a label
 *   `Front desk\, 2nd floor` keeps its backslash;
 * - helpers.js `unescapedIndexOf` takes any delimiter after a backslash for escaped, looking one
 *   character back: in `C:\\,Nordics` (the tag `C:\` then `Nordics`) the backslash is itself
 *   escaped, yet the comma is skipped and the two tags merge (the same for N, ORG and ADR parts).
 * The raw value is split and unescaped here in one left-to-right pass, where a backslash always
 * takes the character after it.
 */

/** A backslash and what it escapes: any character but a letter, a digit or white space. */
const ESCAPE = /\\([nN]|[^\p{L}\p{N}\s])/gu;

/**
 * `\\` `\;` `\,` `\n` `\N` decoded, and a backslash before any other punctuation dropped:
 * Google writes `\"AS IS\"` in notes and `B\'C` in categories, escaping more than 3.0 asks.
 * A backslash before a letter, a digit or a space is kept as written: careless writers have
 * bare backslashes (`C:\temp`), and dropping those would change the text. (2.1 values arrive
 * with every backslash doubled by toRfcLine, so theirs are all kept.)
 */
export function unescapeText(value: string): string {
  if (!value.includes('\\')) return value;
  return value.replace(ESCAPE, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** The raw value cut at every `separator` not escaped by a backslash; parts stay escaped. */
export function splitEscaped(value: string, separator: ';' | ','): string[] {
  if (!value.includes('\\')) return value.split(separator);
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') i++;
    else if (c === separator) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}
