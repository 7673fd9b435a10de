import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { MboxProblem } from '../../../shared/domain/mbox-import.ts';
import type { MessageHeaders } from '../message-headers.ts';
import { decodeHeaders, gmailLabels } from './header-decode.ts';
import { lineNumbersAt } from './line-numbers.ts';
import { parseMailDate } from './mail-date.ts';
import { type HeaderBlock, MboxFormatError, MboxScanner, type ScanProblem } from './mbox-scanner.ts';

export { MboxFormatError };

/** What the file says of a message besides its headers. */
export interface MboxEnvelope {
  /** The date on its "From " line (when the delivery agent wrote it), as an ISO instant, or null. */
  deliveredAt: string | null;
  /** Gmail Takeout labelled it Sent (X-Gmail-Labels): I sent it, whatever address it is from. */
  sentByMe: boolean;
}

export interface MboxReadOptions {
  /**
   * Each message's headers, in file order; `index` is its number in the file, from 1, as the
   * problems name it. Awaited before the file reads on, so a slow consumer holds the reading.
   */
  onMessage(headers: MessageHeaders, index: number, envelope: MboxEnvelope): void | Promise<void>;
  /** After each chunk read. */
  onProgress?(bytesRead: number, totalBytes: number): void | Promise<void>;
  /** Default 256 KB: far beyond real headers (a long Received trail is a few KB). */
  maxHeaderBytes?: number;
  /** How much is read at a time; default 1 MB. */
  chunkBytes?: number;
  /** Problems listed in full; the rest are counted. Default 1,000. */
  maxProblems?: number;
}

export interface MboxReadResult {
  /** The file read: the mbox itself, or the `mbox` inside an Apple Mail export folder. */
  path: string;
  bytes: number;
  messages: number;
  skipped: number;
  withoutDate: number;
  withoutMessageId: number;
  problems: MboxProblem[];
  problemsNotListed: number;
}

const DEFAULT_MAX_HEADER_BYTES = 256 * 1024;
const DEFAULT_CHUNK_BYTES = 1024 * 1024;
const DEFAULT_MAX_PROBLEMS = 1000;

/**
 * Streams an mbox file (mboxo or mboxrd: Gmail Takeout, Thunderbird, Apple Mail) and hands on
 * the decoded headers of each message. Bodies are skipped as they stream past, never kept: memory
 * stays within a chunk and one header block whatever the file's size. A broken message is handed
 * on with nulls where it is broken and a problem saying where; only a file that is not an mbox at
 * all (MboxFormatError) or cannot be read stops the reading.
 */
export async function readMbox(path: string, options: MboxReadOptions): Promise<MboxReadResult> {
  const file = await mboxFile(path);
  const maxProblems = options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
  const problems: ScanProblem[] = [];
  let problemsNotListed = 0;
  const report = (problem: ScanProblem) => {
    if (problems.length < maxProblems) problems.push(problem);
    else problemsNotListed++;
  };
  const scanner = new MboxScanner({
    maxHeaderBytes: options.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES,
    onProblem: report,
  });
  let messages = 0;
  let withoutDate = 0;
  let withoutMessageId = 0;
  const deliver = async () => {
    for (const block of scanner.take()) {
      const { headers, problems: found } = decodeHeaders(block.fields, { offset: block.offset });
      for (const p of found) report({ message: block.index, ...p });
      messages++;
      if (headers.date === null) withoutDate++;
      if (headers.messageId === null) withoutMessageId++;
      await options.onMessage(headers, block.index, envelopeOf(block));
    }
  };

  let bytesRead = 0;
  // One buffer, read into again and again, rather than a read stream's fresh chunk each time:
  // those wait for the garbage collector as external memory, about 40 MB of them at a time over
  // a GB. The scanner copies what it keeps (a partial line, the wanted fields), so reuse is safe.
  const buffer = Buffer.allocUnsafe(options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  const handle = await open(file.path, 'r');
  try {
    for (;;) {
      const { bytesRead: n } = await handle.read(buffer, 0, buffer.length, null);
      if (n === 0) break;
      bytesRead += n;
      scanner.push(buffer.subarray(0, n));
      await deliver();
      await options.onProgress?.(bytesRead, file.size);
    }
  } finally {
    await handle.close();
  }
  scanner.end();
  await deliver();
  // The scanner reports a block's shape before its fields are decoded: put them in file order.
  problems.sort((a, b) => a.offset - b.offset);
  const lines = await lineNumbersAt(
    file.path,
    problems.map((p) => p.offset),
  );
  return {
    path: file.path,
    bytes: bytesRead,
    messages,
    skipped: scanner.skipped,
    withoutDate,
    withoutMessageId,
    problems: problems.map((p, i): MboxProblem => ({ ...p, line: lines[i] ?? 0 })),
    problemsNotListed,
  };
}

/**
 * Takeout labels what was sent "Sent" (its system labels are English whatever the account's
 * language). The "From " line's date is asctime, usually UTC with no zone said (RFC 4155): read so.
 */
function envelopeOf(block: HeaderBlock): MboxEnvelope {
  return {
    deliveredAt: block.envelopeDate === null ? null : parseMailDate(block.envelopeDate).iso,
    sentByMe: gmailLabels(block.fields).some((label) => label.toLowerCase() === 'sent'),
  };
}

/** Apple Mail exports a mailbox as a folder "Name.mbox" holding the file `mbox`. */
async function mboxFile(path: string): Promise<{ path: string; size: number }> {
  const info = await stat(path);
  if (info.isDirectory()) {
    const inner = join(path, 'mbox');
    const innerInfo = await stat(inner).catch(() => null);
    if (!innerInfo?.isFile()) {
      throw new MboxFormatError('a folder with no file "mbox" in it (as an Apple Mail export has)', 0);
    }
    return { path: inner, size: innerInfo.size };
  }
  return { path, size: info.size };
}
