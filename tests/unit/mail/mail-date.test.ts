import { afterAll, describe, expect, it } from 'vitest';
import { parseMailDate } from '../../../src/main/mail/mbox/mail-date.ts';

// The same header must give the same instant in every zone the machine may be in: each case
// runs under these TZ values (Node reads process.env.TZ afresh when it is assigned).
const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Chatham',
];
const original = process.env.TZ;
afterAll(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

const cases: [string, string][] = [
  ['Tue, 1 Jul 2003 10:52:37 +0200', '2003-07-01T08:52:37.000Z'],
  ['Tue, 01 Jul 2003 10:52:37 +0200 (CEST)', '2003-07-01T08:52:37.000Z'],
  ['1 Jul 2003 10:52:37 -0000', '2003-07-01T10:52:37.000Z'],
  ['Sun, 29 Mar 2026 02:30:00 +0100', '2026-03-29T01:30:00.000Z'],
  // Obsolete forms (RFC 5322 section 4.3): two-digit years, named US zones, GMT, no seconds.
  ['Thu, 3 Jan 99 23:00 EST', '1999-01-04T04:00:00.000Z'],
  ['Mon, 4 Jan 21 09:15:00 GMT', '2021-01-04T09:15:00.000Z'],
  ['Fri, 13 Feb 2009 23:31:30 PDT', '2009-02-14T06:31:30.000Z'],
  ['Mon,  2 Mar 2026 14:55:06 GMT+0530', '2026-03-02T09:25:06.000Z'],
  ['2 Mar 2026 14:55:06 +05:45', '2026-03-02T09:10:06.000Z'],
  // What some scripts and old clients write.
  ['2026-03-02T14:55:06Z', '2026-03-02T14:55:06.000Z'],
  ['2026-03-02 14:55:06+01:00', '2026-03-02T13:55:06.000Z'],
  ['Mon Mar  2 14:55:06 2026 +0100', '2026-03-02T13:55:06.000Z'],
  ['Sat, 31 Dec 2016 23:59:60 +0000', '2016-12-31T23:59:59.000Z'],
];

describe.each(ZONES)('parseMailDate under TZ=%s', (zone) => {
  it.each(cases)('%s', (raw, iso) => {
    process.env.TZ = zone;
    expect(parseMailDate(raw)).toEqual({ iso, problem: null });
  });

  it('reads a date without a zone as UTC and says so (never as the machine’s local time)', () => {
    process.env.TZ = zone;
    for (const raw of [
      'Mon, 2 Mar 2026 14:55:06',
      'Mon, 2 Mar 2026 14:55:06 J',
      'Mon, 2 Mar 2026 14:55:06 XYZ',
    ]) {
      const read = parseMailDate(raw);
      expect(read.iso, raw).toBe('2026-03-02T14:55:06.000Z');
      expect(read.problem, raw).toMatch(/no time zone/);
    }
  });
});

describe('unreadable dates give null, never the current time', () => {
  it.each([
    '',
    'yesterday',
    'sent 2024',
    '31 Feb 2024 10:00:00 +0000',
    '30 Foo 2024 10:00:00 +0000',
    '1 Jan 2024 25:00:00 +0000',
    '1 Jan 2024 10:61:00 +0000',
    '2026-13-01T10:00:00Z',
    '1 Jan 0001 10:00:00 +0000',
  ])('%j', (raw) => {
    const read = parseMailDate(raw);
    expect(read.iso).toBeNull();
    expect(read.problem).toContain('cannot be read as a date');
  });
});
