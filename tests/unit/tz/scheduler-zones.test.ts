// Runs under several TZ values (npm run test:tz): the scheduler's working hours and daily budget
// on DST days, in the system zone and in an explicit one (which must not depend on the system's).
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { systemTimeZone } from '../../../src/main/time/zone.ts';
import { DAY, HOUR, schedulerHarness } from '../reminders/harness.ts';

const zone = systemTimeZone();
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
const budgetOf = (dailyBudget: number) => ({ minGapDays: 3, maxPer30Days: 4, dailyBudget });

/** The instant of a local wall time in `tz` (a skipped time resolves forward, like the scheduler). */
const at = (local: string, tz: string) =>
  Temporal.PlainDateTime.from(local).toZonedDateTime(tz).toInstant().epochMilliseconds;
const iso = (ms: number) => new Date(ms).toISOString();

// DST changes in 2026: New York 8 Mar / 1 Nov, Berlin 29 Mar / 25 Oct, Sydney 5 Apr / 4 Oct.
const DST_DAYS = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04', '2026-10-25', '2026-11-01'];

describe(`reminders in the system zone (${zone})`, () => {
  it.each(DST_DAYS)('a reminder due at 06:00 waits for 08:00 local on %s', (day) => {
    const h = schedulerHarness({
      start: iso(at(`${day}T05:00`, zone)),
      settings: { timeZone: null, workingDays: EVERY_DAY },
      systemZone: systemTimeZone,
    });
    h.fake.add(at(`${day}T06:00`, zone));
    h.scheduler.start();
    h.time.advance(DAY);
    expect(h.notices.map((n) => iso(n.at))).toEqual([iso(at(`${day}T08:00`, zone))]);
  });

  it.each(DST_DAYS)('the follow-up hour’s reminders arrive as one digest at 09:00 local on %s', (day) => {
    const h = schedulerHarness({
      start: iso(at(`${day}T00:30`, zone)),
      settings: { timeZone: null, workingDays: EVERY_DAY },
      systemZone: systemTimeZone,
    });
    for (let i = 0; i < 4; i++) h.fake.add(at(`${day}T09:00`, zone));
    h.scheduler.start();
    h.time.advance(DAY);
    expect(h.notices.map((n) => [n.kind, n.items.length, iso(n.at)])).toEqual([
      ['digest', 4, iso(at(`${day}T09:00`, zone))],
    ]);
  });

  it.each(DST_DAYS)('the budget resets at local midnight after %s', (day) => {
    const h = schedulerHarness({
      start: iso(at(`${day}T22:00`, zone)),
      settings: {
        timeZone: null,
        workingDays: EVERY_DAY,
        workingHours: { start: 0, end: 24 },
        caps: budgetOf(2),
      },
      systemZone: systemTimeZone,
    });
    for (let i = 0; i < 3; i++) h.fake.add(at(`${day}T21:00`, zone));
    h.scheduler.start();
    h.time.advance(DAY);
    const nextDay = Temporal.PlainDate.from(day).add({ days: 1 }).toString();
    expect(h.notices.map((n) => [n.items.length, iso(n.at)])).toEqual([
      [2, iso(at(`${day}T22:00`, zone))],
      [1, iso(at(`${nextDay}T00:00`, zone))],
    ]);
  });
});

describe('reminders in an explicit zone, whatever the system zone', () => {
  it('Berlin, spring forward: a 02:00 start that does not exist opens at 03:00 CEST', () => {
    const h = schedulerHarness({
      start: '2026-03-28T23:30:00Z',
      settings: { timeZone: 'Europe/Berlin', workingDays: EVERY_DAY, workingHours: { start: 2, end: 12 } },
    });
    h.fake.add('2026-03-28T23:45:00Z'); // 00:45 CET
    h.scheduler.start();
    h.time.advance(DAY);
    expect(h.notices.map((n) => iso(n.at))).toEqual(['2026-03-29T01:00:00.000Z']);
  });

  it('Berlin: the 23-hour and 25-hour days each get their own budget', () => {
    const h = schedulerHarness({
      start: '2026-03-29T21:30:00Z', // 23:30 CEST on the short day
      settings: {
        timeZone: 'Europe/Berlin',
        workingDays: EVERY_DAY,
        workingHours: { start: 0, end: 24 },
        caps: budgetOf(2),
      },
    });
    for (let i = 0; i < 3; i++) h.fake.add('2026-03-29T21:00:00Z');
    h.scheduler.start();
    h.time.advance(HOUR);
    expect(h.notices.map((n) => [n.items.length, iso(n.at)])).toEqual([
      [2, '2026-03-29T21:30:00.000Z'],
      [1, '2026-03-29T22:00:00.000Z'], // midnight CEST
    ]);

    h.time.setWall('2026-10-25T22:30:00Z'); // 23:30 CET on the long day
    for (let i = 0; i < 3; i++) h.fake.add('2026-10-25T22:00:00Z');
    h.scheduler.wake('clock-changed');
    h.time.advance(2 * HOUR);
    expect(h.notices.slice(2).map((n) => [n.items.length, iso(n.at)])).toEqual([
      [2, '2026-10-25T22:30:00.000Z'],
      [1, '2026-10-25T23:00:00.000Z'], // midnight CET, 25 hours after the last one
    ]);
  });

  it('Sydney: a weekend reminder opens Monday at 08:00, on either side of the April change', () => {
    const h = schedulerHarness({ start: '2026-04-03T22:00:00Z', settings: { timeZone: 'Australia/Sydney' } });
    h.fake.add('2026-04-03T23:00:00Z'); // Saturday 10:00 AEDT
    h.scheduler.start();
    h.time.advance(3 * DAY);
    // Clocks went back on Sunday: Monday 08:00 is AEST (UTC+10), not AEDT (UTC+11).
    expect(h.notices.map((n) => iso(n.at))).toEqual(['2026-04-05T22:00:00.000Z']);
  });

  it('Tokyo: the weekday is Tokyo’s, a day ahead of UTC in the evening', () => {
    const h = schedulerHarness({ start: '2026-03-13T23:30:00Z', settings: { timeZone: 'Asia/Tokyo' } });
    h.fake.add('2026-03-13T23:30:00Z'); // Friday in UTC, Saturday 08:30 in Tokyo
    h.scheduler.start();
    expect(h.notices).toEqual([]);
    h.time.advance(3 * DAY);
    // Sunday 23:00 in UTC is Monday 08:00 in Tokyo.
    expect(h.notices.map((n) => iso(n.at))).toEqual(['2026-03-15T23:00:00.000Z']);
  });
});
