import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowIndex, stringHash } from '../../../src/main/imports/row-index.ts';

/**
 * RowIndex against a plain Map, used the way the planner uses it: rows arrive in order, each with
 * a few keys, and a key is added only when the index does not hold it yet (first row wins). The
 * hashes include ones that collide on purpose (a constant, a key's length), so that look-ups go
 * through the read-back of keys from rows, including rows that hold two keys of equal hash.
 */
const HASHES: [string, (key: string) => number][] = [
  ['FNV-1a', stringHash],
  ['a constant', () => 7],
  ['the length', (key) => key.length],
  ['an unsigned 32-bit value', (key) => 0xffff_fff0 + (key.length % 4)],
];

// A small alphabet, so that rows share keys and files repeat people.
const key = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '😀'), maxLength: 4 });
const file = fc.array(fc.array(key, { maxLength: 5 }), { maxLength: 120 });

describe('RowIndex', () => {
  it.each(HASHES)('answers like a Map, with a hash that is %s', (_name, hash) => {
    fc.assert(
      fc.property(file, fc.array(key, { maxLength: 30 }), (rows, probes) => {
        const index = new RowIndex(hash, (row, part) => rows[row]?.[part]);
        const model = new Map<string, number>();
        for (const [row, keys] of rows.entries()) {
          for (const [part, k] of keys.entries()) {
            expect(index.get(k)).toBe(model.get(k));
            if (index.get(k) === undefined) {
              index.add(k, row, part);
              model.set(k, row);
            }
          }
        }
        expect(index.size).toBe(model.size);
        for (const k of [...model.keys(), ...probes]) expect(index.get(k)).toBe(model.get(k));
      }),
      { numRuns: 200 },
    );
  });

  it('grows past its first slots and keeps every row', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `linkedin.com/in/person-${i}`);
    const index = new RowIndex(stringHash, (row) => keys[row]);
    for (const [row, k] of keys.entries()) index.add(k, row);
    expect(index.size).toBe(5000);
    for (const [row, k] of keys.entries()) expect(index.get(k)).toBe(row);
    expect(index.get('linkedin.com/in/nobody')).toBeUndefined();
  });
});
