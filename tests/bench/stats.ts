/** Percentile by nearest rank over a sample of durations in milliseconds. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  target?: number;
  note?: string;
}

export function verdict(row: BenchRow): string {
  if (Number.isNaN(row.value)) return row.target === undefined ? '' : 'n/a';
  if (row.target === undefined) return '';
  return row.value <= row.target ? 'ok' : 'OVER';
}

export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) => [
    r.name,
    `${r.value.toFixed(r.value < 10 ? 2 : 0)} ${r.unit}`,
    // Targets derived from a file's size (6x of it) are shown as the table shows results.
    r.target === undefined ? '' : `< ${Number(r.target.toFixed(r.target < 10 ? 2 : 0))} ${r.unit}`,
    verdict(r),
    r.note ?? '',
  ]);
  const head = ['measure', 'result', 'target', '', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
