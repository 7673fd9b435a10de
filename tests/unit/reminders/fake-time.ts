import type { Timers } from '../../../src/main/reminders/scheduler.ts';
import type { Clock } from '../../../src/main/time/clock.ts';

interface PendingTimer {
  id: number;
  /** Monotonic time it fires at. */
  at: number;
  callback: () => void;
}

/**
 * A wall clock and timers we drive by hand. Timers count monotonic time, like Node's, which
 * stops while a machine sleeps; the wall clock can be set independently (jumps, corrections).
 */
export function createFakeTime(startIso: string) {
  let wall = Date.parse(startIso);
  let mono = 0;
  let nextId = 1;
  const pending: PendingTimer[] = [];
  const delays: number[] = [];

  const clock: Clock = () => new Date(wall);
  const timers: Timers = {
    setTimeout(callback, ms) {
      delays.push(ms);
      const timer = { id: nextId++, at: mono + Math.max(0, ms), callback };
      pending.push(timer);
      return timer.id;
    },
    clearTimeout(handle) {
      const index = pending.findIndex((t) => t.id === handle);
      if (index >= 0) pending.splice(index, 1);
    },
  };

  function runNext(limit: number): boolean {
    pending.sort((a, b) => a.at - b.at || a.id - b.id);
    const first = pending[0];
    if (!first || first.at > limit) return false;
    pending.shift();
    wall += first.at - mono;
    mono = first.at;
    first.callback();
    return true;
  }

  return {
    clock,
    timers,
    /** Every delay ever asked for, in order. */
    delays,
    now: () => wall,
    pendingCount: () => pending.length,
    /** Lets time pass normally (wall and monotonic together), firing timers on the way. */
    advance(ms: number) {
      const until = mono + ms;
      let guard = 0;
      while (runNext(until)) {
        if (++guard > 100_000) throw new Error('timer loop');
      }
      wall += until - mono;
      mono = until;
    },
    /** Runs timers already due (wakes are 0 ms timers). */
    flush() {
      this.advance(0);
    },
    /** Sets the wall clock (NTP step, user change, or a sleep the timers did not see). */
    jump(ms: number) {
      wall += ms;
    },
    setWall(iso: string) {
      wall = Date.parse(iso);
    },
  };
}

export type FakeTime = ReturnType<typeof createFakeTime>;
