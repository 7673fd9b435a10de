import { z } from 'zod';
import type { DatedText } from '../format/dated-text.ts';
import type { Channel } from './channels.ts';
import { id, isoDate } from './common.ts';
import { Tag } from './contact.ts';
import type { DueCounts } from './due-counts.ts';
import type { PromiseDirection, Purpose, StepStatus } from './followup.ts';

/** What the calendar shows, coloured by kind. */
export const CALENDAR_KINDS = ['followup', 'meeting', 'promise'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

/**
 * One thing on the calendar, as slim as the views need: the range can hold thousands. Why and
 * what to mention come with {@link CalendarItemDetail}, when the card opens.
 */
export interface CalendarItem {
  /** Stable across queries: "followup:12", "meeting:5", "promise:3". */
  key: string;
  kind: CalendarKind;
  title: string;
  contactId: number;
  contactName: string;
  /** A UTC instant for timed items; a YYYY-MM-DD day when allDay. */
  start: string;
  /** A follow-up's slot ends here (the same half hour as its .ics event); null lets the view decide. */
  end: string | null;
  allDay: boolean;
  status: StepStatus | 'open' | 'done' | 'cancelled';
  overdue: boolean;
  /** Follow-ups only. */
  followUpId: number | null;
  purpose: Purpose | null;
  /** How the follow-up is meant to go out, when the plan says. */
  channel: Channel | null;
  /** The promise (promise items), or the promise a reminder step is about (follow-ups). */
  promiseId: number | null;
  /** Promises only: whose promise it is. */
  direction: PromiseDirection | null;
  /**
   * Only when the query asks `withReasons` (the list view plans the day from it): why a
   * follow-up is due, a meeting's note, a promise's words.
   */
  reason?: DatedText | null;
}

/**
 * A day with more follow-ups than the range returns: the most important ones are in `items`
 * (Today's order: priority, then time), the rest only counted.
 */
export interface CrowdedDay {
  day: string;
  /** Follow-ups on that day that match the filters. */
  total: number;
  shown: number;
}

export interface CalendarRange {
  items: CalendarItem[];
  crowded: CrowdedDay[];
  /**
   * When the range shows today: today's totals by the definition Today and the sidebar use
   * (due, in budget, waiting), for the whole network whatever the filters.
   */
  today?: DueCounts;
}

/** A day holds at most this many follow-ups unless the query asks otherwise. */
export const DEFAULT_FOLLOW_UPS_PER_DAY = 50;

const MAX_RANGE_DAYS = 400;

export const CalendarRangeQuery = z
  .object({
    /** Inclusive local days: only the visible range is queried. */
    from: isoDate,
    to: isoDate,
    kinds: z
      .array(z.enum(CALENDAR_KINDS))
      .min(1)
      .default([...CALENDAR_KINDS]),
    tag: Tag.optional(),
    contactId: id.optional(),
    /**
     * Done steps and kept promises too (past weeks show what was done). Skipped and cancelled
     * ones never come: nothing happened.
     */
    includeDone: z.boolean().default(false),
    /** The most follow-ups one day returns; a crowded day says how many more it holds. */
    followUpsPerDay: z.number().int().min(1).max(1000).default(DEFAULT_FOLLOW_UPS_PER_DAY),
    /** Each item's `reason` too: the list view shows it; the grid views leave it to the card. */
    withReasons: z.boolean().default(false),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'must not be before from' })
  // The screens show at most six weeks; a year is the most any caller needs at once.
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_RANGE_DAYS * 86_400_000, {
    path: ['to'],
    message: `must be at most ${MAX_RANGE_DAYS} days after from`,
  });
export type CalendarRangeQuery = z.input<typeof CalendarRangeQuery>;

/** What the card shows beyond the range's item, loaded when it opens. */
export const CalendarItemQuery = z.object({
  key: z.string().regex(/^(followup|meeting|promise):[1-9]\d*$/, 'must be a calendar item key'),
});
export type CalendarItemQuery = z.input<typeof CalendarItemQuery>;

export interface CalendarItemDetail {
  key: string;
  /** Why now (follow-ups), the meeting's note, the promise's text: dated text, to be read. */
  reason: DatedText | null;
  /** What to mention (follow-ups). */
  context: string | null;
  /** A follow-up scheduled against a limit says which. */
  capWarning: string | null;
}

export const IcsExportInput = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    contactId: id.optional(),
    tag: Tag.optional(),
    /** Add a VALARM to each event (a bonus: Google drops them; the app's own reminders are primary). */
    alarms: z.boolean().default(false),
    /**
     * Every open follow-up on its own due day. By default the export follows the plan Today
     * follows: the daily budget each day, and what waits on the day it is planned for.
     */
    everything: z.boolean().default(false),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' });
export type IcsExportInput = z.input<typeof IcsExportInput>;

export interface IcsExport {
  filename: string;
  /** The whole .ics text (CRLF line ends). */
  content: string;
  events: number;
  /** Follow-ups due by the range's end that the plan puts after it (or that are going cold): not in the file. */
  later: number;
}

export interface FeedInfo {
  /** http://127.0.0.1:PORT/feed/<token>.ics, or null when no server is running to serve it. */
  url: string | null;
  /** The same as webcal:// for "subscribe" buttons. */
  webcalUrl: string | null;
}
