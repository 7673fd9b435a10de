import { afterEach, describe, expect, it } from 'vitest';
import { localDayOf } from '../../../src/main/time/local-day.ts';
import type { CalendarItem } from '../../../src/shared/domain/calendar.ts';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';

let app: TempApp;
afterEach(() => app?.cleanup());

/**
 * Issue 10: a step done early showed on the day it was due, as if still to do. A done step is
 * on the day (and at the moment) it was done, as Today counts it and as the .ics export, which
 * drops it, no longer plans it; an open one stays on its due day. Each zone's "today" is a
 * different UTC day at these instants (late evening in Los Angeles, early morning in Auckland).
 */
const ZONES = [
  // Tuesday 17 November 2026 23:40 local: still the 17th there, the 18th in UTC.
  { timeZone: 'America/Los_Angeles', now: '2026-11-18T07:40:00Z', today: '2026-11-17' },
  // Wednesday 18 November 2026 00:20 local (summer time): the 17th in UTC.
  { timeZone: 'Pacific/Auckland', now: '2026-11-17T11:20:00Z', today: '2026-11-18' },
  { timeZone: 'Europe/Berlin', now: '2026-11-17T10:00:00Z', today: '2026-11-17' },
];

const month = { from: '2026-10-26', to: '2026-12-06' };
const followUps = (items: CalendarItem[], contactId: number) =>
  items.filter((i) => i.kind === 'followup' && i.contactId === contactId);

describe.each(ZONES)('done steps in the calendar ($timeZone)', ({ timeZone, now, today }) => {
  it('shows a step done early on the day it was done, at that moment, and not on its due day', async () => {
    app = openTempApp(now, { timeZone, followUpHour: 9, workingDays: [1, 2, 3, 4, 5] });
    const ada = await app.api['contacts.create']({ displayName: 'Ada', tags: ['math'] });
    const nextTuesday = '2026-11-24';
    const { followUp } = await app.api['followups.schedule']({ contactId: ada.id, dueOn: nextTuesday });
    const due = await app.api['calendar.range']({ ...month, includeDone: true });
    expect(followUps(due.items, ada.id)).toMatchObject([{ status: 'pending', followUpId: followUp.id }]);
    expect(localDayOf(new Date(followUps(due.items, ada.id)[0]!.start), timeZone)).toBe(nextTuesday);

    await app.api['followups.done']({ id: followUp.id });
    // The network-wide query, one person's and one tag's: the same single item.
    for (const filter of [{}, { contactId: ada.id }, { tag: 'math' }]) {
      const range = await app.api['calendar.range']({ ...month, ...filter, includeDone: true });
      const [done, ...others] = followUps(range.items, ada.id);
      expect(others, JSON.stringify(filter)).toEqual([]);
      expect(done).toMatchObject({ status: 'done', overdue: false, start: new Date(now).toISOString() });
      expect(localDayOf(new Date(done!.start), timeZone)).toBe(today);
      expect(Date.parse(done!.end!) - Date.parse(done!.start)).toBe(30 * 60_000);
    }
    // Without done steps, and in the .ics export, it is simply gone.
    const open = await app.api['calendar.range']({ ...month });
    expect(followUps(open.items, ada.id)).toEqual([]);
    const ics = await app.api['calendar.exportIcs']({ from: today, to: '2026-12-31', everything: true });
    expect(ics.content).not.toContain(`followup-${followUp.id}@`);
  });

  it('counts a crowded day with what was done on it, and what is due on it still open', async () => {
    app = openTempApp(now, { timeZone, followUpHour: 9, workingDays: [1, 2, 3, 4, 5] });
    const people = [];
    for (let i = 0; i < 5; i++) people.push(await app.api['contacts.create']({ displayName: `P${i}` }));
    const steps = [];
    for (const p of people)
      steps.push((await app.api['followups.schedule']({ contactId: p.id, dueOn: '2026-11-25' })).followUp);
    // Two done today (early), one of them by a person archived since; three still due on the 25th.
    await app.api['followups.done']({ id: steps[0]!.id });
    await app.api['followups.done']({ id: steps[1]!.id });
    await app.api['contacts.setArchived']({ id: people[1]!.id, archived: true });

    const all = await app.api['calendar.range']({ ...month, includeDone: true, followUpsPerDay: 1000 });
    const byDay = new Map<string, number>();
    for (const i of all.items)
      if (i.kind === 'followup') {
        const day = localDayOf(new Date(i.start), timeZone);
        byDay.set(day, (byDay.get(day) ?? 0) + 1);
      }
    expect(Object.fromEntries(byDay)).toMatchObject({ [today]: 1, '2026-11-25': 3 });

    const capped = await app.api['calendar.range']({ ...month, includeDone: true, followUpsPerDay: 1 });
    expect(capped.crowded).toEqual([{ day: '2026-11-25', total: 3, shown: 1 }]);
    const tagless = await app.api['calendar.range']({
      ...month,
      contactId: people[0]!.id,
      includeDone: true,
    });
    expect(tagless.items.map((i) => i.status)).toEqual(['done']);
  });
});
