import { describe, expect, it } from 'vitest';
import { CLOCK_JUMP_MS, MAX_SLEEP_MS, MAX_TIMEOUT_MS } from '../../../src/main/reminders/scheduler.ts';
import { DAY, HOUR, schedulerHarness } from './harness.ts';

// Tue 10 Mar 2026 in UTC; default settings: Mon–Fri, 08:00–18:00, budget 10, digest on.
describe('firing due reminders', () => {
  it('fires what is already due on start, oldest first, and marks each before announcing it', () => {
    const h = schedulerHarness({ start: '2026-03-10T09:30:00Z', settings: { notifications: digestOff } });
    const late = h.fake.add('2026-03-10T09:00:00Z');
    const early = h.fake.add('2026-03-09T15:00:00Z');
    const markedWhenAnnounced: boolean[] = [];
    h.hooks.onNotify = (ids) => markedWhenAnnounced.push(...ids.map(h.fake.isNotified));
    h.scheduler.start();
    expect(h.announced()).toEqual([[early.id], [late.id]]);
    expect(markedWhenAnnounced).toEqual([true, true]);
    expect(h.fake.duplicates).toEqual([]);
  });

  it('announces one reminder on its own and several at once as one digest', () => {
    const h = schedulerHarness({ start: '2026-03-10T08:30:00Z' });
    const one = h.fake.add('2026-03-10T08:00:00Z');
    h.scheduler.start();
    expect(h.notices).toMatchObject([{ kind: 'single', items: [{ id: one.id }] }]);

    const a = h.fake.add('2026-03-10T09:00:00Z', { priority: 1 });
    const b = h.fake.add('2026-03-10T09:00:00Z', { priority: 3 });
    const c = h.fake.add('2026-03-10T08:15:00Z');
    h.scheduler.wake('data-changed');
    h.time.flush();
    expect(h.notices.at(-1)).toMatchObject({ kind: 'single', items: [{ id: c.id }] });
    h.time.advance(30 * 60_000);
    expect(h.notices.at(-1)).toMatchObject({ kind: 'digest', items: [{ id: a.id }, { id: b.id }] });
    expect(h.notices.at(-1)!.at).toBe(Date.parse('2026-03-10T09:00:00Z'));
    expect(h.fake.duplicates).toEqual([]);
  });

  it('sends each reminder separately when the digest is off', () => {
    const h = schedulerHarness({ start: '2026-03-10T09:00:00Z', settings: { notifications: digestOff } });
    h.fake.add('2026-03-10T08:00:00Z');
    h.fake.add('2026-03-10T08:10:00Z');
    h.scheduler.start();
    expect(h.notices.map((n) => n.kind)).toEqual(['single', 'single']);
  });

  it('never announces a reminder twice, across wakes, timers and passes', () => {
    const h = schedulerHarness({ start: '2026-03-10T09:00:00Z' });
    h.fake.add('2026-03-10T08:00:00Z');
    h.scheduler.start();
    for (const reason of ['resume', 'data-changed', 'clock-changed', 'settings-changed'] as const) {
      h.scheduler.wake(reason);
      h.time.flush();
    }
    h.time.advance(3 * DAY);
    expect(h.fake.log).toHaveLength(1);
    expect(h.fake.duplicates).toEqual([]);
  });

  it('does not notify, nor mark, while notifications are off; announces once they are on', () => {
    const h = schedulerHarness({
      start: '2026-03-10T09:00:00Z',
      settings: { notifications: { enabled: false, dailyDigest: true, keepRunningInTray: true } },
    });
    h.fake.add('2026-03-10T08:00:00Z');
    h.fake.add('2026-03-10T08:30:00Z');
    h.scheduler.start();
    h.time.advance(2 * HOUR);
    expect(h.notices).toEqual([]);
    expect(h.fake.log).toEqual([]);
    // The tray still shows what is due.
    expect(h.dueLists.at(-1)).toHaveLength(2);

    h.settings.update({ notifications: { enabled: true, dailyDigest: true, keepRunningInTray: true } });
    h.scheduler.wake('settings-changed');
    h.time.flush();
    expect(h.notices).toMatchObject([{ kind: 'digest', items: [{}, {}] }]);
  });
});

