/** Time is injected everywhere so tests (and the CLI's --now) can say what "now" is. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function fixedClock(iso: string): Clock {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`Not a valid date-time: ${iso}`);
  return () => new Date(ms);
}
