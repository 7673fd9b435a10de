import type { EventInput } from '@fullcalendar/react';
import type { CalendarItem, CalendarKind, CrowdedDay } from '../../../shared/domain/calendar.ts';
import type { DueCounts } from '../../../shared/domain/due-counts.ts';
import { purposeLabel } from '../followups/purposes.ts';
import { addDays, dayIn } from '../format/dates.ts';

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

/** What the item is, in a word or two: "Refresher", "Meeting", "Your promise". */
export function itemLabel(item: CalendarItem): string {
  switch (item.kind) {
    case 'followup':
      return item.purpose ? purposeLabel(item.purpose) : 'Follow-up';
    case 'meeting':
      return 'Meeting';
    case 'promise':
      return item.direction === 'theirs' ? 'Their promise' : 'Your promise';
  }
}

/**
 * A day's total chip: a crowded day's count, or today's, which says what Today says (due, in
 * budget, waiting) from the same counts, whether or not the day is crowded.
 */
export type DayTotal = CrowdedDay & { plan?: DueCounts };

/** An event on the calendar: an item, or the summary of a day with more follow-ups than shown. */
export type CalendarEventProps =
  | { item: CalendarItem; crowded?: undefined; rank: number }
  | { item?: undefined; crowded: DayTotal; rank: number };

/** `rank`: the item's place in main's order, which FullCalendar keeps among items at one time. */
export function toEventInput(item: CalendarItem, rank: number): EventInput {
  const movable = isMovable(item);
  return {
    id: item.key,
    title: `${item.contactName} · ${itemLabel(item)}`,
    start: item.start,
    // A follow-up is a short slot (a message to write), not an hour-long block.
    ...(item.end ? { end: item.end } : {}),
    allDay: item.allDay,
    startEditable: movable,
    durationEditable: false,
    // The colour is a variable, so the chip follows the theme without re-rendering.
    color: isOpen(item) ? `var(--cal-${item.kind})` : 'var(--cal-closed)',
    className: [
      'cal-event',
      `cal-event-${item.kind}`,
      item.overdue ? 'is-overdue' : '',
      isOpen(item) ? '' : 'is-closed',
      movable ? 'is-movable' : '',
    ]
      .filter(Boolean)
      .join(' '),
    extendedProps: { item, rank } satisfies CalendarEventProps,
  };
}

/**
 * A crowded day leads with one all-day chip counting its follow-ups: the most important ones
 * follow it, and the card says where the rest are.
 */
export function crowdedEventInput(crowded: DayTotal): EventInput {
  return {
    id: `crowded:${crowded.day}`,
    title: crowdedLabel(crowded),
    start: crowded.day,
    allDay: true,
    editable: false,
    color: 'var(--cal-crowded)',
    className: 'cal-event cal-event-crowded',
    extendedProps: { crowded, rank: 0 } satisfies CalendarEventProps,
  };
}

const countFormat = new Intl.NumberFormat();

export function crowdedLabel(crowded: DayTotal): string {
  return crowdedParts(crowded).join('');
}

/**
 * The day total's words in the parts a narrow chip drops from the end, each but the first with
 * its leading space: "10 of 131", " today", " · 121 waiting".
 */
export function crowdedParts(crowded: DayTotal): string[] {
  const plan = crowded.plan;
  const n = (v: number) => countFormat.format(v);
  if (!plan) return [n(crowded.total), ' follow-ups'];
  if (plan.due === 0) return [n(plan.doneToday), ' done today'];
  return plan.waiting > 0
    ? [`${n(plan.inBudget)} of ${n(plan.due)}`, ' today', ` · ${n(plan.waiting)} waiting`]
    : [n(plan.inBudget), ' today'];
}

/** A day with more follow-ups than the range returned (today's total chip is one only then). */
export function isCrowdedDay(props: unknown): boolean {
  const crowded = (props as Partial<CalendarEventProps> | undefined)?.crowded;
  return crowded !== undefined && crowded.shown > 0 && crowded.total > crowded.shown;
}

/**
 * Today's total, leading today's cell: the calendar's own count of the day's date would leave
 * out what is overdue and ignore the budget, and so disagree with the sidebar and Today.
 */
export function todayTotal(
  today: string,
  plan: DueCounts | undefined,
  crowded: readonly CrowdedDay[],
): DayTotal | null {
  if (!plan || (plan.due === 0 && plan.doneToday === 0)) return null;
  const own = crowded.find((c) => c.day === today);
  return { day: today, total: own?.total ?? plan.due, shown: own?.shown ?? 0, plan };
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
  const promiseDays = new Map<number, string>();
  for (const i of items)
    if (i.kind === 'promise' && i.promiseId !== null) promiseDays.set(i.promiseId, i.start);
  if (promiseDays.size === 0) return items;
  return items.filter(
    (i) =>
      !(
        i.kind === 'followup' &&
        i.purpose === 'promise_mine' &&
        i.promiseId !== null &&
        promiseDays.get(i.promiseId) === dayIn(i.start, timeZone)
      ),
  );
}

/** The calendar's state kept in its address, so a reload or Back shows the same dates and filters. */
export interface CalendarUrlState {
  view: CalendarView;
  /** A day inside the shown dates; undefined shows today's. */
  date: string | undefined;
  kinds: CalendarKind[];
  tag: string | undefined;
  contactId: number | undefined;
}

/** The day list is where a busy day's "+N more" leads (a popover of dozens would run off the screen). */
export const CALENDAR_VIEWS = {
  month: 'dayGridMonth',
  week: 'timeGridWeek',
  list: 'listMonth',
  day: 'listDay',
} as const;
export type CalendarView = keyof typeof CALENDAR_VIEWS;

export function viewOfType(type: string): CalendarView {
  return (Object.keys(CALENDAR_VIEWS) as CalendarView[]).find((v) => CALENDAR_VIEWS[v] === type) ?? 'month';
}

export function readCalendarUrl(params: URLSearchParams): CalendarUrlState {
  const view = params.get('view');
  const date = params.get('date');
  const kinds = params.get('kinds');
  return {
    view: view && view in CALENDAR_VIEWS ? (view as CalendarView) : 'month',
    date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined,
    kinds: kinds === null ? [...CALENDAR_KINDS] : CALENDAR_KINDS.filter((k) => kinds.split(',').includes(k)),
    tag: params.get('tag') || undefined,
    contactId: Number(params.get('contact')) || undefined,
  };
}

/** "/calendar?view=week&date=2026-03-23&tag=clients": only what differs from the default. */
export function calendarPath(state: CalendarUrlState): string {
  const params = new URLSearchParams();
  if (state.view !== 'month') params.set('view', state.view);
  if (state.date) params.set('date', state.date);
  if (state.kinds.length !== CALENDAR_KINDS.length) params.set('kinds', state.kinds.join(','));
  if (state.tag) params.set('tag', state.tag);
  if (state.contactId) params.set('contact', String(state.contactId));
  const query = params.toString();
  return query ? `/calendar?${query}` : '/calendar';
}
