/** Time is injected everywhere so tests (and the CLI's --now) can say what "now" is. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function fixedClock(iso: string): Clock {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`Not a valid date-time: ${iso}`);
  return () => new Date(ms);
}

/**
 * A clock the e2e tests move (serve --test-clock): it starts at `start` and then runs at real
 * speed from wherever it was last set, so timers and "just now" still behave.
 */
export function movableClock(start: Date, real: Clock = systemClock): { clock: Clock; set(now: Date): void } {
  let offset = start.getTime() - real().getTime();
  return {
    clock: () => new Date(real().getTime() + offset),
    set(now) {
      offset = now.getTime() - real().getTime();
    },
  };
}
