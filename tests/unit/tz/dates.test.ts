// Runs under several TZ values (npm run test:tz, part of npm test), on days when clocks change.
import { describe, expect, it } from 'vitest';
import {
  formatRelative,
  formatRelativeDay,
  fromLocalDateTimeInput,
  parseIsoDate,
  todayIsoDate,
  toIsoDate,
  toLocalDateTimeInput,
} from '../../../src/renderer/src/format/dates.ts';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

// DST changes in 2026: New York 8 Mar / 1 Nov, Berlin 29 Mar / 25 Oct, Sydney 5 Apr / 4 Oct.
const DST_DAYS = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04', '2026-10-25', '2026-11-01'];

describe(`calendar days and instants in ${zone}`, () => {
  it('runs in the zone the runner asked for', () => {
    if (process.env.TZ) expect(zone).toBe(process.env.TZ);
  });

  it('"today" is the local day, also late in the evening and just after midnight', () => {
    expect(todayIsoDate(new Date(2026, 2, 29, 23, 30))).toBe('2026-03-29');
    expect(todayIsoDate(new Date(2026, 2, 30, 0, 15))).toBe('2026-03-30');
  });

  it.each(DST_DAYS)('a calendar day survives parse and format on %s', (day) => {
    expect(toIsoDate(parseIsoDate(day))).toBe(day);
    const next = new Date(parseIsoDate(day));
    next.setDate(next.getDate() + 1);
    expect(formatRelativeDay(day, new Date(next.getFullYear(), next.getMonth(), next.getDate(), 12))).toBe(
      'yesterday',
    );
    expect(formatRelativeDay(day, new Date(next.getFullYear(), next.getMonth(), next.getDate(), 0, 5))).toBe(
      'yesterday',
    );
  });

  it.each(DST_DAYS)('a week across the change on %s is still a week', (day) => {
    const start = parseIsoDate(day);
    const weekLater = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 7, 9);
    expect(formatRelativeDay(day, weekLater)).toBe('last week');
  });

  it('datetime-local values round-trip through UTC instants', () => {
    for (const local of ['2026-03-08T09:15', '2026-03-29T12:00', '2026-10-25T01:30', '2026-12-31T23:59']) {
      const iso = fromLocalDateTimeInput(local);
      expect(iso).toMatch(/Z$/);
      expect(toLocalDateTimeInput(new Date(iso!))).toBe(local);
    }
    expect(fromLocalDateTimeInput('')).toBeNull();
    expect(fromLocalDateTimeInput('not a date')).toBeNull();
  });

  it('relative instants do not depend on the zone', () => {
    const now = new Date('2026-03-29T12:00:00Z');
    expect(formatRelative('2026-03-29T11:59:30Z', now)).toBe('just now');
    expect(formatRelative('2026-03-29T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelative('2026-03-26T12:00:00Z', now)).toBe('3 days ago');
  });
});
