/** RFC 6350 §3.2 / RFC 2425 §5.8.1: physical lines SHOULD NOT exceed 75 octets, CRLF excluded. */
export const MAX_LINE_OCTETS = 75;

/**
 * Folds one content line into physical lines of at most 75 UTF-8 octets each, counting the
 * leading space of continuation lines, and never inside a UTF-8 sequence (a surrogate pair is one
 * 4-octet character). Unfolding (delete every CRLF followed by one space) restores the line.
 * A lone surrogate is counted as 3 octets: UTF-8 encoders write it as U+FFFD.
 */
export function foldLine(line: string): string {
  // Fast paths: at most 3 octets per UTF-16 unit, so 25 units always fit; ASCII is 1 octet each.
  if (line.length <= MAX_LINE_OCTETS / 3) return line;
  if (!NON_ASCII.test(line)) return foldAscii(line);
  let folded = '';
  let start = 0;
  let octets = 0;
  let i = 0;
  while (i < line.length) {
    const code = line.charCodeAt(i);
    let size = 3;
    let units = 1;
    if (code < 0x80) size = 1;
    else if (code < 0x800) size = 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < line.length) {
      const low = line.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        size = 4;
        units = 2;
      }
    }
    if (octets + size > MAX_LINE_OCTETS) {
      folded += `${line.slice(start, i)}\r\n `;
      start = i;
      octets = 1; // the continuation line's leading space
    }
    octets += size;
    i += units;
  }
  return start === 0 ? line : folded + line.slice(start);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole range above ASCII
const NON_ASCII = /[^\u0000-\u007f]/;

function foldAscii(line: string): string {
  if (line.length <= MAX_LINE_OCTETS) return line;
  let folded = line.slice(0, MAX_LINE_OCTETS);
  for (let i = MAX_LINE_OCTETS; i < line.length; i += MAX_LINE_OCTETS - 1)
    folded += `\r\n ${line.slice(i, i + MAX_LINE_OCTETS - 1)}`;
  return folded;
}
