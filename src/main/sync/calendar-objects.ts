import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import ical from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { isValidTimeZone } from '../../shared/domain/common.ts';
import type { DatedReading } from '../../shared/format/dated-text.ts';
import { stepCalendarObject, stepUid } from '../calendar/ics-export.ts';
import type { MeetingRow, PromiseRangeRow, StepRangeRow } from '../store/calendar-store.ts';
import type { SyncKind } from '../store/sync-store.ts';

/** How long a meeting occupies in the calendar when nothing says otherwise. */
const MEETING_MINUTES = 60;
const UID_DOMAIN = 'followthrough.app';
const PRODUCT = { company: 'Followthrough', product: 'Followthrough', language: 'EN' };

/** One thing the calendar should hold: a step, a meeting or a promise's due day. */
export interface CalendarItem {
  kind: SyncKind;
  entityId: number;
  /** Where it starts, as pushed (a day for an all-day promise): a move is read against it. */
  start: string;
  /** The object's text; `now` is its DTSTAMP. */
  render(now: Date): string;
}

export const itemKey = (kind: SyncKind, entityId: number) => `${kind}:${entityId}`;

/**
 * A step's calendar object is the .ics export's event for it (calendar/ics-export.ts): the same
 * UID and text, so a calendar that once imported the file recognises the synced event.
 */
export function stepItem(step: StepRangeRow, reading: DatedReading): CalendarItem {
  return {
    kind: 'step',
    entityId: step.id,
    start: step.dueAt,
    render: (now) => stepCalendarObject(step, { now, alarms: false, reading }),
  };
}

/** A meeting arranged in the app (a cycle's meeting time), titled as the app's calendar shows it. */
export function meetingItem(m: MeetingRow): CalendarItem {
  return {
    kind: 'meeting',
    entityId: m.cycleId,
    start: m.meetingAt,
    render: (now) => {
      const calendar = ical({ prodId: PRODUCT });
      const start = new Date(m.meetingAt);
      calendar.createEvent({
        id: itemUid('meeting', m.cycleId),
        stamp: now,
        start,
        end: new Date(start.getTime() + MEETING_MINUTES * 60_000),
        summary: `Meeting with ${m.contactName}`,
        ...(m.note ? { description: m.note } : {}),
      });
      return `${calendar.toString()}\r\n`;
    },
  };
}

/** A promise's due day, as an all-day event (DTSTART;VALUE=DATE), titled as in the app's calendar. */
export function promiseItem(p: PromiseRangeRow): CalendarItem {
  return {
    kind: 'promise',
    entityId: p.id,
    start: p.dueOn,
    render: (now) => {
      const calendar = ical({ prodId: PRODUCT });
      const [y, mo, d] = p.dueOn.split('-').map(Number) as [number, number, number];
      calendar.createEvent({
        id: itemUid('promise', p.id),
        stamp: now,
        allDay: true,
        // ical-generator writes an all-day date from the instant's UTC fields, in every zone.
        start: new Date(Date.UTC(y, mo - 1, d)),
        end: new Date(Date.UTC(y, mo - 1, d + 1)),
        summary:
          p.direction === 'mine'
            ? `Promised ${p.contactName}: ${p.text}`
            : `${p.contactName} promised: ${p.text}`,
      });
      return `${calendar.toString()}\r\n`;
    },
  };
}

/** Steps keep the export's UID; meetings and promises get their own, as stable. */
export function itemUid(kind: SyncKind, entityId: number): string {
  return kind === 'step' ? stepUid(entityId) : `${kind}-${entityId}@${UID_DOMAIN}`;
}

/**
 * What was pushed, without the DTSTAMP (which changes at every render): when the plan, the name
 * or the text changes, so does this, and the object is pushed again.
 */
export function itemHash(item: CalendarItem): string {
  return createHash('sha256')
    .update(item.render(new Date(0)))
    .digest('base64url')
    .slice(0, 22);
}

/**
 * The object's name in the collection, derived from the UID, so the same item always lands at
 * the same href: a create repeated after a crash meets its own first copy (412 on If-None-Match)
 * instead of making a second event.
 */
export function itemFilename(kind: SyncKind, entityId: number): string {
  return `${encodeURIComponent(itemUid(kind, entityId))}.ics`;
}

export interface EventStart {
  /** The instant, for a timed start. */
  at: string;
  /** The day itself for an all-day start (a phone's drag to the all-day row), else null. */
  day: string | null;
}

/**
 * The event's start, or null when the object has none we can read. A start with a TZID is read
 * by the object's own VTIMEZONE (RFC 5545 §3.6.5), as phones write it; a TZID with no VTIMEZONE
 * (allowed when it is an IANA name, as some clients send) in that zone; a floating start (no
 * zone at all, §3.3.5 form #1) as a wall-clock time in the user's zone. ical.js reads the last
 * two in the machine's own zone, which moved a step by a day when the two zones differ
 * (tests/unit/tz/calendar-moves.test.ts).
 */
export function eventStart(ics: string, userZone: string): EventStart | null {
  try {
    const component = new ICAL.Component(ICAL.parse(ics));
    for (const zone of component.getAllSubcomponents('vtimezone')) {
      const tz = new ICAL.Timezone(zone);
      if (!ICAL.TimezoneService.has(tz.tzid)) ICAL.TimezoneService.register(tz);
    }
    const property = component.getFirstSubcomponent('vevent')?.getFirstProperty('dtstart');
    const start = property?.getFirstValue();
    if (!(start instanceof ICAL.Time)) return null;
    if (start.isDate) return { at: start.toJSDate().toISOString(), day: start.toString().slice(0, 10) };
    if (start.zone !== ICAL.Timezone.localTimezone) return { at: start.toJSDate().toISOString(), day: null };
    const tzid = property?.getParameter('tzid');
    const zone = typeof tzid === 'string' && isValidTimeZone(tzid) ? tzid : userZone;
    const wall = Temporal.PlainDateTime.from({
      year: start.year,
      month: start.month,
      day: start.day,
      hour: start.hour,
      minute: start.minute,
      second: Math.min(start.second, 59),
    });
    const at = wall.toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
    return { at: new Date(at).toISOString(), day: null };
  } catch {
    return null;
  }
}
