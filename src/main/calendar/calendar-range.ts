import type { CalendarItem, CalendarKind } from '../../shared/domain/calendar.ts';
import type { Purpose, StepStatus } from '../../shared/domain/followup.ts';
import { meetingsInRange, promisesInRange, stepsInRange } from '../store/calendar-store.ts';
import type { Db } from '../store/database.ts';
import { PURPOSE_TITLES } from './titles.ts';

export interface RangeRequest {
  from: string;
  to: string;
  kinds: readonly CalendarKind[];
  tag?: string | undefined;
  contactId?: number | undefined;
  includeClosed: boolean;
  /** The user's zone decides which instants fall on the visible days. */
  dayStart: (day: string) => string;
  /** Start of the current local day (UTC), for "overdue". */
  startOfToday: string;
  today: string;
}

/** What the in-app calendar shows for the visible days only: follow-ups, meetings and promises. */
export function calendarRange(db: Db, r: RangeRequest): CalendarItem[] {
  const filter = { from: r.from, to: r.to, tag: r.tag ?? null, contactId: r.contactId ?? null };
  const items: CalendarItem[] = [];
  if (r.kinds.includes('followup')) {
    for (const s of stepsInRange(db, filter, { includeClosed: r.includeClosed })) {
      const open = s.status === 'pending' || s.status === 'snoozed';
      items.push({
        key: `followup:${s.id}`,
        kind: 'followup',
        title: `${s.contactName}: ${PURPOSE_TITLES[s.purpose as Purpose]}`,
        contactId: s.contactId,
        contactName: s.contactName,
        start: s.dueAt,
        allDay: false,
        followUpId: s.id,
        purpose: s.purpose as Purpose,
        status: s.status as StepStatus,
        overdue: open && s.dueAt < r.startOfToday,
        reason: s.reason,
        context: s.context,
        promiseId: null,
      });
    }
  }
  if (r.kinds.includes('meeting')) {
    const bounds = { ...filter, fromInstant: r.dayStart(r.from), toInstant: r.dayStart(nextDay(r.to)) };
    for (const m of meetingsInRange(db, bounds)) {
      items.push({
        key: `meeting:${m.cycleId}`,
        kind: 'meeting',
        title: `Meeting with ${m.contactName}`,
        contactId: m.contactId,
        contactName: m.contactName,
        start: m.meetingAt,
        allDay: false,
        followUpId: null,
        purpose: null,
        status: 'open',
        overdue: false,
        reason: m.note,
        context: null,
        promiseId: null,
      });
    }
  }
  if (r.kinds.includes('promise')) {
    for (const p of promisesInRange(db, filter, r.includeClosed)) {
      items.push({
        key: `promise:${p.id}`,
        kind: 'promise',
        title:
          p.direction === 'mine'
            ? `Promised ${p.contactName}: ${p.text}`
            : `${p.contactName} promised: ${p.text}`,
        contactId: p.contactId,
        contactName: p.contactName,
        start: p.dueOn,
        allDay: true,
        followUpId: null,
        purpose: null,
        status: p.status,
        overdue: p.status === 'open' && p.dueOn < r.today,
        reason: p.text,
        context: null,
        promiseId: p.id,
      });
    }
  }
  return items;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
