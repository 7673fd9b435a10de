import { describe, expect, it } from 'vitest';
import {
  formatDay,
  LOCALE,
  parseIsoDate,
  timeOptionsFor,
  toIsoDate,
  weekdayName,
} from '../../../src/renderer/src/format/dates.ts';

describe('the renderer’s one date module', () => {
  it('keeps years before 100 (the Date constructor reads 0001 as 1901)', () => {
    expect(parseIsoDate('0001-01-01').getFullYear()).toBe(1);
    expect(toIsoDate(parseIsoDate('0001-01-01'))).toBe('0001-01-01');
    expect(toIsoDate(parseIsoDate('0099-12-31'))).toBe('0099-12-31');
    expect(formatDay('0001-01-01')).not.toMatch(/1901/);
  });

  it('round-trips ordinary days, leap days included', () => {
    for (const day of ['1900-01-01', '2024-02-29', '2026-03-29', '2126-12-31'])
      expect(toIsoDate(parseIsoDate(day))).toBe(day);
  });

  it('writes hours as the locale’s clock does: 09:00 on 24 hours, 9:00 AM on 12', () => {
    const at9 = (locale: string) =>
      new Intl.DateTimeFormat(locale, { ...timeOptionsFor(locale), timeZone: 'UTC' }).format(
        Date.UTC(2026, 0, 1, 9, 5),
      );
    expect(at9('en-GB')).toBe('09:05');
    expect(at9('de-DE')).toBe('09:05');
    expect(at9('en-US')).toMatch(/^9:05\s?AM$/);
  });

  it('names weekdays in the user’s locale, 0 being Sunday', () => {
    const sunday = new Intl.DateTimeFormat(LOCALE, { weekday: 'long' }).format(new Date(2026, 2, 22));
    expect(weekdayName(0)).toBe(sunday);
    expect(weekdayName(1, 'short')).toBe(
      new Intl.DateTimeFormat(LOCALE, { weekday: 'short' }).format(new Date(2026, 2, 23)),
    );
  });
});
