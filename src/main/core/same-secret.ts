import { timingSafeEqual } from 'node:crypto';

/**
 * Compares a secret someone sent (a token in a header or a feed path) with ours in constant
 * time, so the time a refusal takes says nothing about how much of a guess was right.
 */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