describe('one timer, to the next interesting moment', () => {
  it('sleeps until the next due step, in hour-long hops at most', () => {
    const h = schedulerHarness({ start: '2026-03-10T08:30:00Z' });
    const step = h.fake.add('2026-03-10T10:00:00Z');
    h.scheduler.start();
    expect(h.time.pendingCount()).toBe(1);
    expect(h.time.delays).toEqual([MAX_SLEEP_MS]);
    h.time.advance(HOUR);
    expect(h.time.delays).toEqual([MAX_SLEEP_MS, 30 * 60_000]);
    h.time.advance(30 * 60_000);
    expect(h.announced()).toEqual([[step.id]]);
    expect(h.notices[0]!.at).toBe(Date.parse('2026-03-10T10:00:00Z'));
  });

  it('keeps exactly one timer pending however often it is woken', () => {
    const h = schedulerHarness();
    h.fake.add('2026-03-10T12:00:00Z');
    h.scheduler.start();
    for (let i = 0; i < 20; i++) h.scheduler.wake(i % 2 ? 'data-changed' : 'resume');
    expect(h.time.pendingCount()).toBe(1);
    h.time.advance(10 * HOUR);
    expect(h.time.pendingCount()).toBe(1);
  });

  it('coalesces a burst of wakes into one pass', () => {
    const h = schedulerHarness({ start: '2026-03-10T09:00:00Z' });
    let passes = 0;
    const dueUnnotified = h.fake.source.dueUnnotified;
    h.fake.source.dueUnnotified = (now) => {
      passes++;
      return dueUnnotified(now);
    };
    h.scheduler.start();
    passes = 0;
    for (let i = 0; i < 50; i++) h.scheduler.wake('data-changed');
    h.time.flush();
    expect(passes).toBe(1);
  });

  it('clamps its delay to what setTimeout can hold', () => {
    const h = schedulerHarness({ scheduler: { maxSleepMs: 10 ** 12 } });
    h.fake.add('2027-06-01T09:00:00Z');
    h.scheduler.start();
    expect(h.time.delays.at(-1)).toBe(MAX_TIMEOUT_MS);
  });

  it('stops: no timer left, and wakes are ignored', () => {
    const h = schedulerHarness();
    h.fake.add('2026-03-10T09:00:00Z');
    h.scheduler.start();
    h.scheduler.stop();
    expect(h.time.pendingCount()).toBe(0);
    h.scheduler.wake('resume');
    h.time.advance(DAY);
    expect(h.notices).toEqual([]);
  });

  it('runs again at once when woken while announcing (e.g. a write from the notifier)', () => {
    const h = schedulerHarness({ start: '2026-03-10T09:00:00Z' });
    h.fake.add('2026-03-10T08:00:00Z');
    h.hooks.onNotify = () => {
      h.hooks.onNotify = undefined;
      h.fake.add('2026-03-10T08:30:00Z');
      h.scheduler.wake('data-changed');
    };
    h.scheduler.start();
    expect(h.time.delays.at(-1)).toBe(0);
    expect(h.time.pendingCount()).toBe(1);
    h.time.flush();
    expect(h.fake.log).toHaveLength(2);
  });
});

