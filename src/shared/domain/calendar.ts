import { z } from 'zod';
import { id, isoDate } from './common.ts';
import { Tag } from './contact.ts';
import type { Purpose, StepStatus } from './followup.ts';

/** What the calendar shows, coloured by kind. */
export const CALENDAR_KINDS = ['followup', 'meeting', 'promise'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

export interface CalendarItem {
  /** Stable across queries: "followup:12", "meeting:5", "promise:3". */
  key: string;
  kind: CalendarKind;
  title: string;
  contactId: number;
  contactName: string;
  /** A UTC instant for timed items; a YYYY-MM-DD day when allDay. */
  start: string;
  allDay: boolean;
  /** Follow-ups only. */
  followUpId: number | null;
  purpose: Purpose | null;
  status: StepStatus | 'open' | 'done' | 'cancelled';
  overdue: boolean;
  /** Why now, and what to mention (follow-ups); the promise text (promises). */
  reason: string | null;
  context: string | null;
  promiseId: number | null;
}

export const CalendarRangeQuery = z.object({
  /** Inclusive local days: only the visible range is queried. */
  from: isoDate,
  to: isoDate,
  kinds: z
    .array(z.enum(CALENDAR_KINDS))
    .min(1)
    .default([...CALENDAR_KINDS]),
  tag: Tag.optional(),
  contactId: id.optional(),
  /** Done, skipped and cancelled steps too (the calendar shows history in past weeks). */
  includeClosed: z.boolean().default(false),
});
export type CalendarRangeQuery = z.input<typeof CalendarRangeQuery>;

export const IcsExportInput = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  contactId: id.optional(),
  tag: Tag.optional(),
  /** Add a VALARM to each event (a bonus: Google drops them; the app's own reminders are primary). */
  alarms: z.boolean().default(false),
});
export type IcsExportInput = z.input<typeof IcsExportInput>;

export interface IcsExport {
  filename: string;
  /** The whole .ics text (CRLF line ends). */
  content: string;
  events: number;
}

export interface FeedInfo {
  /** http://127.0.0.1:PORT/feed/<token>.ics, or null when no server is running to serve it. */
  url: string | null;
  /** The same as webcal:// for "subscribe" buttons. */
  webcalUrl: string | null;
}
