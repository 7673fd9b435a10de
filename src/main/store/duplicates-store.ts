import type { Db } from './database.ts';
import { cached } from './statements.ts';

const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);

/** Pairs the user said are different people, as "low:high" keys. */
export function dismissedPairs(db: Db): Set<string> {
  const rows = cached<[], { low: number; high: number }>(
    db,
    'SELECT low_id AS low, high_id AS high FROM duplicate_dismissals',
  ).all();
  return new Set(rows.map((r) => pairKey(r.low, r.high)));
}

export function dismissPair(db: Db, a: number, b: number): boolean {
  return (
    cached(db, 'INSERT OR IGNORE INTO duplicate_dismissals (low_id, high_id) VALUES (?, ?)').run(
      Math.min(a, b),
      Math.max(a, b),
    ).changes > 0
  );
}

export { pairKey };
