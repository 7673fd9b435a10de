import { createReadStream } from 'node:fs';

const LF = 0x0a;

/**
 * The 1-based line of each byte offset (ascending), by counting line ends up to the last one.
 * Done after the reading and only for the problems listed, so the reading itself never has to
 * count the lines of the bodies it skips (a native search jumps over them several times faster).
 */
export async function lineNumbersAt(path: string, offsets: readonly number[]): Promise<number[]> {
  const lines: number[] = [];
  if (offsets.length === 0) return lines;
  let next = 0;
  let base = 0;
  let count = 1;
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024, end: offsets[offsets.length - 1] });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let pos = 0;
    while (next < offsets.length) {
      const target = (offsets[next] ?? 0) - base;
      if (target >= chunk.length) break;
      count += linesBetween(chunk, pos, target);
      pos = target;
      lines.push(count);
      next++;
    }
    count += linesBetween(chunk, pos, chunk.length);
    base += chunk.length;
  }
  while (lines.length < offsets.length) lines.push(count);
  return lines;
}

function linesBetween(chunk: Buffer, from: number, to: number): number {
  let n = 0;
  let at = chunk.indexOf(LF, from);
  while (at >= 0 && at < to) {
    n++;
    at = chunk.indexOf(LF, at + 1);
  }
  return n;
}
