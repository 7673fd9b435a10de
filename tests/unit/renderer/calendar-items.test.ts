import { describe, expect, it } from 'vitest';
import {
  calendarPath,
  readCalendarUrl,
  withoutPromiseEchoes,
} from '../../../src/renderer/src/calendar/calendarItems.ts';
import { formatWhenIn, LOCALE, TIME_OPTIONS } from '../../../src/renderer/src/format/dates.ts';
import type { CalendarItem } from '../../../src/shared/domain/calendar.ts';

const base: CalendarItem = {
  key: 'followup:1',
  kind: 'followup',
  title: 'Ada: keep my promise',
  contactId: 1,
  contactName: 'Ada',
  start: '2026-03-19T09:00:00.000Z',
  end: '2026-03-19T09:30:00.000Z',
  allDay: false,
  status: 'pending',
  overdue: false,
  followUpId: 1,
  purpose: 'promise_mine',
  channel: null,
  promiseId: 7,
  direction: null,
};

describe('calendar items in the renderer', () => {
  it('keep the view, dates and filters in the address, leaving defaults out', () => {
    expect(
      calendarPath({
        view: 'month',
        date: undefined,
        kinds: ['followup', 'meeting', 'promise'],
        tag: undefined,
        contactId: undefined,
      }),
    ).toBe('/calendar');
    const path = calendarPath({
      view: 'week',
      date: '2026-03-23',
      kinds: ['followup', 'meeting'],
      tag: 'clients & co',
      contactId: 12,
    });
    expect(path).toBe(
      '/calendar?view=week&date=2026-03-23&kinds=followup%2Cmeeting&tag=clients+%26+co&contact=12',
    );
    expect(readCalendarUrl(new URLSearchParams(path.split('?')[1]))).toEqual({
      view: 'week',
      date: '2026-03-23',
      kinds: ['followup', 'meeting'],
      tag: 'clients & co',
      contactId: 12,
    });
    // Nonsense in a hand-edited address falls back to the defaults.
    expect(readCalendarUrl(new URLSearchParams('view=year&date=soon&kinds=bogus'))).toMatchObject({
      view: 'month',
      date: undefined,
      kinds: [],
    });
  });

  it('say when in the user’s zone, not the browser’s', () => {
    // The clock as this machine's locale writes it ("09:00" or "9:00 AM").
    const clock = (hour: number) =>
      new Intl.DateTimeFormat(LOCALE, { ...TIME_OPTIONS, timeZone: 'UTC' }).format(
        Date.UTC(2026, 0, 1, hour),
      );
    // 13:00 UTC on 18 March: 09:00 in New York (summer time from 8 March), 22:00 in Tokyo.
    const instant = '2026-03-18T13:00:00.000Z';
    expect(formatWhenIn(instant, 'America/New_York', '2026-03-17')).toBe(`tomorrow at ${clock(9)}`);
    expect(formatWhenIn(instant, 'Asia/Tokyo', '2026-03-18')).toBe(`today at ${clock(22)}`);
    expect(formatWhenIn(instant, 'Asia/Tokyo', '2026-03-19')).toBe(`yesterday at ${clock(22)}`);
    expect(formatWhenIn(instant, 'America/New_York', '2026-03-10')).toMatch(
      new RegExp(`18.* at ${clock(9)}$`),
    );
  });

  it('show your promise once: its reminder step on the same day is left out, by promise', () => {
    const promise: CalendarItem = {
      ...base,
      key: 'promise:7',
      kind: 'promise',
      start: '2026-03-19',
      end: null,
      allDay: true,
      followUpId: null,
      purpose: null,
      direction: 'mine',
    };
    const otherPromiseStep = { ...base, key: 'followup:2', followUpId: 2, promiseId: 8 };
    const laterStep = { ...base, key: 'followup:3', followUpId: 3, start: '2026-03-20T09:00:00.000Z' };
    expect(
      withoutPromiseEchoes([base, promise, otherPromiseStep, laterStep], 'Europe/London').map((i) => i.key),
    ).toEqual(['promise:7', 'followup:2', 'followup:3']);
  });
});
