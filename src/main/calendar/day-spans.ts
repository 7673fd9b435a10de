import { Temporal } from 'temporal-polyfill';
import { addDays, type LocalDay } from '../time/local-day.ts';

/** A local day and the instants it spans in the user's zone, [from, to), as ISO strings. */
export interface DaySpan {
  day: LocalDay;
  from: string;
  to: string;
}

/**
 * The local days [first, last] with the instants each spans in `timeZone`. Until the zone's
 * next offset change, each midnight is the UTC midnight less the offset in force, so a zone
 * conversion is made only at the first day and where the offset changes (a DST day is 23 or
 * 25 hours, and where clocks change at midnight it starts at 01:00): a month's days cost 43
 * conversions, a tenth of the calendar's month query.
 */
export function daySpans(first: LocalDay, last: LocalDay, timeZone: string): DaySpan[] {
  const spans: DaySpan[] = [];
  let zoned = Temporal.PlainDate.from(first).toZonedDateTime({ timeZone });
  let offset = zoned.offsetNanoseconds / 1e6;
  let change = nextChange(zoned);
  let startIso = new Date(zoned.epochMilliseconds).toISOString();
  for (let day = first; day <= last; ) {
    const next = addDays(day, 1);
    let end = Date.parse(`${next}T00:00:00Z`) - offset;
    // The offset changes by the next midnight: that midnight is converted itself.
    if (end >= change) {
      zoned = Temporal.PlainDate.from(next).toZonedDateTime({ timeZone });
      end = zoned.epochMilliseconds;
      offset = zoned.offsetNanoseconds / 1e6;
      change = nextChange(zoned);
    }
    const endIso = new Date(end).toISOString();
    spans.push({ day, from: startIso, to: endIso });
    day = next;
    startIso = endIso;
  }
  return spans;
}

function nextChange(zoned: Temporal.ZonedDateTime): number {
  return zoned.getTimeZoneTransition('next')?.epochMilliseconds ?? Number.POSITIVE_INFINITY;
}
