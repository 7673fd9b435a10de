import { afterEach, describe, expect, it } from 'vitest';
import { systemTimeZone } from '../../../src/main/time/zone.ts';

const tz = process.env.TZ;
afterEach(() => {
  if (tz === undefined) delete process.env.TZ;
  else process.env.TZ = tz;
});

describe('systemTimeZone', () => {
  it('reads the zone again at once when process.env.TZ is assigned, as Node does for Date', () => {
    process.env.TZ = 'Pacific/Auckland';
    expect(systemTimeZone()).toBe('Pacific/Auckland');
    process.env.TZ = 'America/New_York';
    expect(systemTimeZone()).toBe('America/New_York');
    // Asked again within the minute, the answer is the cached one.
    expect(systemTimeZone()).toBe('America/New_York');
  });
});
