import type { EventInput } from '@fullcalendar/react';
import type { CalendarItem, CalendarKind } from '../../../shared/domain/calendar.ts';
import { purposeLabel } from '../followups/purposes.ts';
import { addDays } from '../format/dates.ts';

export const KIND_LABELS: Record<CalendarKind, string> = {
  followup: 'Follow-ups',
  meeting: 'Meetings',
  promise: 'Promises',
};

/**
 * The kinds in display order, from the labels (complete by their type) rather than the shared
 * CALENDAR_KINDS: that module defines zod schemas, and zod probes eval, which the CSP reports.
 */
export const CALENDAR_KINDS = Object.keys(KIND_LABELS) as CalendarKind[];

const OPEN_STATUSES = new Set(['pending', 'snoozed', 'open']);

export function isOpen(item: CalendarItem): boolean {
  return OPEN_STATUSES.has(item.status);
}

/** Only a follow-up that is still to do can move; meetings and promises keep the date agreed. */
export function isMovable(item: CalendarItem): boolean {
  return item.kind === 'followup' && item.followUpId !== null && isOpen(item);
}

/**
 * What happened stays on the calendar (a done step, a kept promise): past weeks show the work.
 * Skipped and cancelled steps are left out: nothing happened, and they would crowd the days.
 */
export function isShown(item: CalendarItem): boolean {
  return item.status !== 'skipped' && item.status !== 'cancelled';
}

/**
 * Whose promise it is. The item carries no direction field, only main's title for it
 * ("Promised Ada: …" for yours, "Ada promised: …" for theirs).
 */
export function promiseDirection(item: CalendarItem): 'mine' | 'theirs' {
  return item.title.startsWith(`${item.contactName} promised`) ? 'theirs' : 'mine';
}

/** What the item is, in a word or two: "Refresher", "Meeting", "Your promise". */
export function itemLabel(item: CalendarItem): string {
  switch (item.kind) {
    case 'followup':
      return item.purpose ? purposeLabel(item.purpose) : 'Follow-up';
    case 'meeting':
      return 'Meeting';
    case 'promise':
      return promiseDirection(item) === 'mine' ? 'Your promise' : 'Their promise';
  }
}

export interface CalendarEventProps {
  item: CalendarItem;
}

export function toEventInput(item: CalendarItem): EventInput {
  const movable = isMovable(item);
  return {
    id: item.key,
    title: `${item.contactName} · ${itemLabel(item)}`,
    start: item.start,
    allDay: item.allDay,
    startEditable: movable,
    durationEditable: false,
    // The colour is a variable, so the chip follows the theme without re-rendering.
    color: `var(--cal-${item.kind})`,
    className: [
      'cal-event',
      `cal-event-${item.kind}`,
      item.overdue ? 'is-overdue' : '',
      isOpen(item) ? '' : 'is-closed',
      movable ? 'is-movable' : '',
    ]
      .filter(Boolean)
      .join(' '),
    extendedProps: { item } satisfies CalendarEventProps,
  };
}

/**
 * FullCalendar gives the visible range as [start, end) in the calendar's zone; the API wants the
 * inclusive local days. Both ends are midnights, so their date part is the day in that zone.
 */
export function visibleDays(range: { startStr: string; endStr: string }): { from: string; to: string } {
  return { from: range.startStr.slice(0, 10), to: addDays(range.endStr.slice(0, 10), -1) };
}

/**
 * A promise of yours has its reminder step on the day it is due: one chip says it. The step
 * stays where it differs (their promise's nudge comes the day after).
 */
export function withoutPromiseEchoes(items: CalendarItem[], timeZone: string | undefined): CalendarItem[] {
  const dayOf = (item: CalendarItem) => (item.allDay ? item.start : dayIn(item.start, timeZone));
  const promiseDays = new Set(
    items.filter((i) => i.kind === 'promise').map((i) => `${i.contactId}:${dayOf(i)}`),
  );
  return items.filter(
    (i) => !(i.purpose === 'promise_mine' && promiseDays.has(`${i.contactId}:${dayOf(i)}`)),
  );
}

/** The calendar day (YYYY-MM-DD) of an instant in a zone; undefined is the system's zone. */
export function dayIn(instant: string, timeZone: string | undefined): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}