describe('sleep, clock jumps and zone changes', () => {
  it('catches up after a sleep: everything missed, oldest first, in one digest, after a replan', () => {
    const h = schedulerHarness({ start: '2026-03-10T09:00:00Z' });
    const ids = ['2026-03-10T12:00:00Z', '2026-03-10T10:00:00Z', '2026-03-10T11:00:00Z'].map(
      (due) => h.fake.add(due).id,
    );
    h.scheduler.start();
    const replansBefore = h.fake.replans();
    h.time.jump(4 * HOUR); // lid closed: timers did not run
    h.scheduler.wake('resume');
    h.time.flush();
    expect(h.fake.replans()).toBe(replansBefore + 1);
    expect(h.announced()).toEqual([[ids[1], ids[2], ids[0]]]);
  });

  it('notices a clock jump from a timer firing far from its planned time, and replans first', () => {
    const h = schedulerHarness({ start: '2026-03-10T09:00:00Z' });
    h.fake.add('2026-03-10T13:00:00Z');
    h.scheduler.start();
    const replans = h.fake.replans();
    h.time.advance(10 * 60_000); // an ordinary wait: no replan
    expect(h.fake.replans()).toBe(replans);
    h.time.jump(5 * HOUR); // the wall clock was set forward
    h.time.advance(MAX_SLEEP_MS);
    expect(h.fake.replans()).toBe(replans + 1);
    expect(h.fake.log).toHaveLength(1);
  });

  it('treats small drift as normal', () => {
    const h = schedulerHarness();
    h.scheduler.start();
    const replans = h.fake.replans();
    h.time.jump(CLOCK_JUMP_MS / 2);
    h.time.advance(MAX_SLEEP_MS);
    h.time.jump(-CLOCK_JUMP_MS / 2);
    h.time.advance(MAX_SLEEP_MS);
    expect(h.fake.replans()).toBe(replans);
  });

  it('replans when the system zone changes under a running app', () => {
    let zone = 'Europe/Berlin';
    const h = schedulerHarness({ settings: { timeZone: null }, systemZone: () => zone });
    h.scheduler.start();
    const replans = h.fake.replans();
    h.time.advance(MAX_SLEEP_MS);
    expect(h.fake.replans()).toBe(replans);
    zone = 'America/New_York';
    h.time.advance(MAX_SLEEP_MS);
    expect(h.fake.replans()).toBe(replans + 1);
  });

  it('replans for every wake reason except a plain data change', () => {
    const h = schedulerHarness();
    h.scheduler.start();
    const counts: Record<string, number> = {};
    for (const reason of ['data-changed', 'resume', 'clock-changed', 'settings-changed'] as const) {
      const before = h.fake.replans();
      h.scheduler.wake(reason);
      h.time.flush();
      counts[reason] = h.fake.replans() - before;
    }
    expect(counts).toEqual({ 'data-changed': 0, resume: 1, 'clock-changed': 1, 'settings-changed': 1 });
  });
});

describe('working time', () => {
  it('holds a reminder due before working hours until they start', () => {
    const h = schedulerHarness({ start: '2026-03-10T05:00:00Z' });
    h.fake.add('2026-03-10T06:00:00Z');
    h.scheduler.start();
    h.time.advance(6 * HOUR);
    expect(h.notices.map((n) => h.iso(n.at))).toEqual(['2026-03-10T08:00:00.000Z']);
  });

  it('holds a reminder due after hours until the next working morning', () => {
    const h = schedulerHarness({ start: '2026-03-10T17:00:00Z' });
    h.fake.add('2026-03-10T18:30:00Z');
    h.scheduler.start();
    h.time.advance(DAY);
    expect(h.notices.map((n) => h.iso(n.at))).toEqual(['2026-03-11T08:00:00.000Z']);
  });

  it('holds a weekend reminder until Monday, waking at most hourly meanwhile', () => {
    const h = schedulerHarness({ start: '2026-03-13T17:30:00Z' }); // Friday
    h.fake.add('2026-03-14T10:00:00Z'); // Saturday
    h.scheduler.start();
    h.time.advance(3 * DAY);
    expect(h.notices.map((n) => h.iso(n.at))).toEqual(['2026-03-16T08:00:00.000Z']);
    expect(Math.max(...h.time.delays)).toBeLessThanOrEqual(MAX_SLEEP_MS);
  });

  it('counts working hours in the user’s zone, not the system’s', () => {
    // New York is on daylight time from 8 March 2026: 08:00 there is 12:00Z.
    const h = schedulerHarness({ start: '2026-03-10T10:00:00Z', settings: { timeZone: 'America/New_York' } });
    h.fake.add('2026-03-10T11:00:00Z');
    h.scheduler.start();
    h.time.advance(4 * HOUR);
    expect(h.notices.map((n) => h.iso(n.at))).toEqual(['2026-03-10T12:00:00.000Z']);
  });

  it('follows custom working days and hours', () => {
    const h = schedulerHarness({
      start: '2026-03-14T09:00:00Z', // Saturday
      settings: { workingDays: [6], workingHours: { start: 10, end: 12 } },
    });
    h.fake.add('2026-03-14T09:00:00Z');
    h.fake.add('2026-03-14T12:30:00Z');
    h.scheduler.start();
    h.time.advance(8 * DAY);
    expect(h.notices.map((n) => h.iso(n.at))).toEqual([
      '2026-03-14T10:00:00.000Z',
      '2026-03-21T10:00:00.000Z',
    ]);
  });
});

