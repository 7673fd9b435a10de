import type { Purpose } from '../../shared/domain/followup.ts';
import {
  type DatedPiece,
  type DatedText,
  dated,
  day,
  instant,
  nested,
} from '../../shared/format/dated-text.ts';
import type { FollowUpProfile } from '../store/contacts-store.ts';

/** Facts a reason may mention; each purpose uses the ones that make its message specific. */
export interface ReasonFacts {
  profile: FollowUpProfile;
  /** The day of the message this one follows up (second follow-up). */
  previousDay?: string | undefined;
  /** The meeting a confirmation is for (an instant). */
  meetingAt?: string | undefined;
  promiseText?: string | undefined;
  promiseDue?: string | undefined;
  cadenceDays?: number | undefined;
  lastInTouchDay?: string | undefined;
  endedDay?: string | undefined;
  note?: string | null | undefined;
}

/**
 * "Why now", in words: the product's own phrasing, short and specific. Days are marked, not
 * written: each reader writes them in their locale (shared/format/dated-text.ts).
 */
export function reasonFor(purpose: Purpose, f: ReasonFacts): DatedText {
  const met = metPhrase(f.profile);
  switch (purpose) {
    case 'refresher':
      return dated`You met ${met ? nested(met) : 'recently'}. A short thank-you that names what you talked about, while it is fresh.`;
    case 'second':
      return f.previousDay
        ? dated`No reply to your message of ${day(f.previousDay)}. A brief second note that acknowledges the first.`
        : dated`No reply to your message. A brief second note that acknowledges the first.`;
    case 'confirmation':
      return dated`Meeting ${f.meetingAt ? instant(f.meetingAt) : 'soon'}. Confirm the day before: time, place, and that you look forward to it.`;
    case 'thank_you':
      return dated`They helped you${f.note ? `: ${f.note}` : ''}. Say thank you within a day, and say what it changed.`;
    case 'check_in': {
      const every = dated`Keep in touch every ${f.cadenceDays ?? '?'} days`;
      return f.lastInTouchDay
        ? dated`${nested(every)}; last in touch on ${day(f.lastInTouchDay)}.`
        : dated`${nested(every)}.`;
    }
    case 'reengage':
      return dated`You met ${met ? nested(met) : 'a while ago'} and never followed up. It is never too late: mention where you met and why you are writing now.`;
    case 'long_term':
      return f.endedDay
        ? dated`Your last follow-ups went unanswered (cycle ended ${day(f.endedDay)}). A gentle check-in, no pressure.`
        : dated`Your last follow-ups went unanswered. A gentle check-in, no pressure.`;
    case 'promise_mine':
      return dated`You promised: ${f.promiseText ?? ''}${due(f.promiseDue)}.`;
    case 'promise_theirs':
      return dated`They promised: ${f.promiseText ?? ''}${due(f.promiseDue)}. A polite nudge.`;
    case 'manual':
      return dated`${f.note ?? 'A follow-up you scheduled.'}`;
  }
}

/** "at Web Summit on 8 Oct", "at Web Summit", "on 8 Oct", or null when nothing is known. */
function metPhrase(profile: FollowUpProfile): DatedText | null {
  const { metWhere, metOn } = profile;
  if (metWhere && metOn) return dated`at ${metWhere} on ${day(metOn)}`;
  if (metWhere) return dated`at ${metWhere}`;
  if (metOn) return dated`on ${day(metOn)}`;
  return null;
}

const due = (promiseDue: string | undefined): DatedPiece | string =>
  promiseDue ? nested(dated` (due ${day(promiseDue)})`) : '';

/** "What to mention": the discussed topic and the agreed next step make a message personal. */
export function contextFor(profile: FollowUpProfile, extra?: string | null): string | null {
  const parts = [
    extra,
    profile.discussed ? `Discussed: ${profile.discussed}` : null,
    profile.nextStep ? `Next step: ${profile.nextStep}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}
