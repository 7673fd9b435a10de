// How the fields of a contact that export formats have no slot for are carried over, shared by
// the vCard and Google CSV writers so both files say the same thing.
import type { Contact } from '../../shared/domain/contact.ts';

/**
 * The text exported as a contact's note (vCard NOTE, Google CSV "Notes"): the user's notes, then
 * the follow-up context as labelled lines. Neither format has fields for how and where someone was
 * met, what was discussed or the next step, and every contacts app shows the note, so this is
 * where that context survives the trip to a phone. Null when there is nothing to say.
 */
export function contactNote(contact: Contact): string | null {
  const place = contact.metEventName ?? contact.metWhere;
  const met = contact.metOn && place ? `${contact.metOn} at ${place}` : (contact.metOn ?? place);
  let context = '';
  const add = (label: string, value: string | null) => {
    if (value) context += `${context ? '\n' : ''}${label}: ${value}`;
  };
  add('Met', met);
  add('How we met', contact.howMet);
  add('Discussed', contact.discussed);
  add('Interests', contact.interests);
  add('Next step', contact.nextStep);
  if (contact.notes && context) return `${contact.notes}\n\n${context}`;
  return contact.notes || context || null;
}

/**
 * Given and family name for formats that build the displayed name from them (vCard N, Google's
 * First/Last Name). With neither recorded, the display name goes in as the given name: empty name
 * parts make Google import a nameless contact, and a guessed split would misplace
 * family-name-first names.
 */
export function nameParts(contact: Contact): { first: string; last: string } {
  if (!contact.firstName && !contact.lastName) return { first: contact.displayName, last: '' };
  return { first: contact.firstName ?? '', last: contact.lastName ?? '' };
}
