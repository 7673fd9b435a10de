import { describe, expect, it } from 'vitest';
import { parseRate } from '../../../src/renderer/src/insights/forecastRate.ts';

describe('the forecast panel’s reply rate field', () => {
  it('reads a percentage as typed, with or without a sign or a decimal comma', () => {
    expect(parseRate('30')).toBe(0.3);
    expect(parseRate(' 25% ')).toBe(0.25);
    expect(parseRate('12,5')).toBe(0.125);
    expect(parseRate('0')).toBe(0);
    expect(parseRate('100')).toBe(1);
  });

  it('refuses what is not a share (empty means "my own", decided by the caller)', () => {
    for (const text of ['', 'abc', '-1', '101', '1e9']) expect(parseRate(text)).toBeNull();
  });
});
