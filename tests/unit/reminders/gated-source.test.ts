import { describe, expect, it } from 'vitest';
import { gated } from '../../../src/main/reminders/reminder-service.ts';
import type { DueReminder, ReminderSource } from '../../../src/main/reminders/reminder-source.ts';
import { createScheduler } from '../../../src/main/reminders/scheduler.ts';
import { inMemorySettings } from '../../../src/main/settings/settings-store.ts';
import { plainText } from '../../../src/shared/format/dated-text.ts';
import { createFakeSource } from './fake-source.ts';
import { createFakeTime } from './fake-time.ts';

const due: DueReminder = {
  id: 1,
  contactId: 1,
  contactName: 'Ada',
  purpose: 'refresher',
  reason: plainText('Met yesterday'),
  context: null,
  dueAt: '2026-11-16T09:00:00.000Z',
  priority: 1,
};

function fakeSource() {
  const calls: string[] = [];
  const source: ReminderSource = {
    dueUnnotified: () => [due],
    markNotified: () => calls.push('mark'),
    dueNow: () => [due],
    nextDueAfter: () => new Date('2026-11-17T09:00:00.000Z'),
    notifiedBetween: () => 0,
    replan: () => calls.push('replan') > 0,
  };
  return { source, calls };
}

describe('reminders while an import holds the database', () => {
  it('fire nothing and re-plan nothing, and look again in a second', () => {
    const gate = { busy: true };
    const { source, calls } = fakeSource();
    const s = gated(source, gate);
    const now = new Date('2026-11-16T10:00:00.000Z');
    expect(s.dueUnnotified(now)).toEqual([]);
    // Not run, and said so: the scheduler keeps it owed.
    expect(s.replan(now)).toBe(false);
    expect(calls).toEqual([]);
    expect(s.nextDueAfter(now)).toEqual(new Date('2026-11-16T10:00:01.000Z'));
    // The tray still shows what is due.
    expect(s.dueNow(now)).toEqual([due]);
  });

  it('behave normally once the gate is free', () => {
    const gate = { busy: false };
    const { source, calls } = fakeSource();
    const s = gated(source, gate);
    const now = new Date('2026-11-16T10:00:00.000Z');
    expect(s.dueUnnotified(now)).toEqual([due]);
    expect(s.replan(now)).toBe(true);
    expect(calls).toEqual(['replan']);
    expect(s.nextDueAfter(now)).toEqual(new Date('2026-11-17T09:00:00.000Z'));
  });
});

describe('a re-plan asked for while the gate is held', () => {
  it('is owed, not dropped: it runs on the first pass after the gate is free', () => {
    // What `serve` met at start-up: the daily backup held the gate during the first pass, which
    // re-times every step after a zone change, and the pass was skipped for good.
    const time = createFakeTime('2026-11-16T10:00:00Z');
    const fake = createFakeSource();
    const gate = { busy: true };
    const scheduler = createScheduler({
      source: gated(fake.source, gate),
      clock: time.clock,
      settings: inMemorySettings({ timeZone: 'UTC' }),
      notify: () => {},
      timers: time.timers,
      onError: (error) => {
        throw error;
      },
      systemZone: () => 'UTC',
    });
    scheduler.start();
    expect(fake.replans()).toBe(0);
    time.advance(1000);
    expect(fake.replans()).toBe(0);
    gate.busy = false;
    time.advance(1000);
    expect(fake.replans()).toBe(1);
    // Once done, it is not repeated on later passes.
    time.advance(60_000);
    expect(fake.replans()).toBe(1);
    scheduler.stop();
  });
});
