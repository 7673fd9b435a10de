import { randomUUID } from 'node:crypto';
import { ApiError } from '../../shared/api/errors.ts';
import {
  type ImportFormat,
  importTooLargeMessage,
  MAX_IMPORT_BYTES,
} from '../../shared/domain/import-formats.ts';
import type {
  ImportCommitInput,
  ImportMatch,
  ImportPreview,
  ImportPreviewInput,
  ImportResult,
} from '../../shared/domain/imports.ts';
import { fillPhoneKeys, phoneRegion } from '../contacts/phone-keys.ts';
import type { HandlerDeps } from '../core/handler-deps.ts';
import type { WriteGate } from '../core/write-gate.ts';
import { bytesSource, fileSource, type ImportSource, readImportSource } from '../formats/import-source.ts';
import { ImportFileError, type ParsedImport } from '../formats/record.ts';
import { getContact } from '../store/contacts-store.ts';
import { indexContactsFrom } from '../store/search-index.ts';
import { writeTransaction } from '../store/transaction.ts';
import { commitImport } from './commit.ts';
import { fillIn } from './fill-in.ts';
import { type KnownContacts, loadKnownContacts } from './known-contacts.ts';
import { createPlanner, type ImportPlan } from './plan.ts';
import type { RowKind } from './planned-rows.ts';

/** Lists in a preview are for the eye; counts stay exact. */
const SHOWN = { sample: 20, matches: 200, review: 500, problems: 500 } as const;
/** A preview is kept for commit this long, and only the latest few. */
const PREVIEW_TTL_MS = 30 * 60_000;
const MAX_PREVIEWS = 3;

interface StoredPreview {
  fileName: string;
  format: ImportFormat;
  plan: ImportPlan;
  createdAt: number;
}

export type ImportService = ReturnType<typeof createImportService>;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Preview then commit. The preview reads and matches the whole file without writing and keeps
 * the plan in memory; commit writes exactly that plan, so what the user saw is what happens.
 */
export function createImportService(deps: HandlerDeps & { gate: WriteGate }) {
  const previews = new Map<string, StoredPreview>();
  const progress = async (
    phase: 'reading' | 'matching' | 'writing' | 'done',
    done: number,
    total: number,
  ) => {
    deps.bus.emit({ type: 'progress', task: 'import', phase, done, total });
    await tick();
  };

  return {
    async preview(input: {
      fileName: string;
      content?: string | undefined;
      path?: string | undefined;
      format?: ImportFormat | undefined;
    }): Promise<ImportPreview> {
      const { fileName } = input;
      await progress('reading', 0, 1);
      const source = await sourceOf(deps, input);
      const known = loadKnownContacts(deps.db);
      const planner = createPlanner(deps.db, known, { fileName, region: phoneRegion(deps.settings.get()) });
      // Rows are planned as the file streams in; progress counts them against an estimate
      // from the bytes read so far.
      let planned = 0;
      let bytesRead = 0;
      const parsed = await read(fileName, () =>
        readImportSource(source, {
          ...(input.format ? { format: input.format } : {}),
          onRecord: (record, format) => {
            if (planned % PROGRESS_EVERY === 0) {
              const estimate = bytesRead > 0 ? Math.round((planned * source.size) / bytesRead) : planned;
              deps.bus.emit({
                type: 'progress',
                task: 'import',
                phase: 'matching',
                done: planned,
                total: Math.max(planned, estimate),
              });
            }
            planned += 1;
            planner.add(record, format);
          },
          onProgress: (done) => {
            bytesRead = done;
            return tick();
          },
        }),
      );
      const plan = planner.finish(parsed);
      if (plan.rows.size === 0 && plan.unchanged === 0) throw nothingToImport(fileName, parsed, plan);
      prune(previews);
      const previewId = randomUUID();
      previews.set(previewId, { fileName, format: parsed.format, plan, createdAt: Date.now() });
      await progress('done', parsed.rows, parsed.rows);
      return summarise(deps, previewId, input, parsed, plan, known);
    },

    commit(input: { previewId: string; mergeLines: number[] }): Promise<ImportResult> {
      const stored = previews.get(input.previewId);
      if (!stored) {
        throw new ApiError(
          'not_found',
          'This import preview has expired or was already imported. Choose the file again to preview it.',
        );
      }
      previews.delete(input.previewId);
      return deps.gate.exclusive(async () => {
        const total = stored.plan.rows.size;
        await progress('writing', 0, total);
        const { result, indexFrom } = await commitImport(
          {
            db: deps.db,
            engine: deps.engine,
            now: deps.clock().toISOString(),
            keyPhones: () => fillPhoneKeys(deps.db, phoneRegion(deps.settings.get())),
            onChunk: (done) => progress('writing', done, total),
          },
          { fileName: stored.fileName, format: stored.format },
          stored.plan,
          new Set(input.mergeLines),
        );
        if (indexFrom !== null) {
          // Search indexing (about half a second for 50,000 people) runs as the next exclusive
          // section, queued before this one ends: the result reaches the window at once, and
          // every call after it waits at the gate until the index is complete, so no caller
          // ever searches a half-indexed address book. The search index is derived data: if the
          // app dies in between, opening the database repairs it (repairSearchIndex).
          void deps.gate.exclusive(async () => {
            // Closed in between (a CLI run ending, the app quitting): the next open repairs it.
            if (!deps.db.open) return;
            try {
              writeTransaction(deps.db, () => indexContactsFrom(deps.db, indexFrom));
              deps.db.pragma('wal_checkpoint(PASSIVE)');
            } catch (error) {
              console.error('[followthrough] indexing imported contacts failed:', error);
            }
          });
        }
        await progress('done', total, total);
        return result;
      });
    },
  };
}

