import { describe, expect, it } from 'vitest';
import { createChangeBus } from '../../../src/main/core/change-bus.ts';
import { wakeReasonFor } from '../../../src/main/reminders/change-forwarding.ts';
import type { ReminderNotice } from '../../../src/main/reminders/notice.ts';
import { startReminders } from '../../../src/main/reminders/reminder-service.ts';
import { inMemorySettings } from '../../../src/main/settings/settings-store.ts';
import { createFakeSource } from './fake-source.ts';
import { createFakeTime } from './fake-time.ts';

function setup() {
  const time = createFakeTime('2026-03-10T09:00:00Z');
  const fake = createFakeSource();
  const bus = createChangeBus();
  const notices: ReminderNotice[] = [];
  const pushes: Array<[string, unknown]> = [];
  const service = startReminders(
    { reminders: fake.source, bus, clock: time.clock, settings: inMemorySettings({ timeZone: 'UTC' }) },
    {
      notify: (notice) => notices.push(notice),
      push: (event, payload) => pushes.push([event, payload]),
      onError: (error) => {
        throw error;
      },
      timers: time.timers,
    },
  );
  return { time, fake, bus, notices, pushes, service };
}

describe('reminders wired to the change bus', () => {
  it('maps each change to a wake reason', () => {
    expect(wakeReasonFor({ type: 'data-changed', scopes: ['followups'] })).toBe('data-changed');
    expect(wakeReasonFor({ type: 'data-changed', scopes: ['contacts'] })).toBe('data-changed');
    expect(wakeReasonFor({ type: 'data-changed', scopes: ['settings', 'followups'] })).toBe(
      'settings-changed',
    );
    expect(wakeReasonFor({ type: 'clock-changed', now: '2026-03-10T10:00:00Z' })).toBe('clock-changed');
  });

  it('starts at once, and a write on the bus wakes it and reaches the renderer', () => {
    const { time, fake, bus, notices, pushes } = setup();
    expect(fake.replans()).toBe(1);
    fake.add('2026-03-10T08:00:00Z');
    bus.emit({ type: 'data-changed', scopes: ['followups'] });
    expect(pushes).toEqual([['data-changed', { scopes: ['followups'] }]]);
    time.flush();
    expect(notices).toHaveLength(1);
  });

  it('announces a clock move as a follow-up change and replans', () => {
    const { time, fake, bus, pushes } = setup();
    time.setWall('2026-03-12T09:00:00Z');
    bus.emit({ type: 'clock-changed', now: '2026-03-12T09:00:00Z' });
    time.flush();
    expect(pushes).toEqual([['data-changed', { scopes: ['followups'] }]]);
    expect(fake.replans()).toBe(2);
  });

  it('stops listening and scheduling on stop', () => {
    const { time, fake, bus, notices, pushes, service } = setup();
    service.stop();
    expect(time.pendingCount()).toBe(0);
    fake.add('2026-03-10T08:00:00Z');
    bus.emit({ type: 'data-changed', scopes: ['followups'] });
    time.advance(60 * 60_000);
    expect(pushes).toEqual([]);
    expect(notices).toEqual([]);
  });
});
