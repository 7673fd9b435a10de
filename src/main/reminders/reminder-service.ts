// Starts reminders for a shell: the scheduler over the app's reminder source, fed by the change
// bus. The Electron shell and the HTTP shell both call this once, after the context opens.
import type { ChangeBus } from '../core/change-bus.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { Clock } from '../time/clock.ts';
import { forwardChanges, type Push } from './change-forwarding.ts';
import type { ReminderNotice } from './notice.ts';
import type { DueReminder, ReminderSource } from './reminder-source.ts';
import { createScheduler, type Scheduler, type Timers } from './scheduler.ts';

/** The slice of the AppContext reminders need. */
export interface ReminderHost {
  reminders: ReminderSource;
  bus: ChangeBus;
  settings: Pick<SettingsStore, 'get'>;
  clock: Clock;
  /** While a long write (an import) holds the database, the scheduler neither fires nor re-plans. */
  gate?: { readonly busy: boolean };
}

export interface ReminderServiceOptions {
  notify(notice: ReminderNotice): void;
  push: Push;
  onError(error: unknown): void;
  onDueCountChanged?(due: readonly DueReminder[]): void;
  timers?: Timers;
  maxSleepMs?: number;
}

export interface ReminderService {
  scheduler: Scheduler;
  /** Stops the scheduler and the forwarding; call before the database closes. */
  stop(): void;
}

const globalTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function startReminders(host: ReminderHost, options: ReminderServiceOptions): ReminderService {
  const scheduler = createScheduler({
    source: gated(host.reminders, host.gate),
    clock: host.clock,
    settings: host.settings,
    notify: options.notify,
    timers: options.timers ?? globalTimers,
    onError: options.onError,
    onDueCountChanged: options.onDueCountChanged,
    maxSleepMs: options.maxSleepMs,
  });
  const unsubscribe = forwardChanges(host.bus, scheduler, options.push);
  scheduler.start();
  return {
    scheduler,
    stop() {
      unsubscribe();
      scheduler.stop();
    },
  };
}

/**
 * An import writes in one transaction across several event-loop turns; a reminder marked as
 * notified between two of its chunks would join that transaction (and be rolled back with it,
 * so it would fire twice). While the gate is held nothing is due and nothing is re-planned; the
 * scheduler looks again every second until the gate is free.
 */
export function gated(source: ReminderSource, gate: { readonly busy: boolean } | undefined): ReminderSource {
  if (!gate) return source;
  return {
    dueUnnotified: (now) => (gate.busy ? [] : source.dueUnnotified(now)),
    markNotified: (ids, at) => source.markNotified(ids, at),
    dueNow: (now) => source.dueNow(now),
    // Look again in a second: what fell due during the import fires once it is over.
    nextDueAfter: (now) => (gate.busy ? new Date(now.getTime() + 1000) : source.nextDueAfter(now)),
    notifiedBetween: (from, to) => source.notifiedBetween(from, to),
    // Owed, not dropped: the scheduler asks again once the gate is free (a second later).
    replan: (now) => !gate.busy && source.replan(now),
  };
}
