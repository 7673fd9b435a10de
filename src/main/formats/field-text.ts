/** Small text helpers the readers share: cutting, joining and quoting cell values. */

const WHITESPACE_RUN = /\s+/g;
/** Whether WHITESPACE_RUN would change anything: most cells need no rewrite (and no new string). */
const UNTIDY_SPACE = /[^\S ]| {2}/;
/** Whitespace runs as one space. */
export const tidy = (s: string): string => (UNTIDY_SPACE.test(s) ? s.replace(WHITESPACE_RUN, ' ') : s);
export const count = (n: number): string => n.toLocaleString('en-US');

/** A value quoted in a message: a 10 MB cell must not become a 10 MB message. */
export const quote = (value: string): string => `"${value.length > 60 ? `${value.slice(0, 57)}…` : value}"`;

/** The first `max` characters, without splitting a surrogate pair (emoji) in two. */
export function cut(value: string, max: number): string {
  if (value.length <= max) return value;
  const code = value.charCodeAt(max - 1);
  return value.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Name parts joined by single spaces; null when none has content. (A loop: it runs for every row.) */
export function joinName(...parts: (string | null | undefined)[]): string | null {
  let name = '';
  for (const part of parts) {
    const p = part?.trim();
    if (p) name = name ? `${name} ${p}` : p;
  }
  return name || null;
}

/**
 * A short one-line place: city, region, country when the file has them (what "where they are"
 * needs), else the formatted address on one line.
 */
export function formatPlace(parts: (string | null | undefined)[], formatted?: string | null): string | null {
  const kept = parts.map((p) => p?.trim()).filter((p): p is string => !!p);
  if (kept.length > 0) return kept.join(', ');
  const oneLine = formatted
    ?.split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(', ');
  return oneLine || null;
}
