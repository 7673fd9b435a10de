import { describe, expect, it } from 'vitest';
import { gated } from '../../../src/main/reminders/reminder-service.ts';
import type { DueReminder, ReminderSource } from '../../../src/main/reminders/reminder-source.ts';

const due: DueReminder = {
  id: 1,
  contactId: 1,
  contactName: 'Ada',
  purpose: 'refresher',
  reason: 'Met yesterday',
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
    replan: () => calls.push('replan'),
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
    s.replan(now);
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
    s.replan(now);
    expect(calls).toEqual(['replan']);
    expect(s.nextDueAfter(now)).toEqual(new Date('2026-11-17T09:00:00.000Z'));
  });
});
