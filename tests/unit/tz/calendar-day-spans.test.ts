// Runs under several TZ values (npm run test:tz): the user's zone, not the machine's, decides.
import { describe, expect, it } from 'vitest';
import { daySpans } from '../../../src/main/calendar/day-spans.ts';
import { addDays, atLocalHour } from '../../../src/main/time/local-day.ts';

/**
 * The calendar computes its days' instants with one zone conversion per offset change. Checked
 * day by day against a conversion for every day, over two years, in zones whose clocks change
 * at 02:00, at midnight (Santiago, Havana), by half an hour (Lord Howe), twice a month around
 * Ramadan (Casablanca), or never (Tokyo, UTC).
 */
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'America/Santiago',
  'America/Havana',
  'Australia/Lord_Howe',
  'Africa/Casablanca',
  'Asia/Tokyo',
  'UTC',
];

describe('the calendar’s local days', () => {
  it.each(ZONES)('start at each local midnight, day after day, in %s', (timeZone) => {
    const first = '2025-12-29';
    const last = '2027-12-31';
    const spans = daySpans(first, last, timeZone);
    let day = first;
    for (const span of spans) {
      expect(span.day).toBe(day);
      expect(span.from, `${day} in ${timeZone}`).toBe(atLocalHour(day, 0, timeZone).toISOString());
      expect(span.to, `${day} in ${timeZone}`).toBe(atLocalHour(addDays(day, 1), 0, timeZone).toISOString());
      day = addDays(day, 1);
    }
    expect(spans.at(-1)?.day).toBe(last);
  });

  it('covers one day, and nothing when the range is empty', () => {
    expect(daySpans('2026-03-29', '2026-03-29', 'Europe/Berlin')).toEqual([
      { day: '2026-03-29', from: '2026-03-28T23:00:00.000Z', to: '2026-03-29T22:00:00.000Z' },
    ]);
    expect(daySpans('2026-03-30', '2026-03-29', 'Europe/Berlin')).toEqual([]);
  });
});
