import type { Playbook, Purpose } from '../../shared/domain/followup.ts';

interface PurposeRule {
  /** Lower is more important: the daily budget lets these through first. */
  priority: number;
  /** Nudges are prompts to write to the person: the caps against over-following-up apply. */
  nudge: boolean;
  /** A reply or any two-way contact cancels it. */
  cancelledByReply: boolean;
  /** What "done" writes on the timeline when the user gives no summary. */
  doneSummary: string;
}

export const PURPOSE_RULES: Record<Purpose, PurposeRule> = {
  promise_mine: { priority: 10, nudge: false, cancelledByReply: false, doneSummary: 'Kept my promise' },
  confirmation: { priority: 15, nudge: true, cancelledByReply: false, doneSummary: 'Confirmed the meeting' },
  refresher: {
    priority: 20,
    nudge: true,
    cancelledByReply: true,
    doneSummary: 'Sent a thank-you after we met',
  },
  thank_you: {
    priority: 25,
    nudge: true,
    cancelledByReply: false,
    doneSummary: 'Thanked them for their help',
  },
  promise_theirs: {
    priority: 30,
    nudge: true,
    cancelledByReply: true,
    doneSummary: 'Nudged them about their promise',
  },
  second: { priority: 40, nudge: true, cancelledByReply: true, doneSummary: 'Sent a second follow-up' },
  manual: { priority: 45, nudge: true, cancelledByReply: false, doneSummary: 'Followed up' },
  check_in: { priority: 50, nudge: true, cancelledByReply: false, doneSummary: 'Checked in' },
  reengage: {
    priority: 60,
    nudge: true,
    cancelledByReply: true,
    doneSummary: 'Reconnected after a long time',
  },
  long_term: { priority: 70, nudge: true, cancelledByReply: true, doneSummary: 'Sent a gentle check-in' },
};

/** Interactions that are conversations, not messages: they count as hearing back. */
export const TWO_WAY_CHANNELS = new Set(['call', 'meeting', 'in_person']);

/** Cycles whose nudges a reply ends (the conversation is back on). */
export const REPLY_ENDS: ReadonlySet<Playbook> = new Set(['met', 'no_reply', 'reengage', 'long_term']);

/** The purposes that continue into the no-reply chain when done (first message sent). */
export const OPENS_NO_REPLY_CHAIN: ReadonlySet<Purpose> = new Set(['refresher', 'reengage', 'long_term']);
