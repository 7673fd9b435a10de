import type { ComposeChannel } from '../../shared/domain/compose.ts';
import type { Purpose } from '../../shared/domain/followup.ts';

/**
 * Everything a draft and its check may draw on, gathered once from the store (load-context.ts)
 * so the drafting and checking code is pure: it takes this and the clock, and touches nothing.
 */
export interface ComposeContext {
  /** The app's clock and the user's zone and locale (dates are written in the user's locale). */
  now: Date;
  userZone: string;
  locale: string | undefined;
  me: {
    /** Settings › Composer; null until set (the draft then ends without a name). */
    name: string | null;
    signature: string | null;
    workingDays: readonly number[];
    workingHours: { start: number; end: number };
    /** Extra stock phrases the user added (Settings › Composer). */
    stockPhrases: readonly string[];
    caps: { minGapDays: number; maxPer30Days: number };
  };
  contact: {
    id: number;
    displayName: string;
    firstName: string | null;
    company: string | null;
    title: string | null;
    timeZone: string | null;
    emails: readonly string[];
    phones: readonly string[];
    /** https profile URLs; the LinkedIn one is found by host. */
    links: readonly string[];
    metOn: string | null;
    /** The event's name when met at a recorded event, else the free-text place. */
    metWhere: string | null;
    howMet: string | null;
    discussed: string | null;
    interests: string | null;
    /** Open (not done) agreed next step, and its day when set. */
    nextStep: string | null;
    nextStepDueOn: string | null;
    notes: string | null;
  };
  /** The step being written for; null for "write to them now". */
  step: {
    id: number;
    purpose: Purpose;
    channel: ComposeChannel | null;
    dueAt: string;
    /** Confirmation: the meeting (UTC instant) and where, from the event or the step's note. */
    meetingAt: string | null;
    meetingPlace: string | null;
    /** The step's own note (a manual step's "why"), or the promise's text. */
    note: string | null;
  } | null;
  purpose: Purpose;
  promises: {
    mine: readonly { text: string; dueOn: string }[];
    theirs: readonly { text: string; dueOn: string }[];
  };
  /**
   * Outbound messages, newest first: for "my message of 12 Mar", the near-copy check and caps.
   * The 30-day cap counts these, so load at least every one of the last 30 days (or maxPer30Days).
   */
  sent: readonly { at: string; channel: string; summary: string }[];
  /** The last inbound touch, if any. */
  lastHeardAt: string | null;
  /**
   * Inbound messages, newest first (a few): their words count as details the check recognises
   * ("your question about pricing"). Optional so a context without them still checks.
   */
  heard?: readonly { at: string; channel: string; summary: string }[];
  /** The variant last used for this person per purpose × channel ("purpose.channel" → index). */
  lastVariants: ReadonlyMap<string, number>;
  /** Variants used today for others met at the same event, per "purpose.channel" (batch variation). */
  eventVariantsToday: ReadonlyMap<string, readonly number[]>;
}
