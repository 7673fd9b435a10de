import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import type { Purpose } from '../../shared/domain/followup.ts';
import type { StepRangeRow } from '../store/calendar-store.ts';
import { PURPOSE_TITLES } from './titles.ts';

/** Domain part of every UID: stable across exports, so calendar apps recognise the same event. */
const UID_DOMAIN = 'followthrough.app';
/** How long a follow-up occupies in the calendar: a slot to write the message. */
const EVENT_MINUTES = 30;

export interface IcsOptions {
  /** DTSTAMP: when this file was generated. */
  now: Date;
  alarms: boolean;
  /** Calendar name, and for feeds a refresh hint (REFRESH-INTERVAL and X-PUBLISHED-TTL). */
  name: string;
  refreshSeconds?: number;
}

/** The UID of a follow-up step's event: derived from the step, so re-exports match. */
export function stepUid(stepId: number): string {
  return `followup-${stepId}@${UID_DOMAIN}`;
}

/**
 * One VEVENT per follow-up step (not VTODO, which Google, Outlook import and iOS ignore), in UTC
 * (no VTIMEZONE needed), with METHOD:PUBLISH (REQUEST would turn them into invitations).
 * ical-generator does the escaping and the 75-octet folding without splitting UTF-8 sequences.
 */
export function followUpsToIcs(steps: readonly StepRangeRow[], options: IcsOptions): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Followthrough', product: 'Followthrough', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ...(options.refreshSeconds ? { ttl: options.refreshSeconds } : {}),
  });
  for (const step of steps) {
    const start = new Date(step.dueAt);
    const event = calendar.createEvent({
      id: stepUid(step.id),
      sequence: step.sequence,
      stamp: options.now,
      lastModified: new Date(step.updatedAt),
      created: new Date(step.createdAt),
      start,
      end: new Date(start.getTime() + EVENT_MINUTES * 60_000),
      summary: `Follow up with ${step.contactName}: ${PURPOSE_TITLES[step.purpose as Purpose]}`,
      description: describe(step),
    });
    if (options.alarms)
      event.createAlarm({ type: ICalAlarmType.display, trigger: 0, description: event.summary() });
  }
  return calendar.toString();
}

function describe(step: StepRangeRow): string {
  return [
    step.reason,
    step.context,
    step.emails ? `E-mail: ${step.emails}` : null,
    step.links ? `Links: ${step.links}` : null,
  ]
    .filter(Boolean)
    .join('\n\n');
}
