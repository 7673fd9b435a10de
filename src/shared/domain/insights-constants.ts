/** The insights report's plain constants (no zod here: the renderer imports them). */

/** Below this many messages sent (or people met in a week), a rate says more about luck than about what works. */
export const SMALL_SAMPLE = 5;
/** A reply counts for a message when it comes within this many days (see README, Insights). */
export const REPLY_WINDOW_DAYS = 14;
/** The seeds' case: under 30% of the people met at networking events are ever followed up. */
export const BASELINE_EVER_FOLLOWED_UP = 0.3;
/** Someone you have written to goes cold when nothing passed between you for this many days. */
export const GOING_COLD_DAYS = 90;
/** The overdue backlog is drawn for at most this many weeks, the last of the period. */
export const BACKLOG_WEEKS = 26;

/** The dimensions a reply rate is broken down by. */
export const REPLY_DIMENSIONS = ['channel', 'purpose', 'pacing', 'weekday', 'hour', 'template'] as const;
export type ReplyDimension = (typeof REPLY_DIMENSIONS)[number];
/** Weekday keys of replyRate.weekday (ISO order); hour keys are '00' … '23'; both in the user's zone. */
export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
