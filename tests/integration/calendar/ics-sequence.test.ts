import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureToken } from '../../../src/main/calendar/calendar-handlers.ts';
import { feedForPath } from '../../../src/main/calendar/feed.ts';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';

/**
 * Issue 10: a calendar client keeps the copy of an event with the higher SEQUENCE (RFC 5545
 * §3.8.7.4). Every change of a step's planned day must raise it: the stored moves (reschedule,
 * a calendar drag, catch-up, snooze) and the moves of the plan the export computes (a waiting
 * step moves when the budget changes, with nothing stored changing). Two exports, parsed by
 * ical.js, compared UID by UID.
 */
let app: TempApp;
afterEach(() => app?.cleanup());

interface Event {
  start: string;
  sequence: number;
  lastModified: string;
}

function events(ics: string): Map<string, Event> {
  const root = new ICAL.Component(ICAL.parse(ics));
  return new Map(
    root.getAllSubcomponents('vevent').map((c) => {
      const e = new ICAL.Event(c);
      const lastModified = (c.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate().toISOString();
      return [e.uid, { start: e.startDate.toJSDate().toISOString(), sequence: e.sequence, lastModified }];
    }),
  );
}

/**
 * Every UID in both files: a new start comes with a higher SEQUENCE and a later LAST-MODIFIED;
 * neither ever goes down (a stored change that keeps the start raises them too).
 */
function expectRevised(before: Map<string, Event>, after: Map<string, Event>): { moved: number } {
  let moved = 0;
  for (const [uid, a] of after) {
    const b = before.get(uid);
    if (!b) continue;
    if (a.start !== b.start) {
      moved++;
      expect(a.sequence, `${uid}: ${b.start} → ${a.start}`).toBeGreaterThan(b.sequence);
      expect(a.lastModified > b.lastModified, `${uid} LAST-MODIFIED`).toBe(true);
    } else {
      expect(a.sequence, `${uid} did not move`).toBeGreaterThanOrEqual(b.sequence);
      expect(a.lastModified >= b.lastModified, `${uid} LAST-MODIFIED`).toBe(true);
    }
  }
  return { moved };
}

const CAPS = { minGapDays: 3, maxPer30Days: 4, dailyBudget: 10 };

describe.each([
  // Monday 16 November 2026, 11:00 in Berlin; 08:00 the same Monday in Los Angeles.
  { timeZone: 'Europe/Berlin', backlogAt: '2026-11-09T07:00:00Z', now: '2026-11-16T10:00:00Z' },
  { timeZone: 'America/Los_Angeles', backlogAt: '2026-11-09T17:00:00Z', now: '2026-11-16T16:00:00Z' },
])('.ics SEQUENCE follows every move of a step’s day ($timeZone)', ({ timeZone, backlogAt, now }) => {
  /** 25 overdue, 3 due today and 12 on Wednesday, against a budget of 10 a day. */
  async function backlog(): Promise<number[]> {
    app = openTempApp(backlogAt, { timeZone, followUpHour: 9, workingDays: [1, 2, 3, 4, 5], caps: CAPS });
    const ids: number[] = [];
    const days = ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'];
    for (const [day, n] of [
      ...days.map((d) => [d, 5] as const),
      ['2026-11-16', 3],
      ['2026-11-18', 12],
    ] as const)
      for (let i = 0; i < n; i++) {
        const c = await app.api['contacts.create']({ displayName: `${day} #${i + 1}` });
        ids.push((await app.api['followups.schedule']({ contactId: c.id, dueOn: day })).followUp.id);
      }
    app.setNow(now);
    minutes = 0;
    return ids;
  }
  // A minute apart, as exports are: LAST-MODIFIED has whole seconds.
  let minutes = 0;
  const exportNow = async (everything = false) => {
    app.setNow(new Date(Date.parse(now) + ++minutes * 60_000).toISOString());
    return events((await app.api['calendar.exportIcs']({ to: '2026-12-31', everything })).content);
  };

  it('raises it when the plan alone moves a waiting step, and back again; a repeat keeps it', async () => {
    await backlog();
    const first = await exportNow();
    // The plan moves steps, nothing stored changes: half the budget, then the whole again.
    await app.api['settings.update']({ caps: { ...CAPS, dailyBudget: 5 } });
    const halved = await exportNow();
    expect(expectRevised(first, halved).moved).toBeGreaterThan(10);
    await app.api['settings.update']({ caps: CAPS });
    const again = await exportNow();
    expect(expectRevised(halved, again).moved).toBeGreaterThan(10);
    // The same starts as the first file, each with a higher number than it had there.
    for (const [uid, e] of again) {
      expect(e.start).toBe(first.get(uid)!.start);
      if (e.start !== halved.get(uid)!.start) expect(e.sequence).toBeGreaterThan(first.get(uid)!.sequence);
    }
    // Exported once more, unchanged: the same numbers, and nothing written.
    const writes = app.context.db.prepare('SELECT total_changes()').pluck();
    const before = writes.get() as number;
    expect(await exportNow()).toEqual(again);
    expect(writes.get()).toBe(before);
  });

  it('raises it for a reschedule (a calendar drag), a snooze and a catch-up', async () => {
    const ids = await backlog();
    const first = await exportNow();
    await app.api['followups.reschedule']({ id: ids[0]!, dueOn: '2026-11-20' });
    await app.api['followups.snooze']({ id: ids[1]!, preset: 'nextWeek' });
    const moved = await exportNow();
    expectRevised(first, moved);
    for (const id of ids.slice(0, 2)) {
      const uid = `followup-${id}@followthrough.app`;
      expect(moved.get(uid)!.start).not.toBe(first.get(uid)!.start);
    }
    // Catch-up stores new days for the overdue steps; the plan then reads them as their own.
    await app.api['followups.catchUp']({});
    expectRevised(moved, await exportNow());
  });

  it('raises it between the plan and every step on its own due day, both ways, and in the feed', async () => {
    await backlog();
    const planned = await exportNow();
    const own = await exportNow(true);
    expect(expectRevised(planned, own).moved).toBeGreaterThan(10);
    const plannedAgain = await exportNow();
    expect(expectRevised(own, plannedAgain).moved).toBeGreaterThan(10);
    // The feed follows the same plan and the same record.
    await app.api['settings.update']({ caps: { ...CAPS, dailyBudget: 4 } });
    app.setNow(new Date(Date.parse(now) + ++minutes * 60_000).toISOString());
    const feed = feedForPath(app.context, `/feed/${ensureToken(app.context)}.ics`)!;
    expect(expectRevised(plannedAgain, events(feed)).moved).toBeGreaterThan(10);
  });
});
