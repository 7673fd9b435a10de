import type { CalendarItem, CalendarKind, CalendarRange, CrowdedDay } from '../../shared/domain/calendar.ts';
import type { Channel } from '../../shared/domain/channels.ts';
import type { Purpose, StepStatus } from '../../shared/domain/followup.ts';
import { plainText } from '../../shared/format/dated-text.ts';
import {
  type CalendarStepRow,
  doneCountsOnDays,
  doneFollowUpsBetween,
  followUpCountsByDay,
  meetingsInRange,
  openFollowUpsOfFilterInRange,
  openFollowUpsOnDay,
  promisesInRange,
} from '../store/calendar-store.ts';
import type { Db } from '../store/database.ts';
import { type DaySpan, daySpans } from './day-spans.ts';
import { FOLLOW_UP_MINUTES, PURPOSE_TITLES } from './titles.ts';

export interface RangeRequest {
  from: string;
  to: string;
  kinds: readonly CalendarKind[];
  tag?: string | undefined;
  contactId?: number | undefined;
  includeDone: boolean;
  followUpsPerDay: number;
  withReasons: boolean;
  /** The user's zone decides which instants fall on the visible days. */
  timeZone: string;
  /** Start of the current local day (UTC), for "overdue". */
  startOfToday: string;
  today: string;
}

/**
 * What the in-app calendar shows for the visible days only: follow-ups, meetings and promises,
 * as slim items (the card asks for the text). A day with more follow-ups than
 * `followUpsPerDay` returns its most important ones and is listed in `crowded`: a month of a
 * 50,000-person network can put thousands on one day, more than any view can show or a person
 * can do, and reading them all would make every month slow.
 *
 * An open follow-up is on the day it is due (overdue ones stay there, marked). A done one is
 * where and when it was done, as Today counts it ("done today") and as the .ics export, which
 * drops it, no longer plans it: a step due next Tuesday and done today is today's work, and
 * next Tuesday is free of it. Every view (month, week, day, list) shows the same items.
 */
export function calendarRange(db: Db, r: RangeRequest): CalendarRange {
  const filter = { from: r.from, to: r.to, tag: r.tag ?? null, contactId: r.contactId ?? null };
  const items: CalendarItem[] = [];
  const crowded: CrowdedDay[] = [];
  const days = daySpans(r.from, r.to, r.timeZone);
  if (r.kinds.includes('followup')) {
    const slot = slotEnd();
    for (const s of followUpsShown(db, filter, days, r, crowded)) {
      const open = s.status === 'pending' || s.status === 'snoozed';
      const start = s.completedAt ?? s.dueAt;
      const item: CalendarItem = {
        key: `followup:${s.id}`,
        kind: 'followup',
        title: `${s.contactName}: ${PURPOSE_TITLES[s.purpose as Purpose]}`,
        contactId: s.contactId,
        contactName: s.contactName,
        start,
        end: slot(start),
        allDay: false,
        status: s.status as StepStatus,
        overdue: open && s.dueAt < r.startOfToday,
        followUpId: s.id,
        purpose: s.purpose as Purpose,
        channel: s.channel as Channel | null,
        promiseId: s.promiseId,
        direction: null,
      };
      if (r.withReasons) item.reason = s.reason ?? null;
      items.push(item);
    }
  }
  if (r.kinds.includes('meeting')) {
    const bounds = { ...filter, fromInstant: days[0]!.from, toInstant: days.at(-1)!.to };
    for (const m of meetingsInRange(db, bounds)) {
      const item: CalendarItem = {
        key: `meeting:${m.cycleId}`,
        kind: 'meeting',
        title: `Meeting with ${m.contactName}`,
        contactId: m.contactId,
        contactName: m.contactName,
        start: m.meetingAt,
        end: null,
        allDay: false,
        status: 'open',
        overdue: false,
        followUpId: null,
        purpose: null,
        channel: null,
        promiseId: null,
        direction: null,
      };
      if (r.withReasons) item.reason = m.note === null ? null : plainText(m.note);
      items.push(item);
    }
  }
  if (r.kinds.includes('promise')) {
    for (const p of promisesInRange(db, filter, r.includeDone)) {
      const item: CalendarItem = {
        key: `promise:${p.id}`,
        kind: 'promise',
        title:
          p.direction === 'mine'
            ? `Promised ${p.contactName}: ${p.text}`
            : `${p.contactName} promised: ${p.text}`,
        contactId: p.contactId,
        contactName: p.contactName,
        start: p.dueOn,
        end: null,
        allDay: true,
        status: p.status,
        overdue: p.status === 'open' && p.dueOn < r.today,
        followUpId: null,
        purpose: null,
        channel: null,
        promiseId: p.id,
        direction: p.direction,
      };
      if (r.withReasons) item.reason = plainText(p.text);
      items.push(item);
    }
  }
  return { items, crowded };
}

