import type { Purpose, StepStatus } from '../../shared/domain/followup.ts';
import { type DatedText, dated, day, nested } from '../../shared/format/dated-text.ts';
import type { Row } from '../store/row-snapshot.ts';
import type { JournaledTable, RowChange } from '../store/undo-store.ts';

/** Steps as the user knows them, lower-case for the middle of a sentence. */
const PURPOSE_WORDS: ReadonlyMap<Purpose, string> = new Map<Purpose, string>([
  ['refresher', 'refresher'],
  ['second', 'nudge'],
  ['confirmation', 'meeting confirmation'],
  ['thank_you', 'thank-you'],
  ['check_in', 'check-in'],
  ['reengage', 'reconnect'],
  ['long_term', 'gentle check-in'],
  ['promise_mine', 'promise reminder'],
  ['promise_theirs', 'promise nudge'],
  ['manual', 'follow-up'],
]);

export const purposeWords = (purpose: string): string => PURPOSE_WORDS.get(purpose as Purpose) ?? 'follow-up';

const STATUS_WORDS: ReadonlyMap<StepStatus, string> = new Map<StepStatus, string>([
  ['pending', 'open again'],
  ['snoozed', 'snoozed'],
  ['done', 'done'],
  ['skipped', 'skipped'],
  ['cancelled', 'cancelled'],
]);

/** One row the action wrote that is no longer as the action left it. */
export interface Conflict {
  change: RowChange;
  /** The row now (null: it is gone). */
  now: Row | null;
}

/**
 * Why an undo is refused, in words: what changed since, named as the user knows it ("the next
 * step, the nudge for Ada Lovelace due 17 Mar, is already done").
 */
export function conflictWords(conflict: Conflict, nameOf: (contactId: number) => string): DatedText {
  const { change, now } = conflict;
  const image = { ...(change.before ?? {}), ...(change.after ?? {}), ...(now ?? {}) };
  const name = nameOf(Number(change.table === 'contacts' ? change.id : image.contact_id));
  const created = change.before === null;
  const gone = now === null;
  const back = change.after === null;
  const wording: Record<JournaledTable, () => DatedText> = {
    followups: () => {
      const step = nested(
        dated`the ${purposeWords(String(image.purpose))} for ${name} due ${day(String(image.due_on))}`,
      );
      const subject = created ? nested(dated`the next step, ${step},`) : step;
      if (gone) return dated`${subject} no longer exists`;
      if (back) return dated`${step} exists again`;
      if (now.status !== change.after?.status) {
        const status = STATUS_WORDS.get(now.status as StepStatus) ?? String(now.status);
        return dated`${subject} is ${created ? 'already' : 'now'} ${status}`;
      }
      return dated`${subject} was ${now.due_on !== change.after?.due_on ? 'moved' : 'changed'} since`;
    },
    interactions: () =>
      gone
        ? dated`the interaction it logged for ${name} was deleted since`
        : dated`the interaction ${created ? 'it logged ' : ''}for ${name} was edited since`,
    cycles: () => dated`${name}’s follow-up plan has moved on since`,
    promises: () =>
      gone
        ? dated`the promise “${String(image.text)}” was deleted since`
        : dated`the promise “${String(image.text)}” is now ${String(now.status)}`,
    contacts: () => (gone ? dated`${name} was deleted since` : dated`${name} was changed since`),
  };
  return wording[change.table]();
}
