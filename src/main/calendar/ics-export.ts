import ical, { foldLines, ICalAlarmType, type ICalCalendar, ICalCalendarMethod } from 'ical-generator';
import type { Purpose } from '../../shared/domain/followup.ts';
import { type DatedReading, readDated } from '../../shared/format/dated-text.ts';
import type { StepRangeRow } from '../store/calendar-store.ts';
import { FOLLOW_UP_MINUTES, PURPOSE_TITLES } from './titles.ts';

/** Domain part of every UID: stable across exports, so calendar apps recognise the same event. */
const UID_DOMAIN = 'followthrough.app';
const CALENDAR_END = 'END:VCALENDAR';
const PRODUCT = { company: 'Followthrough', product: 'Followthrough', language: 'EN' };

export interface IcsOptions {
  /** DTSTAMP: when this file was generated. */
  now: Date;
  alarms: boolean;
  /** Calendar name, and for feeds a refresh hint (REFRESH-INTERVAL and X-PUBLISHED-TTL). */
  name: string;
  refreshSeconds?: number;
  /** How the descriptions write their days: the system's locale, the user's zone and today. */
  reading: DatedReading;
}

/** The UID of a follow-up step's event: derived from the step, so re-exports match. */
export function stepUid(stepId: number): string {
  return `followup-${stepId}@${UID_DOMAIN}`;
}

/**
 * One VEVENT per follow-up step (not VTODO, which Google, Outlook import and iOS ignore), in UTC
 * (no VTIMEZONE needed), with METHOD:PUBLISH (REQUEST would turn them into invitations).
 * ical-generator writes every line, does the escaping and the 75-octet folding without
 * splitting UTF-8 sequences.
 *
 * The text is put together the way the calendar's own toString() does (its properties, each
 * event's toString(), END:VCALENDAR, all through the library's foldLines) but folded event by
 * event: folding one 5 MB string of 10,000 events at the end cost twice the rest of the export
 * (splitting it, then garbage), while folding is line by line, so the output is byte for byte
 * the same. This holds as long as the calendar has no X- properties or time zone generator,
 * which would be written after the events: the calendar here sets neither.
 */
export function followUpsToIcs(steps: readonly StepRangeRow[], options: IcsOptions): string {
  const calendar = ical({
    name: options.name,
    prodId: PRODUCT,
    method: ICalCalendarMethod.PUBLISH,
    ...(options.refreshSeconds ? { ttl: options.refreshSeconds } : {}),
  });
  const shell = calendar.toString();
  if (!shell.endsWith(CALENDAR_END)) throw new Error('ical-generator: unexpected calendar layout');
  const parts = [shell.slice(0, -CALENDAR_END.length)];
  for (const step of steps) parts.push(foldLines(stepEvent(calendar, step, options).toString()));
  // RFC 5545 §3.1: every content line ends with CRLF, the last one too. ical-generator leaves it
  // off, and strict importers reject the file.
  parts.push(`${CALENDAR_END}\r\n`);
  return parts.join('');
}

/**
 * A step as one CalDAV calendar object: the export's very VEVENT (same UID, SEQUENCE and text),
 * alone in its VCALENDAR and without METHOD, which CalDAV forbids in stored objects (RFC 4791
 * §4.1: one UID per object; METHOD belongs to iTIP messages).
 */
export function stepCalendarObject(
  step: StepRangeRow,
  options: Omit<IcsOptions, 'name' | 'refreshSeconds'>,
): string {
  const calendar = ical({ prodId: PRODUCT });
  stepEvent(calendar, step, options);
  return `${calendar.toString()}\r\n`;
}

function stepEvent(
  calendar: ICalCalendar,
  step: StepRangeRow,
  options: Pick<IcsOptions, 'now' | 'alarms' | 'reading'>,
) {
  const start = new Date(step.dueAt);
  const event = calendar.createEvent({
    id: stepUid(step.id),
    sequence: step.sequence,
    stamp: options.now,
    lastModified: new Date(step.updatedAt),
    created: new Date(step.createdAt),
    start,
    end: new Date(start.getTime() + FOLLOW_UP_MINUTES * 60_000),
    summary: `Follow up with ${step.contactName}: ${PURPOSE_TITLES[step.purpose as Purpose]}`,
    description: describe(step, options.reading),
  });
  if (options.alarms)
    event.createAlarm({ type: ICalAlarmType.display, trigger: 0, description: event.summary() });
  return event;
}

/** Why now, what to mention, and how to reach them: paragraphs, the empty ones left out. */
function describe(step: StepRangeRow, reading: DatedReading): string {
  let text = readDated(step.reason, reading);
  const add = (paragraph: string | null) => {
    if (paragraph) text = text ? `${text}\n\n${paragraph}` : paragraph;
  };
  add(step.context);
  if (step.emails) add(`E-mail: ${step.emails}`);
  if (step.links) add(`Links: ${step.links}`);
  return text;
}