export type { ImportCommitInput, ImportPreviewInput };

/** Matching progress is reported every this many rows. */
const PROGRESS_EVERY = 2000;

/**
 * The file to read. A path is honoured only from the CLI (see ImportPreviewInput); its size is
 * checked on disk before a byte is read.
 */
async function sourceOf(
  deps: HandlerDeps,
  input: { fileName: string; content?: string | undefined; path?: string | undefined },
): Promise<ImportSource> {
  if (input.path !== undefined) {
    if (deps.info.shell !== 'cli') {
      throw new ApiError(
        'invalid_input',
        'Only the command line names a file to import; send its content instead.',
        [{ path: 'path', message: 'not accepted from this shell' }],
      );
    }
    const path = input.path;
    const source = await read(input.fileName, () => fileSource(path));
    if (source.size > MAX_IMPORT_BYTES) {
      throw new ApiError('invalid_input', importTooLargeMessage(input.fileName, source.size));
    }
    return source;
  }
  const bytes = Buffer.from(input.content ?? '', 'base64');
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new ApiError('invalid_input', importTooLargeMessage(input.fileName, bytes.length));
  return bytesSource(bytes);
}

/**
 * A file that cannot be read as a whole is bad input, named in the message. The message says it
 * all: no issue list repeating it (the CLI prints both).
 */
async function read<T>(fileName: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ImportFileError) {
      const where = error.line === null ? fileName : `${fileName}, line ${error.line}`;
      throw new ApiError('invalid_input', `${where}: ${error.message}`);
    }
    throw error;
  }
}

/**
 * A file with no usable row is refused like any bad file: an import of it would write nothing
 * but an import run claiming success (a vCard cut off before its first END:VCARD, a header alone).
 */
function nothingToImport(fileName: string, parsed: ParsedImport, plan: ImportPlan): ApiError {
  const what = parsed.format === 'vcard' ? 'card' : 'row';
  const first = plan.problems.find((p) => p.severity === 'error') ?? plan.problems[0];
  const read =
    parsed.rows === 0
      ? `it has no ${what}s`
      : parsed.rows === 1
        ? `its one ${what} cannot be imported`
        : `none of its ${parsed.rows.toLocaleString('en')} ${what}s can be imported`;
  return new ApiError(
    'invalid_input',
    `${fileName}: nothing to import, ${read}.${first ? ` Line ${first.line}: ${first.message}` : ''}`,
  );
}

function prune(previews: Map<string, StoredPreview>): void {
  const now = Date.now();
  for (const [id, p] of previews) if (now - p.createdAt > PREVIEW_TTL_MS) previews.delete(id);
  while (previews.size >= MAX_PREVIEWS) {
    const oldest = previews.keys().next().value;
    if (oldest === undefined) break;
    previews.delete(oldest);
  }
}

function summarise(
  deps: HandlerDeps,
  previewId: string,
  input: { fileName: string; format?: ImportFormat | undefined },
  parsed: ParsedImport,
  plan: ImportPlan,
  known: KnownContacts,
): ImportPreview {
  const { rows } = plan;
  // One pass over the rows for the counts and the first rows of each kind that the lists show.
  const byKind: Record<RowKind, { count: number; first: number[]; shown: number }> = {
    new: { count: 0, first: [], shown: SHOWN.sample },
    match: { count: 0, first: [], shown: SHOWN.matches },
    review: { count: 0, first: [], shown: SHOWN.review },
  };
  for (let i = 0; i < rows.size; i++) {
    const list = byKind[rows.kind(i)];
    if (list.count++ < list.shown) list.first.push(i);
  }
  const problemLines = new Set(plan.problems.map((p) => p.line));
  const toMatch = (index: number, withAdds: boolean): ImportMatch => {
    const row = rows.at(index);
    const target = row.target;
    const draft = rows.draft(index);
    if (target && 'pending' in target) {
      const firstDraft = rows.draft(target.pending);
      return {
        line: row.line,
        name: draft.displayName,
        reason: row.reason ?? 'name',
        contact: {
          id: 0,
          displayName: firstDraft.displayName,
          company: firstDraft.company ?? null,
          title: null,
        },
        inFileLine: rows.line(target.pending),
        adds: [],
      };
    }
    const id = target?.existing ?? 0;
    const existing = known.rows.get(id);
    const full = withAdds ? getContact(deps.db, id) : undefined;
    return {
      line: row.line,
      name: draft.displayName,
      reason: row.reason ?? 'name',
      contact: {
        id,
        displayName: existing?.displayName ?? '',
        company: existing?.company ?? null,
        title: existing?.title ?? null,
      },
      inFileLine: null,
      adds: full ? (fillIn(full, draft)?.adds ?? []) : [],
    };
  };
  return {
    previewId,
    fileName: input.fileName,
    format: parsed.format,
    detected: input.format === undefined,
    rows: parsed.rows,
    lines: parsed.lines,
    counts: {
      new: byKind.new.count,
      matched: byKind.match.count,
      review: byKind.review.count,
      unchanged: plan.unchanged,
      problems: problemLines.size,
    },
    sampleNew: byKind.new.first.map((i) => {
      const draft = rows.draft(i);
      return {
        line: rows.line(i),
        name: draft.displayName,
        company: draft.company ?? null,
        title: draft.title ?? null,
      };
    }),
    matches: byKind.match.first.map((i) => toMatch(i, true)),
    review: byKind.review.first.map((i) => toMatch(i, false)),
    problems: plan.problems.slice(0, SHOWN.problems),
    truncated:
      byKind.new.count > SHOWN.sample ||
      byKind.match.count > SHOWN.matches ||
      byKind.review.count > SHOWN.review ||
      plan.problems.length > SHOWN.problems,
  };
}
