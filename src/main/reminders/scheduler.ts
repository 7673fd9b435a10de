// The reminder scheduler. It runs in the main process of every shell (never in a renderer), so
// reminders fire while the window is closed. Idle, it costs one timer, chained to the next moment
// anything could change: the next due step, the next working window, the next local day when the
// budget is spent, and at most an hour ahead so clock and zone changes are noticed.
import type { Settings } from '../../shared/settings.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { Clock } from '../time/clock.ts';
import {
  isWorkingTime,
  localDayBounds,
  nextWorkingMoment,
  type WorkingWindow,
  workingWindowOf,
} from '../time/working-window.ts';
import { systemTimeZone, userTimeZone } from '../time/zone.ts';
import { groupIntoNotices, pickWithinBudget, type ReminderNotice } from './notice.ts';
import type { DueReminder, ReminderSource } from './reminder-source.ts';

export type WakeReason = 'resume' | 'data-changed' | 'clock-changed' | 'settings-changed';

/** setTimeout and clearTimeout, injected so tests drive time. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerOptions {
  source: ReminderSource;
  clock: Clock;
  /** Read on every pass, so a settings change applies at the next wake. */
  settings: Pick<SettingsStore, 'get'>;
  /** Called after the reminders are marked notified; a throw is reported, never retried. */
  notify(notice: ReminderNotice): void;
  timers: Timers;
  onError(error: unknown): void;
  /** The steps in today's budget (see ReminderSource.dueNow), whenever that list changes. */
  onDueCountChanged?(due: readonly DueReminder[]): void;
  /** The operating system's zone; injected by tests that change it under a running scheduler. */
  systemZone?: () => string;
  /** Longest sleep between passes; shells without a resume event may want it shorter. */
  maxSleepMs?: number;
}

export interface Scheduler {
  start(): void;
  stop(): void;
  /** Re-plans now: every reason but 'data-changed' also asks the source to replan. */
  wake(reason: WakeReason): void;
}

export const MAX_SLEEP_MS = 60 * 60_000;
/** setTimeout fires at once for larger delays (a 32-bit signed millisecond count). */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;
/** A timer this far from its planned wall time means the clock was set or the machine slept. */
export const CLOCK_JUMP_MS = 60_000;
/** Guards against a hot loop if a source ever reports a "next" moment that is not in the future. */
const MIN_DELAY_MS = 1_000;
const RETRY_AFTER_ERROR_MS = 60_000;

interface PassOutcome {
  /** Due reminders that could not fire now (outside working time or over the budget). */
  held: boolean;
  /** Today's budget is used up: nothing more can fire before the next local day. */
  budgetSpent: boolean;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { source, clock, timers, onError } = options;
  const systemZone = options.systemZone ?? systemTimeZone;
  const maxSleep = Math.min(options.maxSleepMs ?? MAX_SLEEP_MS, MAX_TIMEOUT_MS);

  let running = false;
  let timer: unknown = null;
  /** The wall time the pending timer was meant to fire at. */
  let plannedAt = 0;
  let replanDue = false;
  let passing = false;
  let wakeDuringPass = false;
  let lastZone: string | undefined;
  let lastDueKey: string | undefined;

  function clearTimer(): void {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  }

  function setTimer(delay: number, now: number): void {
    plannedAt = now + delay;
    timer = timers.setTimeout(onTimer, delay);
  }

  function onTimer(): void {
    timer = null;
    const now = clock().getTime();
    // Timers count monotonic time, which stops while a machine sleeps; the clock is wall time.
    // When they disagree by much, the wall clock was set or the machine slept: due times derived
    // from local days may be stale, so the source replans before anything fires.
    if (Math.abs(now - plannedAt) > CLOCK_JUMP_MS) replanDue = true;
    runPass(now);
  }

  function runPass(now: number): void {
    passing = true;
    let wakeAt: number;
    try {
      wakeAt = pass(now);
    } catch (error) {
      onError(error);
      wakeAt = now + RETRY_AFTER_ERROR_MS;
    } finally {
      passing = false;
    }
    if (!running) return; // stopped from inside notify (e.g. quitting)
    const delay = wakeDuringPass ? 0 : Math.min(Math.max(wakeAt - now, MIN_DELAY_MS), maxSleep);
    wakeDuringPass = false;
    // Counted from the end of the pass (a replan on a large network takes a moment).
    setTimer(delay, clock().getTime());
  }

