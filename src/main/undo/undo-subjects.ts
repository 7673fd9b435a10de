import type { FollowUp } from '../../shared/domain/followup.ts';
import { shortDay } from '../time/local-day.ts';
import type { UndoSubject } from './undo-service.ts';
import { purposeWords } from './undo-words.ts';

const VERBS = { done: 'Done', skip: 'Skipped', snooze: 'Snoozed', reschedule: 'Moved' } as const;

/** A quick action on one step, in words: "Done: refresher for Ada Lovelace". */
export function stepSubject(kind: keyof typeof VERBS, step: FollowUp): UndoSubject {
  const what = `${purposeWords(step.purpose)} for ${step.contactName}`;
  return {
    kind,
    summary: `${VERBS[kind]}: ${what}${kind === 'reschedule' ? ` to ${shortDay(step.dueOn)}` : ''}`,
    contactId: step.contactId,
    followUpId: step.id,
  };
}

/** Mark reviewed, for one person or many. */
export function reviewedSubject(ids: readonly number[], nameOfOne: () => string | undefined): UndoSubject {
  const one = ids.length === 1 ? nameOfOne() : undefined;
  return {
    kind: 'mark_reviewed',
    summary: one
      ? `Marked ${one} reviewed`
      : `Marked ${ids.length.toLocaleString('en-US')} contacts reviewed`,
    contactId: ids.length === 1 ? (ids[0] ?? null) : null,
    followUpId: null,
  };
}
