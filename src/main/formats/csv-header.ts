import { parse } from 'csv-parse/sync';
import { ImportFileError } from './record.ts';

/** Finding a CSV format's header row: what detection and each CSV reader start from. */

/** The columns that identify a format's header row (compared trimmed and case-insensitively). */
export interface HeaderSignature {
  required: readonly string[];
  /** At least one of these as well, where `required` alone is shared with another format. */
  oneOf?: readonly string[];
}

export interface HeaderLine {
  line: number;
  cells: string[];
}

/**
 * The header is looked for among the first non-blank lines, not taken from line 1: LinkedIn puts
 * a "Notes:" preamble before it, and a reader taking line 1 as the header imports nothing.
 */
export const HEADER_SEARCH_LINES = 10;

/** Column names compare trimmed and case-insensitively. */
export const columnKey = (name: string): string => name.trim().toLowerCase();

/** Far longer than any real header (Google's is ~3 KB); a longer line is data, not worth splitting. */
const MAX_HEADER_LENGTH = 64 * 1024;

function splitHeaderLine(line: string): string[] {
  if (line.length > MAX_HEADER_LENGTH) return [];
  try {
    const [cells] = parse(line, {
      relax_quotes: true,
      relax_column_count: true,
      record_delimiter: '\n',
      to_line: 1,
    });
    return (cells ?? []).map((c) => c.trim());
  } catch {
    // An unbalanced quote (the preamble's paragraph, say) cannot be a header anyway.
    return [];
  }
}

/** The first `count` non-blank lines with their line numbers, without splitting the whole file. */
export function firstLines(text: string, count = HEADER_SEARCH_LINES): { line: number; text: string }[] {
  const found: { line: number; text: string }[] = [];
  let start = 0;
  for (let line = 1; start <= text.length && found.length < count; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const content = text.slice(start, end);
    if (content.trim() !== '') found.push({ line, text: content });
    start = end + 1;
  }
  return found;
}

/** The first non-blank lines, split as CSV: where a header may be. */
export function headerCandidates(text: string): HeaderLine[] {
  return firstLines(text).map(({ line, text: content }) => ({ line, cells: splitHeaderLine(content) }));
}

export function missingColumns(cells: readonly string[], signature: HeaderSignature): string[] {
  const present = new Set(cells.map(columnKey));
  const missing = signature.required.filter((c) => !present.has(columnKey(c)));
  if (signature.oneOf && !signature.oneOf.some((c) => present.has(columnKey(c)))) {
    missing.push(`one of ${signature.oneOf.join(', ')}`);
  }
  return missing;
}

export function findHeader(text: string, signature: HeaderSignature): HeaderLine | null {
  return headerCandidates(text).find((h) => missingColumns(h.cells, signature).length === 0) ?? null;
}

/** Where the header comes closest, so the message names what is actually missing. */
export function missingHeaderError(
  text: string,
  signature: HeaderSignature,
  formatName: string,
): ImportFileError {
  let best: { line: number; missing: string[] } | null = null;
  for (const h of headerCandidates(text)) {
    const missing = missingColumns(h.cells, signature);
    if (!best || missing.length < best.missing.length) best = { line: h.line, missing };
  }
  const missing = (best?.missing ?? []).map((c) => (c.startsWith('one of ') ? c : `"${c}"`)).join(', ');
  return new ImportFileError(
    `No ${formatName} header row in the first lines of this file (missing ${missing}).`,
    best?.line ?? null,
  );
}
