import type { FollowUp } from '../../shared/domain/followup.ts';
import { dated, day } from '../../shared/format/dated-text.ts';
import type { UndoSubject } from './undo-service.ts';
import { purposeWords } from './undo-words.ts';

const VERBS = { done: 'Done', skip: 'Skipped', snooze: 'Snoozed', reschedule: 'Moved' } as const;

/** A quick action on one step, in words: "Done: refresher for Ada Lovelace". */
export function stepSubject(kind: keyof typeof VERBS, step: FollowUp): UndoSubject {
  const what = `${VERBS[kind]}: ${purposeWords(step.purpose)} for ${step.contactName}`;
  return {
    kind,
    summary: kind === 'reschedule' ? dated`${what} to ${day(step.dueOn)}` : dated`${what}`,
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
      ? dated`Marked ${one} reviewed`
      : dated`Marked ${ids.length.toLocaleString('en-US')} contacts reviewed`,
    contactId: ids.length === 1 ? (ids[0] ?? null) : null,
    followUpId: null,
  };
}

const steps = (n: number) => `${n.toLocaleString('en-US')} follow-up${n === 1 ? '' : 's'}`;

/** A bulk skip or end: "Skipped 7 follow-ups in bulk". Many people at once, so no one contact. */
export function bulkSubject(action: 'skip' | 'end', closed: number): UndoSubject {
  return {
    kind: 'skip',
    summary: dated`${action === 'skip' ? 'Skipped' : 'Ended'} ${steps(closed)} in bulk`,
    contactId: null,
    followUpId: null,
  };
}

/** A catch-up: "Spread 48 follow-ups over the coming days". */
export function catchUpSubject(moved: number): UndoSubject {
  return {
    kind: 'reschedule',
    summary: dated`Spread ${steps(moved)} over the coming days`,
    contactId: null,
    followUpId: null,
  };
}
