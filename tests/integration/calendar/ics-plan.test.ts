import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureToken } from '../../../src/main/calendar/calendar-handlers.ts';
import { feedForPath } from '../../../src/main/calendar/feed.ts';
import { localDayOfIso } from '../../../src/main/time/local-day.ts';
import type { TempApp } from '../../helpers/temp-app.ts';
import { berlinApp } from '../followups/helpers.ts';

// 2026-11-16 is a Monday; Berlin is UTC+1, so 09:00 there is 08:00Z.
const MONDAY = '2026-11-16T10:00:00Z';
let app: TempApp;
afterEach(() => app?.cleanup());

/** Event starts (UTC) and their local days, as a calendar app reads the file. */
function starts(ics: string): { uid: string; start: string; day: string }[] {
  const root = new ICAL.Component(ICAL.parse(ics));
  return root.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    const start = e.startDate.toJSDate().toISOString();
    return { uid: e.uid, start, day: localDayOfIso(start, 'Europe/Berlin') };
  });
}

const perDay = (events: { day: string }[]) => {
  const map = new Map<string, number>();
  for (const e of events) map.set(e.day, (map.get(e.day) ?? 0) + 1);
  return Object.fromEntries(map);
};

async function stepsOn(day: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const c = await app.api['contacts.create']({ displayName: `${day} #${i + 1}` });
    await app.api['followups.schedule']({ contactId: c.id, dueOn: day });
  }
}

/** 25 overdue, 3 due today, 12 on Wednesday: the daily budget is 10. */
async function backlog(): Promise<void> {
  app = berlinApp('2026-11-09T07:00:00Z');
  for (const day of ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'])
    await stepsOn(day, 5);
  await stepsOn('2026-11-16', 3);
  await stepsOn('2026-11-18', 12);
  app.setNow(MONDAY);
}

describe('.ics export follows the plan', () => {
  it('applies the daily budget and puts what waits on the day it is planned for', async () => {
    await backlog();
    const result = await app.api['calendar.exportIcs']({});
    const events = starts(result.content);
    expect(result.events).toBe(40);
    expect(result.later).toBe(0);
    // Ten a working day, the most important (here the oldest) first; Wednesday's own twelve
    // compete with what waits, the weekend takes nothing.
    expect(perDay(events)).toEqual({
      '2026-11-16': 10,
      '2026-11-17': 10,
      '2026-11-18': 10,
      '2026-11-19': 10,
    });
    // What moved goes out at the follow-up hour of its planned day; today's own keep their time.
    expect(
      events.filter((e) => e.day === '2026-11-17').every((e) => e.start === '2026-11-17T08:00:00.000Z'),
    ).toBe(true);
    // Today's events are the ones Today lists in the budget, and the same UIDs as before.
    const today = await app.api['followups.today']({});
    const todayUids = events.filter((e) => e.day === '2026-11-16').map((e) => e.uid);
    expect(todayUids.sort()).toEqual(
      [...today.overdue, ...today.dueToday].map((i) => `followup-${i.id}@followthrough.app`).sort(),
    );
  });

  it('leaves out what the plan puts after the range, and says how many', async () => {
    await backlog();
    const result = await app.api['calendar.exportIcs']({ from: '2026-11-16', to: '2026-11-17' });
    expect(result.events).toBe(20);
    // 28 due now and none of Wednesday's: eight wait beyond Tuesday.
    expect(result.later).toBe(8);
    expect(perDay(starts(result.content))).toEqual({ '2026-11-16': 10, '2026-11-17': 10 });
  });

  it('exports every open follow-up on its own due day when asked for everything', async () => {
    await backlog();
    const result = await app.api['calendar.exportIcs']({
      from: '2026-11-09',
      to: '2026-11-22',
      everything: true,
    });
    expect(result.events).toBe(40);
    expect(result.later).toBe(0);
    expect(perDay(starts(result.content))).toEqual({
      '2026-11-09': 5,
      '2026-11-10': 5,
      '2026-11-11': 5,
      '2026-11-12': 5,
      '2026-11-13': 5,
      '2026-11-16': 3,
      '2026-11-18': 12,
    });
  });

  it('counts what was done today against today’s events', async () => {
    await backlog();
    const today = await app.api['followups.today']({});
    for (const item of today.overdue.slice(0, 4)) await app.api['followups.done']({ id: item.id });
    const events = starts((await app.api['calendar.exportIcs']({ to: '2026-11-16' })).content);
    expect(perDay(events)).toEqual({ '2026-11-16': 6 });
  });

  it('keeps a filter to its person or tag, with the budget still shared by everyone', async () => {
    await backlog();
    const c = await app.api['contacts.create']({ displayName: 'Tagged', tags: ['vip'] });
    await app.api['followups.schedule']({ contactId: c.id, dueOn: '2026-11-16' });
    const events = starts((await app.api['calendar.exportIcs']({ tag: 'vip' })).content);
    // Manual steps are taken oldest first: 28 ahead of it, so it goes out on Wednesday.
    expect(events.map((e) => e.day)).toEqual(['2026-11-18']);
  });

  it('drops a check-in from the plan once it waits past its day, as Today lists it as going cold', async () => {
    app = berlinApp('2026-10-16T07:00:00Z', { caps: { minGapDays: 3, maxPer30Days: 4, dailyBudget: 1 } });
    const friend = await app.api['contacts.create']({ displayName: 'Friend', cadenceDays: 31 });
    app.setNow(MONDAY);
    const other = await app.api['contacts.create']({ displayName: 'Other' });
    await app.api['followups.schedule']({ contactId: other.id, dueOn: '2026-11-16' });
    const [checkIn] = await app.api['followups.list']({ contactId: friend.id, statuses: ['pending'] });
    expect(checkIn).toMatchObject({ purpose: 'check_in', dueOn: '2026-11-16' });
    // The budget of one takes the hand-planned step (more important); tomorrow the check-in is
    // past its day: going cold on Today, so no day of its own in the plan.
    const result = await app.api['calendar.exportIcs']({ to: '2026-11-30' });
    expect(result.events).toBe(1);
    expect(result.later).toBe(1);
    app.setNow('2026-11-17T10:00:00Z');
    expect((await app.api['followups.today']({})).goingCold.map((g) => g.contactName)).toEqual(['Friend']);
  });

  it('the subscription feed follows the same plan', async () => {
    await backlog();
    const token = ensureToken(app.context);
    const feed = feedForPath(app.context, `/feed/${token}.ics`);
    expect(feed).not.toBeNull();
    const exported = starts((await app.api['calendar.exportIcs']({})).content);
    expect(starts(feed!)).toEqual(exported);
  });
});
