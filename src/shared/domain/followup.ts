import { z } from 'zod';
import type { DatedText } from '../format/dated-text.ts';
import {
  id,
  isoDate,
  optionalText,
  pastInstant,
  plannedInstant,
  plannedIsoDate,
  requiredText,
} from './common.ts';
import type { DueCounts } from './due-counts.ts';
import { Channel } from './interaction.ts';

export type { DueCounts } from './due-counts.ts';

/**
 * Playbooks: the kinds of follow-up cycle. Each cycle belongs to one contact, holds dated steps,
 * and always ends (replied, no response, completed, skipped or cancelled).
 */
export const PLAYBOOKS = [
  'met',
  'no_reply',
  'meeting',
  'helped',
  'keep_in_touch',
  'reengage',
  'promise',
  'long_term',
  'manual',
] as const;
export type Playbook = (typeof PLAYBOOKS)[number];

/** What a step is for; decides its wording, priority and what "done" leads to. */
export const PURPOSES = [
  'refresher', // within a day of meeting: thank them, name what you discussed
  'second', // a week without reply: acknowledge the first message
  'confirmation', // the day before a meeting
  'thank_you', // they helped me
  'check_in', // keep-in-touch cadence
  'reengage', // met long ago, never followed up: it is never too late
  'long_term', // a gentle check-in months after a cycle ended without reply
  'promise_mine', // what I promised them
  'promise_theirs', // a polite nudge about what they promised me
  'manual', // scheduled by hand
] as const;
export type Purpose = (typeof PURPOSES)[number];

export const STEP_STATUSES = ['pending', 'snoozed', 'done', 'skipped', 'cancelled'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const CYCLE_ENDINGS = ['replied', 'no_response', 'completed', 'skipped', 'cancelled'] as const;
export type CycleEnding = (typeof CYCLE_ENDINGS)[number];

export const PACINGS = ['fast', 'standard', 'deliberate'] as const;
export const Pacing = z.enum(PACINGS);
export type Pacing = z.infer<typeof Pacing>;

export interface FollowUp {
  id: number;
  contactId: number;
  contactName: string;
  cycleId: number;
  playbook: Playbook;
  purpose: Purpose;
  channel: Channel | null;
  /** The moment it is due (UTC); dueOn is the user's local day it falls on. */
  dueAt: string;
  dueOn: string;
  status: StepStatus;
  snoozedUntil: string | null;
  notifiedAt: string | null;
  completedAt: string | null;
  /** Lower is more important; the daily budget keeps the most important first. */
  priority: number;
  /**
   * Why now, in words ("You met at Web Summit on 8 Oct"), with its days marked: read it with
   * readDated (the renderer's formatDated) to show it.
   */
  reason: DatedText;
  /** What to mention: the discussed topic, the promise, the next step. */
  context: string | null;
  /** Set when a manual date breaks a cap (allowed, but shown). */
  capWarning: string | null;
  promiseId: number | null;
  /** Why it was cancelled or skipped ("They replied on 19 Nov."), days marked like `reason`. */
  cancelReason: DatedText | null;
  /** Bumped on every change (the .ics export's SEQUENCE). */
  sequence: number;
  createdAt: string;
  updatedAt: string;
}

export const PROMISE_DIRECTIONS = ['mine', 'theirs'] as const;
export type PromiseDirection = (typeof PROMISE_DIRECTIONS)[number];

export interface PromiseItem {
  id: number;
  contactId: number;
  contactName: string;
  direction: PromiseDirection;
  text: string;
  dueOn: string;
  status: 'open' | 'done' | 'cancelled';
  createdAt: string;
  completedAt: string | null;
}

export const SNOOZE_PRESETS = ['1h', 'tomorrow', 'nextWeek'] as const;

export const FollowUpListQuery = z.object({
  /** Inclusive local days (YYYY-MM-DD). */
  from: isoDate.optional(),
  to: isoDate.optional(),
  contactId: id.optional(),
  statuses: z.array(z.enum(STEP_STATUSES)).min(1).optional(),
  limit: z.number().int().min(1).max(20_000).default(2000),
});

export const DoneInput = z.object({
  id,
  /** Defaults to the step's channel, else the contact's preferred channel, else email. */
  channel: Channel.optional(),
  /** What was sent: the composer's message as finally edited, kept whole on the timeline. */
  summary: optionalText(20_000),
  at: pastInstant.optional(),
  /** The composer's template variant the message came from: the next one to them uses another. */
  variant: z.number().int().min(0).max(99).optional(),
});

export const SnoozeInput = z.union([
  z.object({ id, preset: z.enum(SNOOZE_PRESETS) }),
  z.object({ id, until: plannedInstant }),
]);

export const ScheduleInput = z.object({
  contactId: id,
  dueOn: plannedIsoDate,
  channel: Channel.optional(),
  note: optionalText(2000),
});

export const RescheduleInput = z.object({ id, dueOn: plannedIsoDate });

export const ArrangeMeetingInput = z.object({
  contactId: id,
  meetingAt: plannedInstant,
  note: optionalText(2000),
});

export const ThankInput = z.object({
  contactId: id,
  /** What they did for you: it goes into the thank-you prompt. */
  note: optionalText(2000),
});

export const PromiseDraft = z.object({
  contactId: id,
  direction: z.enum(PROMISE_DIRECTIONS),
  text: requiredText(2000),
  dueOn: plannedIsoDate,
});

export const PromiseListQuery = z.object({
  contactId: id.optional(),
  status: z.enum(['open', 'done', 'cancelled', 'all']).default('open'),
});

/** A step as the Today view shows it: the step plus what to say and when it is for them. */
export interface TodayItem extends FollowUp {
  company: string | null;
  /** The contact's local time now, when their time zone is known ("08:10"). */
  theirTime: string | null;
  theirTimeZone: string | null;
  /** The next 09:00 in their zone (UTC), for messages that should land in their morning. */
  theirMorning: string | null;
  overdueDays: number;
}

export interface ContactNudge {
  contactId: number;
  contactName: string;
  company: string | null;
  metOn: string | null;
  metWhere: string | null;
  lastInteractionAt: string | null;
  /** Days since met (met but not followed up) or past the cadence (going cold). */
  days: number;
  /** Going cold: the overdue check-in itself, to mark done, snooze or skip. */
  followUpId?: number;
}

export interface TodayView {
  now: string;
  today: string;
  overdue: TodayItem[];
  dueToday: TodayItem[];
  /** Due now but held back by the daily budget, most important first (the first 50; counts.waiting has them all). */
  waiting: TodayItem[];
  upcoming: TodayItem[];
  metNotFollowedUp: ContactNudge[];
  goingCold: ContactNudge[];
  promises: { mine: PromiseItem[]; theirs: PromiseItem[] };
  stats: { doneThisWeek: number; streakDays: number; dailyBudget: number };
  /** Totals, by the definition every screen shares; waiting and going cold list the first 50. */
  counts: DueCounts;
}

export interface ScheduleResult {
  followUp: FollowUp;
  /** Caps the chosen date breaks (allowed for manual scheduling, shown to the user). */
  warnings: string[];
}