  /** One pass: replan if needed, fire what may fire, report the due list; returns the next wake. */
  function pass(now: number): number {
    const settings = options.settings.get();
    const zone = userTimeZone(settings, systemZone);
    if (lastZone !== undefined && zone !== lastZone) replanDue = true;
    lastZone = zone;
    if (replanDue) {
      try {
        // Still owed when the source could not run it (a long write holds the database).
        replanDue = !source.replan(new Date(now));
      } catch (error) {
        // Fire on the due times we have rather than not at all, and try again next pass (the
        // other process's write lock, say, will have been released).
        onError(error);
      }
    }
    const window = workingWindowOf(settings, zone);
    const outcome = fireDue(now, settings, window);
    reportDue(now);
    return nextWake(now, settings, window, outcome);
  }

  function fireDue(now: number, settings: Settings, window: WorkingWindow): PassOutcome {
    // Switched off: nothing is marked, so the steps stay due on the Today view and are announced
    // (as one digest, within the budget) if notifications are switched back on.
    if (!settings.notifications.enabled) return { held: false, budgetSpent: false };
    const due = source.dueUnnotified(new Date(now));
    if (due.length === 0) return { held: false, budgetSpent: false };
    if (!isWorkingTime(now, window)) return { held: true, budgetSpent: false };

    const day = localDayBounds(now, window.zone);
    // The whole local day, not just up to now: after a clock set back, earlier stamps still count.
    const remaining =
      settings.caps.dailyBudget - source.notifiedBetween(new Date(day.start), new Date(day.end));
    const chosen = pickWithinBudget(due, remaining);
    if (chosen.length > 0) {
      // Marked before anyone is told: a crash in between loses one notification instead of
      // repeating it on every start.
      source.markNotified(
        chosen.map((item) => item.id),
        new Date(now),
      );
      for (const notice of groupIntoNotices(chosen, settings.notifications)) {
        try {
          options.notify(notice);
        } catch (error) {
          onError(error);
        }
      }
    }
    return { held: chosen.length < due.length, budgetSpent: remaining - chosen.length <= 0 };
  }

  function reportDue(now: number): void {
    if (!options.onDueCountChanged) return;
    const due = source.dueNow(new Date(now));
    // Names are part of the key: a renamed contact must be renamed in the tray menu too.
    const key = due.map((item) => `${item.id}@${item.dueAt}:${item.contactName}`).join('|');
    if (key === lastDueKey) return;
    lastDueKey = key;
    try {
      options.onDueCountChanged(due);
    } catch (error) {
      onError(error);
    }
  }

  function nextWake(now: number, settings: Settings, window: WorkingWindow, outcome: PassOutcome): number {
    let wakeAt = now + maxSleep;
    // Switched off: the hourly pass only keeps the tray count fresh; a settings change wakes us.
    if (!settings.notifications.enabled) return wakeAt;
    const tomorrow = localDayBounds(now, window.zone).end;
    const earliestFire = (at: number) =>
      nextWorkingMoment(outcome.budgetSpent && at < tomorrow ? tomorrow : at, window);
    if (outcome.held) wakeAt = Math.min(wakeAt, earliestFire(now));
    const nextDue = source.nextDueAfter(new Date(now));
    if (nextDue) wakeAt = Math.min(wakeAt, earliestFire(nextDue.getTime()));
    return wakeAt;
  }

  return {
    start() {
      if (running) return;
      running = true;
      // The app may have been closed for days, in another zone: replan before catching up.
      replanDue = true;
      runPass(clock().getTime());
    },
    stop() {
      running = false;
      clearTimer();
    },
    wake(reason) {
      if (!running) return;
      if (reason !== 'data-changed') replanDue = true;
      if (passing) {
        wakeDuringPass = true;
        return;
      }
      clearTimer();
      // Asynchronous on purpose: wakes arrive from inside API handlers through the change bus,
      // and a burst of them (an import) should cost one pass, after the handler has finished.
      setTimer(0, clock().getTime());
    },
  };
}
