import { describe, expect, it } from 'vitest';
import { uidSet } from '../../../src/main/mail/sync.ts';

describe('uidSet', () => {
  it('writes runs of sorted UIDs as ranges, and lone ones as they are', () => {
    expect(uidSet([])).toBe('');
    expect(uidSet([7])).toBe('7');
    expect(uidSet([1, 2, 3, 5, 7, 8])).toBe('1:3,5,7:8');
  });

  it('keeps a chunk of a thousand high UIDs far within a command line', () => {
    const chunk = Array.from({ length: 1000 }, (_, i) => 4_000_000_000 + i);
    expect(uidSet(chunk)).toBe('4000000000:4000000999');
    const gappy = Array.from({ length: 1000 }, (_, i) => 1_000_000 + i + Math.floor(i / 10));
    expect(uidSet(gappy).length).toBeLessThan(8192);
  });
});
