import { open, stat } from 'node:fs/promises';
import { importTooLargeMessage } from '../../shared/domain/import-formats.ts';
import {
  HEAD_BYTES,
  MAX_IMPORT_BYTES,
  sniffHead,
  type TextEncodingName,
  Utf8Check,
  windows1252Warning,
} from './decode.ts';
import { CHUNK_BYTES, checkFormat, ImportReader, type ReadOptions } from './read.ts';
import { ImportFileError, type ImportProblem, type ParsedImport } from './record.ts';

/**
 * Where an import's bytes come from: a file streamed from disk (the CLI), or an upload already in
 * memory (the window). Either way the reader sees chunks of CHUNK_BYTES, so the file is never
 * decoded or split whole.
 */
export interface ImportSource {
  /** Known before anything is read, so an oversized file is refused first. */
  size: number;
  head(bytes: number): Promise<Uint8Array>;
  /**
   * The bytes from the start; may be called twice (a first pass settles UTF-8 or not). A chunk
   * is only valid until the next one is asked for: readers copy what they keep.
   */
  chunks(): AsyncIterable<Uint8Array>;
}

export function bytesSource(bytes: Uint8Array): ImportSource {
  return {
    size: bytes.length,
    head: async (n) => bytes.subarray(0, n),
    async *chunks() {
      for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
    },
  };
}

/** A file on disk, its size from stat (nothing read yet). */
export async function fileSource(path: string): Promise<ImportSource> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ImportFileError('This is a folder or a device, not a file.');
    size = info.size;
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportFileError(
      code === 'ENOENT' ? 'There is no such file.' : `The file could not be opened (${code ?? 'error'}).`,
    );
  }
  return {
    size,
    async head(n) {
      const handle = await open(path, 'r');
      try {
        const buffer = Buffer.alloc(Math.min(n, size));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    // One buffer, read into again and again: a fresh one per chunk is 64 KB of native memory
    // that lives until a garbage collection, and a 60 MB file made hundreds of MB of them.
    async *chunks() {
      const handle = await open(path, 'r');
      try {
        const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
        for (;;) {
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
          if (bytesRead === 0) return;
          yield buffer.subarray(0, bytesRead);
        }
      } finally {
        await handle.close();
      }
    },
  };
}

export interface StreamOptions extends ReadOptions {
  /** Called between chunks with the bytes read so far; the service reports progress and yields there. */
  onProgress?: (done: number, total: number) => Promise<void>;
}

/** The import read from a source chunk by chunk (read.ts), its records to `onRecord` as they come. */
export async function readImportSource(source: ImportSource, options: StreamOptions): Promise<ParsedImport> {
  checkFormat(options.format);
  if (source.size > MAX_IMPORT_BYTES)
    throw new ImportFileError(importTooLargeMessage('The file', source.size));
  const sniffed = sniffHead(await source.head(HEAD_BYTES));
  let encoding: TextEncodingName = sniffed.encoding ?? 'utf-8';
  const problems: ImportProblem[] = [];
  if (sniffed.encoding === null) {
    // UTF-8 or Windows-1252 is a property of the whole file: a first pass decides, costing a
    // read of the file (tens of milliseconds) rather than holding it.
    const check = new Utf8Check();
    let skip = sniffed.bom;
    for await (const chunk of source.chunks()) {
      const bytes = skip > 0 ? chunk.subarray(Math.min(skip, chunk.length)) : chunk;
      skip -= chunk.length - bytes.length;
      if (!check.write(bytes)) break;
    }
    if (!check.end()) {
      encoding = 'windows-1252';
      problems.push(windows1252Warning(check.badLine ?? 1));
    }
  }
  const reader = new ImportReader(encoding, sniffed.bom, problems, options);
  let done = 0;
  for await (const chunk of source.chunks()) {
    done += chunk.length;
    // The file grew since it was measured: the limit holds all the same.
    if (done > MAX_IMPORT_BYTES) throw new ImportFileError(importTooLargeMessage('The file', done));
    reader.write(chunk);
    await options.onProgress?.(done, source.size);
  }
  return reader.end();
}
