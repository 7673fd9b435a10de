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
