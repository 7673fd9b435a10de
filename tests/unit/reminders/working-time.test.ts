import { describe, expect, it } from 'vitest';
import {
  isWorkingTime,
  localDayBounds,
  nextWorkingMoment,
  type WorkingWindow,
} from '../../../src/main/time/working-window.ts';
import { userTimeZone } from '../../../src/main/time/zone.ts';

const ms = (iso: string) => Date.parse(iso);
const iso = (value: number) => new Date(value).toISOString();
const berlin: WorkingWindow = { zone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], startHour: 8, endHour: 18 };

describe('working time', () => {
  it('uses the settings zone, else the system zone', () => {
    expect(userTimeZone({ timeZone: 'Asia/Tokyo' }, () => 'UTC')).toBe('Asia/Tokyo');
    expect(userTimeZone({ timeZone: null }, () => 'Europe/Paris')).toBe('Europe/Paris');
  });

  it('is [start, end) on working days, in local time', () => {
    expect(isWorkingTime(ms('2026-03-10T07:00:00Z'), berlin)).toBe(true); // Tue 08:00 CET
    expect(isWorkingTime(ms('2026-03-10T06:59:59Z'), berlin)).toBe(false);
    expect(isWorkingTime(ms('2026-03-10T16:59:59Z'), berlin)).toBe(true);
    expect(isWorkingTime(ms('2026-03-10T17:00:00Z'), berlin)).toBe(false); // 18:00
    expect(isWorkingTime(ms('2026-03-14T10:00:00Z'), berlin)).toBe(false); // Saturday
  });

  it('accepts an end hour of 24', () => {
    const late = { ...berlin, startHour: 20, endHour: 24 };
    expect(isWorkingTime(ms('2026-03-10T22:59:00Z'), late)).toBe(true); // 23:59 CET
    expect(isWorkingTime(ms('2026-03-10T23:00:00Z'), late)).toBe(false); // Wed 00:00
  });

  it('finds the next window: later today, tomorrow, or after the weekend', () => {
    expect(iso(nextWorkingMoment(ms('2026-03-10T05:00:00Z'), berlin))).toBe('2026-03-10T07:00:00.000Z');
    expect(iso(nextWorkingMoment(ms('2026-03-10T18:00:00Z'), berlin))).toBe('2026-03-11T07:00:00.000Z');
    expect(iso(nextWorkingMoment(ms('2026-03-13T18:00:00Z'), berlin))).toBe('2026-03-16T07:00:00.000Z');
    const inside = ms('2026-03-10T10:00:00Z');
    expect(nextWorkingMoment(inside, berlin)).toBe(inside);
  });

  it('finds a window one week on when the only working day has just ended', () => {
    const tuesdays = { ...berlin, days: [2] };
    expect(iso(nextWorkingMoment(ms('2026-03-10T17:30:00Z'), tuesdays))).toBe('2026-03-17T07:00:00.000Z');
  });

  it('opens after the DST change with the new offset', () => {
    // Mon 30 Mar 2026 08:00 CEST is 06:00Z (it was 07:00Z the week before).
    expect(iso(nextWorkingMoment(ms('2026-03-27T18:00:00Z'), berlin))).toBe('2026-03-30T06:00:00.000Z');
  });

  it('knows how long local days are on DST days', () => {
    const short = localDayBounds(ms('2026-03-29T12:00:00Z'), 'Europe/Berlin');
    expect([iso(short.start), iso(short.end)]).toEqual([
      '2026-03-28T23:00:00.000Z',
      '2026-03-29T22:00:00.000Z',
    ]);
    const long = localDayBounds(ms('2026-10-25T12:00:00Z'), 'Europe/Berlin');
    expect((long.end - long.start) / 3_600_000).toBe(25);
  });
});
