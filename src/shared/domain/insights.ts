import { z } from 'zod';
import { id, isoDate } from './common.ts';
import { Tag } from './contact.ts';
import { REPLY_DIMENSIONS, type ReplyDimension } from './insights-constants.ts';

/** The filters every insights call takes: the period and the people; every one optional. */
const InsightsFilters = z.object({
  /** First local day of the period (inclusive); absent: from the beginning. */
  from: isoDate.optional(),
  /** Last local day of the period (inclusive); absent: up to today. */
  to: isoDate.optional(),
  tag: Tag.optional(),
  eventId: id.optional(),
});
const periodInOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const periodMessage = { message: 'from must not be after to', path: ['from'] };

/** The period and the people an insights report is about. */
export const InsightsQuery = InsightsFilters.refine(periodInOrder, periodMessage);
export type InsightsQuery = z.input<typeof InsightsQuery>;

// The plain constants live in a module without zod, so the renderer can use them without
// loading zod (100 kB) into its Insights chunk; re-exported here for everyone else.
export {
  BACKLOG_WEEKS,
  BASELINE_EVER_FOLLOWED_UP,
  GOING_COLD_DAYS,
  REPLY_DIMENSIONS,
  REPLY_WINDOW_DAYS,
  type ReplyDimension,
  SMALL_SAMPLE,
  WEEKDAY_KEYS,
} from './insights-constants.ts';

export interface FollowThrough {
  /** People met in the period (imported contacts not yet reviewed are left out). */
  met: number;
  /** Cumulative: within48h includes within24h, within7d includes both. */
  within24h: number;
  within48h: number;
  within7d: number;
  never: number;
  /** Median hours from the end of the meeting day to the first message; null when none was sent. */
  medianHours: number | null;
}

/** One week (Monday to Sunday, local days) of the people met in it. */
export interface FollowThroughWeek {
  /** The Monday. */
  week: string;
  met: number;
  within48h: number;
  /** Got a first message by the end of the period, however late. */
  ever: number;
  /** within48h / met and ever / met, rounded to 3 places; null when met < SMALL_SAMPLE. */
  within48hShare: number | null;
  everShare: number | null;
  small: boolean;
}

export interface FollowThroughTrend {
  /** BASELINE_EVER_FOLLOWED_UP: the share to compare everShare with. */
  baseline: number;
  /** The weeks of the period in which anyone was met, oldest first. */
  weeks: FollowThroughWeek[];
}

export interface ReplyRate {
  sent: number;
  replied: number;
  /** replied / sent, or null when sent < SMALL_SAMPLE (then `small` is true). */
  rate: number | null;
  small: boolean;
}

/**
 * Each map holds only the keys that have messages. template keys are `purpose/variant` (e.g.
 * `refresher/2`), only for messages the composer recorded a variant for.
 */
export type ReplyRates = Record<ReplyDimension, Record<string, ReplyRate>>;

export interface ReplyTime {
  /** Messages replied to (the same as the sum of replied by channel). */
  replied: number;
  /** Median hours from a message to the reply that answered it; null when none was. */
  medianHours: number | null;
}

export const CYCLE_REPORT_ENDINGS = [
  'replied',
  'no_response',
  'completed',
  'skipped',
  'cancelled',
  'active',
] as const;
export type CycleEndings = Record<(typeof CYCLE_REPORT_ENDINGS)[number], number>;

/** How many touches (steps done) a cycle took; the last bucket is that many or more. */
export const TOUCH_BUCKETS = ['0', '1', '2', '3', '4+'] as const;
export type CycleTouches = Record<(typeof TOUCH_BUCKETS)[number], number>;

export const MINE_STATES = ['keptOnTime', 'late', 'open'] as const;
/** nudged overlaps the others: a promise nudged and then fulfilled counts in both. */
export const THEIRS_STATES = ['fulfilled', 'nudged', 'open'] as const;
export interface PromiseFigures {
  mine: Record<(typeof MINE_STATES)[number], number>;
  theirs: Record<(typeof THEIRS_STATES)[number], number>;
}

export interface BacklogWeek {
  /** The Monday. */
  week: string;
  /** Steps overdue at the end of that week (or at the end of the period, or now, if sooner). */
  overdue: number;
}

export interface NetworkHealth {
  /** Written to before, and nothing either way for GOING_COLD_DAYS up to the period's end. */
  goingCold: number;
  /** In the network at the period's end, and never a message from you. */
  neverFollowedUp: number;
  backlog: BacklogWeek[];
}

export interface InsightsReport {
  period: { from: string | null; to: string; timeZone: string };
  filters: { tag: string | null; eventId: number | null };
  followThrough: FollowThrough;
  trend: FollowThroughTrend;
  replyRate: ReplyRates;
  replyTime: ReplyTime;
  cycles: CycleEndings;
  cycleTouches: CycleTouches;
  promises: PromiseFigures;
  network: NetworkHealth;
  /** Imported contacts not yet reviewed that would otherwise count as met in the period. */
  excluded: { unreviewedImports: number };
}

const weekDay = z.iso.date({ message: 'must be a Monday as YYYY-MM-DD' });

/**
 * Every number and bar of the report, as a key `insights.people` takes. The list it returns has
 * exactly as many rows as the number says (rows are messages for replyRate and replyTime, cycles
 * for cycles and cycleTouches, promises for promises, steps for backlog; people otherwise).
 */
export const InsightsMeasure = z.discriminatedUnion('measure', [
  z.object({
    measure: z.literal('followThrough'),
    bucket: z.enum(['met', 'within24h', 'within48h', 'within7d', 'never']),
  }),
  z.object({ measure: z.literal('trend'), week: weekDay, bucket: z.enum(['met', 'within48h', 'ever']) }),
  z.object({
    measure: z.literal('replyRate'),
    by: z.enum(REPLY_DIMENSIONS),
    key: z.string().min(1).max(100),
    outcome: z.enum(['sent', 'replied']),
  }),
  z.object({ measure: z.literal('replyTime') }),
  z.object({ measure: z.literal('cycles'), ending: z.enum(CYCLE_REPORT_ENDINGS) }),
  z.object({ measure: z.literal('cycleTouches'), touches: z.enum(TOUCH_BUCKETS) }),
  z.object({ measure: z.literal('myPromises'), state: z.enum(MINE_STATES) }),
  z.object({ measure: z.literal('theirPromises'), state: z.enum(THEIRS_STATES) }),
  z.object({ measure: z.literal('goingCold') }),
  z.object({ measure: z.literal('neverFollowedUp') }),
  z.object({ measure: z.literal('backlog'), week: weekDay }),
  z.object({ measure: z.literal('unreviewedImports') }),
]);
export type InsightsMeasure = z.infer<typeof InsightsMeasure>;

export const InsightsPeopleQuery = InsightsFilters.extend({
  measure: InsightsMeasure,
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
}).refine(periodInOrder, periodMessage);
export type InsightsPeopleQuery = z.input<typeof InsightsPeopleQuery>;

export interface InsightsPerson {
  contactId: number;
  name: string;
  /**
   * The date that puts them in the list: the day met (followThrough, trend, neverFollowedUp,
   * unreviewedImports), the instant sent (replyRate, replyTime), the instant the cycle started,
   * the promise's due day, the instant of the last interaction (goingCold), the step's due instant
   * (backlog).
   */
  date: string | null;
}

export interface InsightsPeople {
  /** Equal to the report's number for the same filters and measure. */
  total: number;
  offset: number;
  people: InsightsPerson[];
}
