import type { Purpose } from '../../shared/domain/followup.ts';
import type { FollowUpProfile } from '../store/contacts-store.ts';
import { shortDay } from '../time/local-day.ts';

/** Facts a reason may mention; each purpose uses the ones that make its message specific. */
export interface ReasonFacts {
  profile: FollowUpProfile;
  /** The day of the message this one follows up (second follow-up). */
  previousDay?: string | undefined;
  meetingWhen?: string | undefined;
  promiseText?: string | undefined;
  promiseDue?: string | undefined;
  cadenceDays?: number | undefined;
  lastInTouchDay?: string | undefined;
  endedDay?: string | undefined;
  note?: string | null | undefined;
}

/** "Why now", in words: the product's own phrasing, short and specific. */
export function reasonFor(purpose: Purpose, f: ReasonFacts): string {
  const met = [
    f.profile.metWhere ? `at ${f.profile.metWhere}` : null,
    f.profile.metOn ? `on ${shortDay(f.profile.metOn)}` : null,
  ]
    .filter(Boolean)
    .join(' ');
  switch (purpose) {
    case 'refresher':
      return `You met ${met || 'recently'}. A short thank-you that names what you talked about, while it is fresh.`;
    case 'second':
      return `No reply to your message${f.previousDay ? ` of ${shortDay(f.previousDay)}` : ''}. A brief second note that acknowledges the first.`;
    case 'confirmation':
      return `Meeting ${f.meetingWhen ?? 'soon'}. Confirm the day before: time, place, and that you look forward to it.`;
    case 'thank_you':
      return `They helped you${f.note ? `: ${f.note}` : ''}. Say thank you within a day, and say what it changed.`;
    case 'check_in':
      return `Keep in touch every ${f.cadenceDays ?? '?'} days${f.lastInTouchDay ? `; last in touch on ${shortDay(f.lastInTouchDay)}` : ''}.`;
    case 'reengage':
      return `You met ${met || 'a while ago'} and never followed up. It is never too late: mention where you met and why you are writing now.`;
    case 'long_term':
      return `Your last follow-ups went unanswered${f.endedDay ? ` (cycle ended ${shortDay(f.endedDay)})` : ''}. A gentle check-in, no pressure.`;
    case 'promise_mine':
      return `You promised: ${f.promiseText ?? ''}${f.promiseDue ? ` (due ${shortDay(f.promiseDue)})` : ''}.`;
    case 'promise_theirs':
      return `They promised: ${f.promiseText ?? ''}${f.promiseDue ? ` (due ${shortDay(f.promiseDue)})` : ''}. A polite nudge.`;
    case 'manual':
      return f.note ?? 'A follow-up you scheduled.';
  }
}

/** "What to mention": the discussed topic and the agreed next step make a message personal. */
export function contextFor(profile: FollowUpProfile, extra?: string | null): string | null {
  const parts = [
    extra,
    profile.discussed ? `Discussed: ${profile.discussed}` : null,
    profile.nextStep ? `Next step: ${profile.nextStep}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}
