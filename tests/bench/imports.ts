import type { AppContext } from '../../src/main/app/context.ts';
import type { DuplicatePair, ImportPreview, ImportResult } from '../../src/shared/domain/imports.ts';
import { linkedinConnectionsCsv } from './linkedin-file.ts';
import { type BenchRow, percentile, timeAsync } from './stats.ts';

async function call<T>(context: AppContext, method: string, input: unknown): Promise<T> {
  const result = await context.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as T;
}

/** Issue 5's targets: duplicate detection over the seed, and a 50,000-row LinkedIn import. */
export async function benchImports(
  context: AppContext,
  record: (row: BenchRow) => void,
  rows = 50_000,
): Promise<void> {
  await call(context, 'duplicates.list', { limit: 200 });
  const dupSamples: number[] = [];
  let pairs: DuplicatePair[] = [];
  for (let i = 0; i < 5; i++) {
    const t = await timeAsync(() => call<DuplicatePair[]>(context, 'duplicates.list', { limit: 200 }));
    dupSamples.push(t.ms);
    pairs = t.value;
  }
  record({
    name: 'duplicate detection over the seed (median)',
    value: percentile(dupSamples, 50),
    unit: 'ms',
    target: 1000,
    note: `${pairs.length} pairs shown (limit 200); slowest ${Math.max(...dupSamples).toFixed(0)} ms`,
  });

  const csv = linkedinConnectionsCsv(rows, 3);
  const content = Buffer.from(csv, 'utf8').toString('base64');
  const preview = await timeAsync(() =>
    call<ImportPreview>(context, 'imports.preview', { fileName: 'Connections.csv', content }),
  );
  const commit = await timeAsync(() =>
    call<ImportResult>(context, 'imports.commit', { previewId: preview.value.previewId }),
  );
  // Indexing for search follows the commit; the next call waits for it at the gate.
  const searchable = await timeAsync(() => call(context, 'contacts.list', { query: 'petrović', limit: 1 }));
  record({
    name: `import ${rows.toLocaleString('en')}-row LinkedIn file (preview + write)`,
    value: preview.ms + commit.ms,
    unit: 'ms',
    target: 3000,
    note: `preview ${preview.ms.toFixed(0)} ms, write ${commit.ms.toFixed(0)} ms, searchable ${searchable.ms.toFixed(0)} ms after; ${commit.value.created} created, ${commit.value.updated} updated, ${(csv.length / 1e6).toFixed(1)} MB`,
  });

  // Then the user accepts them all: planning joins in one pass (no target in the issue).
  const reviewed = await timeAsync(() =>
    call<{ reviewed: number }>(context, 'contacts.markReviewed', { all: true }),
  );
  record({
    name: 'mark every imported contact reviewed',
    value: reviewed.ms,
    unit: 'ms',
    note: `${reviewed.value.reviewed} contacts`,
  });
}