/**
 * Each day's first `followUpsPerDay` follow-ups: the open ones due that day, most important
 * first, then those done that day in the order they were done. A day with more goes in
 * `crowded` with its total. Across the network, each day is read up to its limit and the totals
 * come from the kept per-day counts (open) and the done steps' index (done); for one person or
 * tag, the range is read in one go.
 */
function followUpsShown(
  db: Db,
  filter: { from: string; to: string; tag: string | null; contactId: number | null },
  days: readonly DaySpan[],
  r: RangeRequest,
  crowded: CrowdedDay[],
): CalendarStepRow[] {
  const limit = r.followUpsPerDay;
  const withReasons = r.withReasons;
  const shown: CalendarStepRow[] = [];
  const keep = (
    day: string,
    total: number,
    open: readonly CalendarStepRow[],
    done: () => CalendarStepRow[],
  ) => {
    const kept = open.length >= limit ? open.slice(0, limit) : [...open, ...done()];
    if (total > kept.length) crowded.push({ day, total, shown: kept.length });
    for (const s of kept) shown.push(s);
  };
  if (filter.tag === null && filter.contactId === null) {
    const open = new Map(followUpCountsByDay(db, filter, false).map((d) => [d.day, d.count]));
    const done = r.includeDone ? doneCountsOnDays(db, days) : new Map<string, number>();
    for (const d of days) {
      const openCount = open.get(d.day) ?? 0;
      const doneCount = done.get(d.day) ?? 0;
      if (openCount + doneCount === 0) continue;
      const openSteps = openCount > 0 ? openFollowUpsOnDay(db, d.day, { limit, withReasons }) : [];
      keep(d.day, openCount + doneCount, openSteps, () =>
        doneCount > 0
          ? doneFollowUpsBetween(
              db,
              { from: d.from, to: d.to, tag: null, contactId: null },
              { limit: limit - openSteps.length, withReasons },
            )
          : [],
      );
    }
    return shown;
  }
  const openByDay = groupBy(openFollowUpsOfFilterInRange(db, filter, { withReasons }), (s) => s.dueOn);
  const doneByDay = new Map<string, CalendarStepRow[]>();
  if (r.includeDone && days.length > 0) {
    const all = doneFollowUpsBetween(
      db,
      { from: days[0]!.from, to: days.at(-1)!.to, tag: filter.tag, contactId: filter.contactId },
      { limit: -1, withReasons },
    );
    // Both in time order: each done step falls in the first day not yet past it.
    let i = 0;
    for (const s of all) {
      while (s.completedAt! >= days[i]!.to) i++;
      push(doneByDay, days[i]!.day, s);
    }
  }
  for (const d of days) {
    const open = openByDay.get(d.day) ?? [];
    const done = doneByDay.get(d.day) ?? [];
    if (open.length + done.length > 0)
      keep(d.day, open.length + done.length, open, () => done.slice(0, limit - open.length));
  }
  return shown;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) push(groups, key(row), row);
  return groups;
}

function push<T>(groups: Map<string, T[]>, key: string, row: T): void {
  const group = groups.get(key);
  if (group) group.push(row);
  else groups.set(key, [row]);
}

/** A follow-up's slot end; a day's steps mostly share the follow-up hour, so the last is kept. */
function slotEnd(): (start: string) => string {
  let lastStart = '';
  let lastEnd = '';
  return (start) => {
    if (start !== lastStart) {
      lastStart = start;
      lastEnd = new Date(Date.parse(start) + FOLLOW_UP_MINUTES * 60_000).toISOString();
    }
    return lastEnd;
  };
}
