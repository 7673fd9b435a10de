import { CHANNEL_LABELS } from '../../../shared/domain/channels.ts';
import type { Contact } from '../../../shared/domain/contact.ts';
import { MERGE_FIELDS, type MergeField } from '../../../shared/domain/import-formats.ts';
import { PACING_LABELS } from '../followups/purposes.ts';
import { formatDay } from '../format/dates.ts';

export const MERGE_FIELD_LABELS: Record<MergeField, string> = {
  displayName: 'Name',
  firstName: 'First name',
  lastName: 'Last name',
  company: 'Company',
  title: 'Title',
  location: 'Location',
  timeZone: 'Time zone',
  notes: 'Notes',
  metOn: 'Met on',
  metWhere: 'Where met',
  howMet: 'How you met',
  discussed: 'Discussed',
  interests: 'Interests',
  nextStep: 'Next step',
  preferredChannel: 'Preferred channel',
  pacing: 'Follow-up pace',
  cadenceDays: 'Keep-in-touch cadence',
};

/** A field as the merge view shows it; null when the contact has nothing there. */
export function fieldText(contact: Contact, field: MergeField): string | null {
  const value = contact[field];
  if (value === null || value === '') return null;
  switch (field) {
    case 'metOn':
      return formatDay(String(value));
    case 'preferredChannel':
      return contact.preferredChannel ? CHANNEL_LABELS[contact.preferredChannel] : null;
    case 'pacing':
      return contact.pacing ? PACING_LABELS[contact.pacing] : null;
    case 'cadenceDays':
      return `Every ${value} days`;
    default:
      return String(value);
  }
}

/** How a field comes out of a merge: a choice, or settled by who has a value. */
export type FieldOutcome = 'choice' | 'same' | 'keep' | 'fill';

export interface MergePlan {
  /** Every field at least one of them fills, in the form's order. */
  rows: { field: MergeField; outcome: FieldOutcome }[];
  /** Both contacts have a value and they differ: the user picks one. */
  choices: MergeField[];
  /** Only the merged contact has a value: it fills the kept contact's gap. */
  filled: MergeField[];
}

export function planMerge(keep: Contact, merge: Contact): MergePlan {
  const rows: MergePlan['rows'] = [];
  for (const field of MERGE_FIELDS) {
    const a = fieldText(keep, field);
    const b = fieldText(merge, field);
    if (a === null && b === null) continue;
    const outcome: FieldOutcome = a === b ? 'same' : b === null ? 'keep' : a === null ? 'fill' : 'choice';
    rows.push({ field, outcome });
  }
  return {
    rows,
    choices: rows.filter((r) => r.outcome === 'choice').map((r) => r.field),
    filled: rows.filter((r) => r.outcome === 'fill').map((r) => r.field),
  };
}

/** Both lists as one, in order, without repeats (compared case-insensitively). */
export function unite(a: readonly string[], b: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of [...a, ...b]) {
    const key = value.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}
