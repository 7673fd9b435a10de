import type { InsightsReport } from './insights.ts';
import {
  BACKLOG_WEEKS,
  BASELINE_EVER_FOLLOWED_UP,
  GOING_COLD_DAYS,
  REPLY_WINDOW_DAYS,
  SMALL_SAMPLE,
} from './insights-constants.ts';

/**
 * Every measure of the insights report defined in words, for the screen (beside each chart) and
 * for README's Insights section, which says the same. Keyed by the report's top-level field.
 */
export type MeasureKey = Exclude<keyof InsightsReport, 'period' | 'filters'>;

const pct = (share: number) => `${Math.round(share * 100)}%`;

export const MEASURE_DEFINITIONS: ReadonlyMap<MeasureKey, { title: string; definition: string }> = new Map([
  [
    'followThrough',
    {
      title: 'Follow-through',
      definition:
        'The people met in the period (their day met, or the day they were added when no day met is recorded) and when you sent each a first message (a message from you on or after the day met). Days are local days in your time zone, not the contact’s (one you met abroad is still measured by your days): it is your habit being measured. The meeting counts as ending at the end of the day met; within 24 h is a first message by the end of the next day, within 48 h by the end of the second day after, within a week by the end of the seventh. A message on the day met itself is 0 hours. The windows are cumulative and end before midnight: exactly 48 hours after the day met ended is the third day, so not within 48 h. A DST change does not move them. Never is no first message yet. Median hours is the median real time from the end of the day met to the first message.',
    },
  ],
  [
    'trend',
    {
      title: 'Follow-through week by week',
      definition: `The people met in each week (Monday to Sunday) of the period, the share that got a first message within 48 h, and the share that got one at all so far, against the seeds’ baseline: under ${pct(BASELINE_EVER_FOLLOWED_UP)} of the people met at networking events are ever followed up. A week with fewer than ${SMALL_SAMPLE} people met shows counts, not shares.`,
    },
  ],
  [
    'replyRate',
    {
      title: 'Reply rate',
      definition: `Of the messages you sent in the period, how many the contact answered: a message from them after it, at most ${REPLY_WINDOW_DAYS} days later, and before your next message to them (a reply answers the last message before it, so a reply before the nudge credits the first message). Broken down by channel; by purpose (that of the follow-up step the message was logged for, else unplanned); by pacing preset (the contact’s, else their first tag’s, else your default); by weekday and hour sent in your time zone; and by template variant, where the composer recorded which one the message came from. With fewer than ${SMALL_SAMPLE} messages sent, only the counts are shown: a rate of so few says more about luck than about what works.`,
    },
  ],
  [
    'replyTime',
    {
      title: 'Time to reply',
      definition:
        'The median real time, in hours, from a message of yours sent in the period to the reply that answered it (as in Reply rate), over the messages that were answered.',
    },
  ],
  [
    'cycles',
    {
      title: 'Cycles',
      definition:
        'The follow-up cycles (one playbook run on one person) started in the period, by how they ended: replied, no response, completed, skipped, cancelled, or still active.',
    },
  ],
  [
    'cycleTouches',
    {
      title: 'Touches per cycle',
      definition:
        'The same cycles, by how many of their steps you marked done (each a message or call of yours): 0, 1, 2, 3, or 4 and more.',
    },
  ],
  [
    'promises',
    {
      title: 'Promises',
      definition:
        'Promises made in the period, cancelled ones left out. Mine are kept on time when marked done on or before the day due (the local day it was marked, in your time zone), late when after, open when not yet. Theirs are fulfilled or open; nudged counts those you sent at least one nudge about (a done “their promise” step), whether fulfilled since or not.',
    },
  ],
  [
    'network',
    {
      title: 'Network health',
      definition: `Going cold: people you have written to at least once, not archived, with nothing either way for ${GOING_COLD_DAYS} days or more before the end of the period. Never followed up: people in your network (added by the end of the period, not archived) with no message from you at all. Overdue backlog: for each of the last ${BACKLOG_WEEKS} weeks of the period at most, the follow-up steps that were due before the end of that week (or the end of the period, or now, if sooner) and not yet done, skipped or cancelled by then; a snoozed step counts from the time it is due now.`,
    },
  ],
  [
    'excluded',
    {
      title: 'Left out',
      definition:
        'Imported contacts you have not reviewed yet are left out of every measure until you review them; the report says how many would have counted as met in the period. A merged contact is one person: everything moves to the contact kept.',
    },
  ],
]);
