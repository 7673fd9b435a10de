import { z } from 'zod';
import { contractNowMs, EARLIEST_DAY, PLAN_YEARS_AHEAD } from './date-bounds.ts';

/** Optional free text: trimmed, '' means "clear the field" (stored as null). */
export const optionalText = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .transform((s) => {
      const t = s.trim();
      return t === '' ? null : t;
    })
    .nullable()
    .optional();

export const requiredText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** How far ahead any date may be at all (a calendar range, a query). */
const ANY_YEARS_AHEAD = 100;

/**
 * The UTC day `years` and `days` from now, where now is the app's injected clock when the
 * dispatcher parses (parsingAt in date-bounds.ts), with a day of slack so that it is never before
 * the user's own today in any zone; the precise "not in the past" of a plan is the engine's.
 */
function dayFromNow(years: number, days = 0): string {
  const d = new Date(contractNowMs());
  d.setUTCFullYear(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const dayShape = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });
const DAY = /^\d{4}-\d{2}-\d{2}/;

/** A YYYY-MM-DD day between EARLIEST_DAY and `latest()`, saying which bound it broke. */
function boundedDay(latest: () => string, tooLate: (latest: string) => string) {
  return dayShape.superRefine((day, ctx) => {
    // zod runs refinements on a value its format check refused: one issue is enough.
    if (!DAY.test(day)) return;
    if (day < EARLIEST_DAY) ctx.addIssue({ code: 'custom', message: `must be ${EARLIEST_DAY} or later` });
    else {
      const last = latest();
      if (day > last) ctx.addIssue({ code: 'custom', message: tooLate(last) });
    }
  });
}

/** A calendar date without time (YYYY-MM-DD), at most a hundred years ahead: ranges, queries. */
export const isoDate = boundedDay(
  () => dayFromNow(ANY_YEARS_AHEAD),
  (last) => `must be ${last} or earlier`,
);

/** A day that has happened: the day someone was met. */
export const pastIsoDate = boundedDay(
  () => dayFromNow(0, 1),
  () => 'cannot be in the future',
);

/** A day something is planned for: a follow-up, a promise, a next step, an event. */
export const plannedIsoDate = boundedDay(
  () => dayFromNow(PLAN_YEARS_AHEAD),
  () => `must be within ${PLAN_YEARS_AHEAD} years from today`,
);

const instantShape = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time with offset',
});

/** An instant with an explicit offset or Z; stored in UTC. */
export const isoInstant = instantShape.superRefine((at, ctx) => {
  if (!DAY.test(at)) return;
  if (at.slice(0, 10) < EARLIEST_DAY)
    ctx.addIssue({ code: 'custom', message: `must be ${EARLIEST_DAY} or later` });
  else if (at.slice(0, 10) > dayFromNow(ANY_YEARS_AHEAD))
    ctx.addIssue({ code: 'custom', message: `must be within ${ANY_YEARS_AHEAD} years from now` });
});

/** An instant something is planned for: a meeting, the end of a snooze. */
export const plannedInstant = isoInstant.superRefine((at, ctx) => {
  if (DAY.test(at) && at.slice(0, 10) > dayFromNow(PLAN_YEARS_AHEAD, 1))
    ctx.addIssue({ code: 'custom', message: `must be within ${PLAN_YEARS_AHEAD} years from now` });
});

/** When something happened: an interaction. */
export const pastInstant = isoInstant.superRefine((at, ctx) => {
  if (DAY.test(at) && at.slice(0, 10) > dayFromNow(0, 1))
    ctx.addIssue({ code: 'custom', message: 'cannot be in the future' });
});

export const id = z.number().int().positive();

const zoneValidity = new Map<string, boolean>();

/** Memoised: settings are read on every engine operation and building a formatter is costly. */
export function isValidTimeZone(tz: string): boolean {
  let valid = zoneValidity.get(tz);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      valid = true;
    } catch {
      valid = false;
    }
    if (zoneValidity.size < 1000) zoneValidity.set(tz, valid);
  }
  return valid;
}
