/**
 * The range a date may have, kept apart from the zod schemas (common.ts) so that the renderer
 * can offer the same bounds in its date pickers without loading zod (which probes eval, and the
 * CSP reports that).
 *
 * No one met anyone in year 1 (which Date also reads as 1901) or on 9999-12-31 ("in 7,973
 * years"), and a follow-up decades away is a typo. Nothing the app keeps happened before this day.
 */
export const EARLIEST_DAY = '1900-01-01';
/** How far ahead a plan (a follow-up, a meeting, a promise, an event) may be. */
export const PLAN_YEARS_AHEAD = 10;

/**
 * "Today" for the contract's relative bounds ("cannot be in the future", "within 10 years").
 * The schemas have no clock of their own, so the dispatcher parses each call at the app's
 * injected moment (parsingAt); a parse outside it (the renderer's own checks) uses the system's.
 */
let contractNow: () => number = () => Date.now();

export function contractNowMs(): number {
  return contractNow();
}

/** Runs a (synchronous) parse with the contract's "now" at `now`. */
export function parsingAt<T>(now: Date, parse: () => T): T {
  const previous = contractNow;
  const at = now.getTime();
  contractNow = () => at;
  try {
    return parse();
  } finally {
    contractNow = previous;
  }
}
