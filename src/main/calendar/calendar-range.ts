import type { CalendarItem, CalendarKind, CalendarRange, CrowdedDay } from '../../shared/domain/calendar.ts';
import type { Channel } from '../../shared/domain/channels.ts';
import type { Purpose, StepStatus } from '../../shared/domain/followup.ts';
import {
  type CalendarStepRow,
  followUpCountsByDay,
  followUpsOfFilterInRange,
  followUpsOnDay,
  meetingsInRange,
  promisesInRange,
} from '../store/calendar-store.ts';
import type { Db } from '../store/database.ts';
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
  dayStart: (day: string) => string;
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
 */
export function calendarRange(db: Db, r: RangeRequest): CalendarRange {
  const filter = { from: r.from, to: r.to, tag: r.tag ?? null, contactId: r.contactId ?? null };
  const items: CalendarItem[] = [];
  const crowded: CrowdedDay[] = [];
  if (r.kinds.includes('followup')) {
    const slot = slotEnd();
    for (const s of followUpsShown(db, filter, r, crowded)) {
      const open = s.status === 'pending' || s.status === 'snoozed';
      const item: CalendarItem = {
        key: `followup:${s.id}`,
        kind: 'followup',
        title: `${s.contactName}: ${PURPOSE_TITLES[s.purpose as Purpose]}`,
        contactId: s.contactId,
        contactName: s.contactName,
        start: s.dueAt,
        end: slot(s.dueAt),
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
    const bounds = { ...filter, fromInstant: r.dayStart(r.from), toInstant: r.dayStart(nextDay(r.to)) };
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
      if (r.withReasons) item.reason = m.note;
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
      if (r.withReasons) item.reason = p.text;
      items.push(item);
    }
  }
  return { items, crowded };
}

/**
 * Each day's first `followUpsPerDay` follow-ups, most important first; a day with more goes in
 * `crowded` with its total. Across the network, each day is read up to its limit and the totals
 * come from the kept per-day counts; for one person or tag, the range is read in one go.
 */
function followUpsShown(
  db: Db,
  filter: { from: string; to: string; tag: string | null; contactId: number | null },
  r: RangeRequest,
  crowded: CrowdedDay[],
): CalendarStepRow[] {
  const limit = r.followUpsPerDay;
  const options = { includeDone: r.includeDone, withReasons: r.withReasons };
  const shown: CalendarStepRow[] = [];
  if (filter.tag === null && filter.contactId === null) {
    for (const { day, count } of followUpCountsByDay(db, filter, r.includeDone)) {
      const steps = followUpsOnDay(db, day, { ...options, limit });
      if (count > steps.length) crowded.push({ day, total: count, shown: steps.length });
      for (const s of steps) shown.push(s);
    }
    return shown;
  }
  const all = followUpsOfFilterInRange(db, filter, options);
  for (let i = 0; i < all.length; ) {
    const day = all[i]!.dueOn;
    let end = i;
    while (end < all.length && all[end]!.dueOn === day) end++;
    const kept = Math.min(end - i, limit);
    for (let k = i; k < i + kept; k++) shown.push(all[k]!);
    if (end - i > kept) crowded.push({ day, total: end - i, shown: kept });
    i = end;
  }
  return shown;
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

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