describe('the daily budget', () => {
  it('announces the most important first and keeps the rest for the next working day', () => {
    const h = schedulerHarness({
      start: '2026-03-10T09:00:00Z',
      settings: { caps: { minGapDays: 3, maxPer30Days: 4, dailyBudget: 3 } },
    });
    const p = [4, 1, 5, 2, 3].map((priority, i) => h.fake.add(`2026-03-10T08:0${i}:00Z`, { priority }).id);
    h.scheduler.start();
    // Priorities 1, 2, 3 fire, announced oldest first.
    expect(h.announced()).toEqual([[p[1], p[3], p[4]]]);
    h.time.advance(DAY);
    expect(h.announced()).toEqual([
      [p[1], p[3], p[4]],
      [p[0], p[2]],
    ]);
    expect(h.notices[1]!.at).toBe(Date.parse('2026-03-11T08:00:00Z'));
  });

  it('counts what was already announced today', () => {
    const h = schedulerHarness({
      start: '2026-03-10T09:00:00Z',
      settings: { caps: { minGapDays: 3, maxPer30Days: 4, dailyBudget: 3 } },
    });
    h.fake.add('2026-03-10T08:00:00Z');
    h.fake.add('2026-03-10T08:30:00Z');
    h.scheduler.start();
    expect(h.fake.log).toHaveLength(2);
    h.fake.add('2026-03-10T10:00:00Z');
    h.fake.add('2026-03-10T10:00:00Z');
    h.time.advance(2 * HOUR);
    expect(h.fake.log).toHaveLength(3);
  });

  it('when spent, sleeps to the next working start rather than waking for each new due step', () => {
    const h = schedulerHarness({
      start: '2026-03-10T09:00:00Z',
      settings: { caps: { minGapDays: 3, maxPer30Days: 4, dailyBudget: 1 } },
      scheduler: { maxSleepMs: 2 * DAY },
    });
    h.fake.add('2026-03-10T08:00:00Z');
    h.fake.add('2026-03-10T08:10:00Z');
    h.fake.add('2026-03-10T11:00:00Z');
    h.scheduler.start();
    expect(h.time.delays).toEqual([23 * HOUR]); // to Wednesday 08:00
  });
});

describe('the due list (tray)', () => {
  it('reports the due list when it changes, and only then', () => {
    const h = schedulerHarness({ start: '2026-03-10T09:00:00Z' });
    h.scheduler.start();
    expect(h.dueLists).toEqual([[]]);
    h.time.advance(MAX_SLEEP_MS);
    expect(h.dueLists).toHaveLength(1);
    const step = h.fake.add('2026-03-10T09:30:00Z');
    h.scheduler.wake('data-changed');
    h.time.advance(HOUR);
    expect(h.dueLists.at(-1)!.map((d) => d.id)).toEqual([step.id]);
    h.fake.remove(step.id);
    h.scheduler.wake('data-changed');
    h.time.flush();
    expect(h.dueLists.at(-1)).toEqual([]);
  });
});

describe('failures', () => {
  it('reports a failing source and tries again a minute later', () => {
    const h = schedulerHarness({ start: '2026-03-10T09:00:00Z' });
    h.fake.add('2026-03-10T08:00:00Z');
    const dueUnnotified = h.fake.source.dueUnnotified;
    let failures = 1;
    h.fake.source.dueUnnotified = (now) => {
      if (failures-- > 0) throw new Error('database is locked');
      return dueUnnotified(now);
    };
    h.scheduler.start();
    expect(h.errors).toHaveLength(1);
    expect(h.time.delays).toEqual([60_000]);
    h.time.advance(60_000);
    expect(h.fake.log).toHaveLength(1);
  });

  it('does not repeat a reminder whose notifier threw', () => {
    const h = schedulerHarness({ start: '2026-03-10T09:00:00Z' });
    h.fake.add('2026-03-10T08:00:00Z');
    h.hooks.onNotify = () => {
      throw new Error('notification service down');
    };
    h.scheduler.start();
    h.time.advance(DAY);
    expect(h.errors).toHaveLength(1);
    expect(h.fake.log).toHaveLength(1);
  });

  it('still fires when a replan fails', () => {
    const h = schedulerHarness({ start: '2026-03-10T09:00:00Z' });
    h.fake.add('2026-03-10T08:00:00Z');
    h.fake.source.replan = () => {
      throw new Error('replan failed');
    };
    h.scheduler.start();
    expect(h.errors).toHaveLength(1);
    expect(h.fake.log).toHaveLength(1);
  });
});

const digestOff = { enabled: true, dailyDigest: false, keepRunningInTray: true };
