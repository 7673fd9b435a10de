import type { Purpose } from '../../shared/domain/followup.ts';

/** Short names for calendar titles ("Ada Lovelace: refresher"). */
export const PURPOSE_TITLES: Record<Purpose, string> = {
  refresher: 'refresher',
  second: 'second follow-up',
  confirmation: 'confirm the meeting',
  thank_you: 'thank-you',
  check_in: 'check in',
  reengage: 'reconnect',
  long_term: 'gentle check-in',
  promise_mine: 'keep my promise',
  promise_theirs: 'nudge about their promise',
  manual: 'follow up',
};

/** How long a follow-up occupies, in the app's week view and in exported events: a slot to write the message. */
export const FOLLOW_UP_MINUTES = 30;
