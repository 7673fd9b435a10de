import { z } from 'zod';

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

/** A calendar date without time (YYYY-MM-DD): the day someone was met, an event's day. */
export const isoDate = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });

/** An instant with an explicit offset or Z; stored in UTC. */
export const isoInstant = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time with offset',
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
