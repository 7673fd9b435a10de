import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApiError } from '../../../shared/api/errors.ts';

/** A message or a template is a page or two; anything near this is the wrong file. */
const MAX_TEXT_BYTES = 1_000_000;

/**
 * A UTF-8 text file given on the command line (a message, a template), refused in words that
 * name the file: too big (checked on disk before reading), unreadable, or not UTF-8 (the line of
 * the first bad byte), since a message silently turned into U+FFFD would be sent as such.
 */
export function readTextFile(file: string, option: string): { path: string; text: string } {
  const path = resolve(file);
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_TEXT_BYTES) {
      throw new ApiError(
        'invalid_input',
        `${path} is ${(size / 1e6).toFixed(1)} MB; ${option} takes a text file of at most 1 MB.`,
      );
    }
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('invalid_input', `${path} cannot be read: ${(error as Error).message}`);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { path, text: text.replace(/^\uFEFF/, '') };
  } catch {
    throw new ApiError('invalid_input', `${path}, line ${lineOfBadByte(bytes)}: is not UTF-8 text.`);
  }
}

/** The 1-based line holding the first byte sequence that is not UTF-8. */
function lineOfBadByte(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line += 1;
      start = i + 1;
    }
  }
  return line;
}

/**
 * A message file: for e-mail, a first line "Subject: …" is the subject and the rest the body
 * (after one blank line, if there is one), as a mail client writes a draft to disk.
 */
export function splitSubject(text: string): { subject: string | null; body: string } {
  const match = /^Subject:[ \t]*(.*)\r?\n(?:\r?\n)?/i.exec(text);
  if (!match) return { subject: null, body: text.trim() };
  return { subject: match[1]?.trim() || null, body: text.slice(match[0].length).trim() };
}
