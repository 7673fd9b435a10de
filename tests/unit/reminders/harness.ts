import type { ReminderNotice } from '../../../src/main/reminders/notice.ts';
import type { DueReminder } from '../../../src/main/reminders/reminder-source.ts';
import { createScheduler, type SchedulerOptions } from '../../../src/main/reminders/scheduler.ts';
import { inMemorySettings } from '../../../src/main/settings/settings-store.ts';
import type { Settings } from '../../../src/shared/settings.ts';
import { createFakeSource } from './fake-source.ts';
import { createFakeTime } from './fake-time.ts';

export interface HarnessOptions {
  /** Defaults to a Tuesday morning in UTC (Tue 10 Mar 2026, 07:00Z). */
  start?: string;
  settings?: Partial<Settings>;
  systemZone?: () => string;
  scheduler?: Partial<SchedulerOptions>;
}

/** A scheduler over a fake source, fake time and in-memory settings, recording what it does. */
export function schedulerHarness(options: HarnessOptions = {}) {
  const time = createFakeTime(options.start ?? '2026-03-10T07:00:00Z');
  const fake = createFakeSource();
  const settings = inMemorySettings({ timeZone: 'UTC', ...options.settings });
  const notices: Array<ReminderNotice & { at: number }> = [];
  const errors: unknown[] = [];
  const dueLists: Array<readonly DueReminder[]> = [];
  /** Set by a test to act from inside the notifier (it runs after the notice is recorded). */
  const hooks: { onNotify?: (ids: number[]) => void } = {};
  const scheduler = createScheduler({
    source: fake.source,
    clock: time.clock,
    settings,
    notify: (notice) => {
      notices.push({ ...notice, at: time.now() });
      hooks.onNotify?.(notice.items.map((item) => item.id));
    },
    timers: time.timers,
    onError: (error) => errors.push(error),
    onDueCountChanged: (due) => dueLists.push(due),
    systemZone: options.systemZone ?? (() => 'UTC'),
    ...options.scheduler,
  });
  return {
    time,
    fake,
    settings,
    notices,
    errors,
    dueLists,
    hooks,
    scheduler,
    /** Ids per notice, in the order they were announced. */
    announced: () => notices.map((n) => n.items.map((item) => item.id)),
    iso: (ms: number) => new Date(ms).toISOString(),
  };
}

export const HOUR = 60 * 60_000;
export const DAY = 24 * HOUR;
