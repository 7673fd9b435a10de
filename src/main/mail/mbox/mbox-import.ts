import { basename } from 'node:path';
import { ApiError } from '../../../shared/api/errors.ts';
import type { MboxImportInput, MboxImportResult } from '../../../shared/domain/mbox-import.ts';
import type { HandlerDeps } from '../../core/handler-deps.ts';
import { myAddressesOfAllAccounts } from '../../store/mail-store.ts';
import { createMailIngest, type IngestMessage, type RecordCounts } from '../ingest.ts';
import { MboxFormatError, readMbox } from './mbox-reader.ts';

/** Problems sent back with the result; the rest are counted (the CLI prints 30 of them). */
const PROBLEMS_SHOWN = 500;
/** Messages recorded per write transaction: each is short, so other calls get in between. */
const RECORD_EVERY = 500;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `mail.importMbox`: backfills the timelines from an mbox file, through the same ingest as the
 * IMAP sync (deduplicated by Message-ID against everything recorded, then the engine's reactions
 * in date order). Only the command line names a path (as `imports.preview` does): the desktop
 * window and the HTTP shell could otherwise make main read any file on the machine.
 */
export async function importMbox(deps: HandlerDeps, input: MboxImportInput): Promise<MboxImportResult> {
  if (deps.info.shell !== 'cli') {
    throw new ApiError('invalid_input', 'Only the command line imports an mbox file, named by its path.', [
      { path: 'path', message: 'not accepted from this shell' },
    ]);
  }
  const fileName = basename(input.path);
  const ingest = createMailIngest(deps, { myAddresses: [...myAddressesOfAllAccounts(deps.db), ...input.me] });
  const recorded: RecordCounts = { messages: 0, duplicates: 0, matched: 0, interactions: 0 };
  let batch: IngestMessage[] = [];
  const record = () => {
    if (batch.length === 0) return;
    const counts = ingest.record(batch);
    batch = [];
    recorded.messages += counts.messages;
    recorded.duplicates += counts.duplicates;
    recorded.matched += counts.matched;
    recorded.interactions += counts.interactions;
  };
  let percent = -1;
  try {
    const read = await readMbox(input.path, {
      onMessage: (headers, _index, envelope) => {
        // The "From " line's date stands in for a missing Date header as INTERNALDATE does in a
        // sync; Takeout's Sent label says mine as a Sent folder does.
        batch.push({
          headers,
          seen: null,
          inSentFolder: envelope.sentByMe,
          receivedAt: envelope.deliveredAt,
        });
        if (batch.length >= RECORD_EVERY) record();
      },
      onProgress: async (done, total) => {
        const now = total > 0 ? Math.floor((done * 100) / total) : 100;
        if (now === percent) return;
        percent = now;
        deps.bus.emit({ type: 'progress', task: 'import', phase: 'reading', done, total });
        await tick();
      },
    });
    record();
    if (read.messages === 0 && read.skipped === 0) {
      throw new ApiError('invalid_input', `${fileName}: no messages in this file.`);
    }
    const reactions = await ingest.react();
    deps.bus.emit({ type: 'progress', task: 'import', phase: 'done', done: read.bytes, total: read.bytes });
    return {
      fileName,
      bytes: read.bytes,
      messages: read.messages,
      skipped: read.skipped,
      withoutDate: read.withoutDate,
      withoutMessageId: read.withoutMessageId,
      problems: read.problems.slice(0, PROBLEMS_SHOWN),
      problemsNotListed: read.problemsNotListed + Math.max(0, read.problems.length - PROBLEMS_SHOWN),
      newMessages: recorded.messages,
      duplicates: recorded.duplicates,
      matched: recorded.matched,
      interactions: recorded.interactions,
      ...reactions,
    };
  } catch (error) {
    throw asInputError(fileName, error);
  }
}

/** A file that is missing, unreadable or not an mbox is bad input, said with its name. */
function asInputError(fileName: string, error: unknown): unknown {
  if (error instanceof ApiError) return error;
  if (error instanceof MboxFormatError) return new ApiError('invalid_input', `${fileName}: ${error.message}`);
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const why = new Map([
    ['ENOENT', 'no such file'],
    ['EACCES', 'permission denied'],
    ['EISDIR', 'a folder, not a file'],
    ['ENOTDIR', 'not a file'],
  ]).get(code ?? '');
  return why ? new ApiError('invalid_input', `${fileName}: cannot read it (${why}).`) : error;
}
