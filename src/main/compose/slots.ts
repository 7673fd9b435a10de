import { Temporal } from 'temporal-polyfill';
import type { ProposedTime } from '../../shared/domain/compose.ts';
import type { DateWords } from './dates.ts';

/**
 * Two times to offer for a call or a meeting: on the hour, at least a day ahead (a slot for
 * "tomorrow morning" sent at night gives them no time to answer), inside my working days and
 * hours, and, when their zone is known, between 09:00 and 17:00 on a weekday where they are
 * (their working days are not recorded; Monday to Friday is the safe guess). The two fall on
 * different days of mine, so the choice is real. Temporal does the zone work, so the weeks
 * when Europe and America change clocks apart (a 5-hour gap instead of 6) come out right.
 */
export interface SlotInput {
  now: Date;
  /** Offer nothing before this (a confirmation's alternatives come after the meeting). */
  notBefore?: Date | null;
  myZone: string;
  theirZone: string | null;
  workingDays: readonly number[];
  workingHours: { start: number; end: number };
}

const THEIR_DAY_START = 9 * 60;
const THEIR_DAY_END = 17 * 60;
const SEARCH_DAYS = 21;
const HOUR_MS = 3_600_000;

export interface Slot {
  at: Date;
  /** Their zone when it has a different offset from mine at that moment, else null. */
  theirZone: string | null;
}

export function findSlots(input: SlotInput, count = 2): Slot[] {
  const earliest = Math.max(input.now.getTime() + 24 * HOUR_MS, input.notBefore?.getTime() ?? 0);
  const firstDay = Temporal.Instant.fromEpochMilliseconds(earliest)
    .toZonedDateTimeISO(input.myZone)
    .toPlainDate();
  const theirs = input.theirZone && isZone(input.theirZone) ? input.theirZone : null;
  const slots: Slot[] = [];
  for (let offset = 0; offset < SEARCH_DAYS && slots.length < count; offset++) {
    const day = firstDay.add({ days: offset });
    if (!input.workingDays.includes(day.dayOfWeek % 7)) continue;
    for (let hour = input.workingHours.start; hour < input.workingHours.end; hour++) {
      const zoned = day.toZonedDateTime({ timeZone: input.myZone, plainTime: new Temporal.PlainTime(hour) });
      // An hour skipped by a DST change resolves to a later one; it is not a slot on the hour.
      if (zoned.hour !== hour || !zoned.toPlainDate().equals(day)) continue;
      const ms = zoned.epochMilliseconds;
      if (ms < earliest || ms + HOUR_MS > endOfWorkingDay(day, input)) continue;
      if (theirs && !insideTheirDay(ms, theirs)) continue;
      slots.push({
        at: new Date(ms),
        theirZone: theirs && offsetDiffers(ms, input.myZone, theirs) ? theirs : null,
      });
      break;
    }
  }
  return slots;
}

function endOfWorkingDay(day: Temporal.PlainDate, input: SlotInput): number {
  const end = input.workingHours.end;
  return end >= 24
    ? day.add({ days: 1 }).toZonedDateTime({ timeZone: input.myZone }).epochMilliseconds
    : day.toZonedDateTime({ timeZone: input.myZone, plainTime: new Temporal.PlainTime(end) })
        .epochMilliseconds;
}

function insideTheirDay(ms: number, zone: string): boolean {
  const start = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
  const end = Temporal.Instant.fromEpochMilliseconds(ms + HOUR_MS).toZonedDateTimeISO(zone);
  const weekday = start.dayOfWeek <= 5;
  const startMinute = start.hour * 60 + start.minute;
  const endMinute = end.hour * 60 + end.minute;
  return (
    weekday &&
    start.toPlainDate().equals(end.toPlainDate()) &&
    startMinute >= THEIR_DAY_START &&
    endMinute <= THEIR_DAY_END
  );
}

function offsetDiffers(ms: number, a: string, b: string): boolean {
  const instant = Temporal.Instant.fromEpochMilliseconds(ms);
  return instant.toZonedDateTimeISO(a).offsetNanoseconds !== instant.toZonedDateTimeISO(b).offsetNanoseconds;
}

export function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A slot as the contract shows it: for me, and for them when their clock reads differently. */
export function asProposedTime(slot: Slot, myZone: string, words: DateWords): ProposedTime {
  return {
    at: slot.at.toISOString(),
    mine: words.short(slot.at, myZone),
    theirs: slot.theirZone ? words.short(slot.at, slot.theirZone) : null,
  };
}

/**
 * A slot as a message to them names it: "Tuesday 9 June at 09:00 your time (15:00 mine)", with
 * my weekday too when the date differs between us. Talking points are read by me, so there it
 * is "their time (15:00 yours)".
 */
export function slotPhrase(
  slot: Slot,
  myZone: string,
  words: DateWords,
  reader: 'them' | 'me' = 'them',
): string {
  if (!slot.theirZone) return `${words.day(slot.at, myZone)} at ${words.time(slot.at, myZone)}`;
  const sameDay = words.day(slot.at, myZone) === words.day(slot.at, slot.theirZone);
  const mine = sameDay
    ? words.time(slot.at, myZone)
    : `${words.shortWeekday(slot.at, myZone)} ${words.time(slot.at, myZone)}`;
  const [theirs, ours] = reader === 'them' ? ['your time', 'mine'] : ['their time', 'yours'];
  return `${words.day(slot.at, slot.theirZone)} at ${words.time(slot.at, slot.theirZone)} ${theirs} (${mine} ${ours})`;
}
