import type { Contact, ContactDraftParsed, ContactPatchParsed } from '../../shared/domain/contact.ts';
import { contactNote } from '../formats/export-fields.ts';
import { linkedinKey } from './identity.ts';

// Not metOn: for someone already known, a file's date (LinkedIn's "Connected On") is not when
// the user met them, and setting it would raise an old "met, not followed up" nudge in Today.
const FILLABLE = ['firstName', 'lastName', 'company', 'title', 'location', 'notes'] as const;

/**
 * What an imported row adds to someone already known: values they do not have yet, never a
 * replacement of what the user wrote. Returns null when the row brings nothing new. `describe`
 * lists the additions for the preview ("1 e-mail", "2 tags").
 */
export function fillIn(
  existing: Contact,
  draft: ContactDraftParsed,
): { patch: ContactPatchParsed; adds: string[] } | null {
  const united = uniteLists(existing, draft);
  const patch: ContactPatchParsed = united.patch;
  const adds = united.adds;
  for (const field of FILLABLE) {
    const value = draft[field];
    if (field === 'notes' && value && isExportedNote(existing, value)) continue;
    if (value && !existing[field]) {
      patch[field] = value;
      adds.push(field.replace(/[A-Z]/, (c) => ` ${c.toLowerCase()}`));
    }
  }
  return adds.length ? { patch, adds } : null;
}

/**
 * The e-mails, phones, links and tags `incoming` has and `existing` lacks, appended to
 * existing's (an import adding to someone known, a merge uniting two contacts).
 */
export function uniteLists(
  existing: Pick<Contact, 'emails' | 'phones' | 'links' | 'tags'>,
  incoming: Pick<ContactDraftParsed, 'emails' | 'phones' | 'links' | 'tags'>,
): { patch: Pick<ContactPatchParsed, 'emails' | 'phones' | 'links' | 'tags'>; adds: string[] } {
  const patch: ContactPatchParsed = {};
  const adds: string[] = [];
  const emails = incoming.emails.filter((e) => !existing.emails.some((x) => x.value === e.value));
  if (emails.length) {
    patch.emails = [...existing.emails, ...emails].slice(0, 20);
    adds.push(plural(emails.length, 'e-mail'));
  }
  const digits = (v: string) => v.replace(/\D/g, '');
  const phones = incoming.phones.filter(
    (p) => !existing.phones.some((x) => digits(x.value) === digits(p.value)),
  );
  if (phones.length) {
    patch.phones = [...existing.phones, ...phones].slice(0, 20);
    adds.push(plural(phones.length, 'phone'));
  }
  const linkKey = (url: string) => linkedinKey(url) ?? url.replace(/\/+$/, '').toLowerCase();
  const links = incoming.links.filter((l) => !existing.links.some((x) => linkKey(x.url) === linkKey(l.url)));
  if (links.length) {
    patch.links = [...existing.links, ...links].slice(0, 20);
    adds.push(plural(links.length, 'link'));
  }
  const tags = incoming.tags.filter((t) => !existing.tags.some((x) => x.toLowerCase() === t.toLowerCase()));
  if (tags.length) {
    patch.tags = [...existing.tags, ...tags].slice(0, 50);
    adds.push(plural(tags.length, 'tag'));
  }
  return { patch, adds };
}

/**
 * The note this app's own export writes for the contact: its follow-up context ("Met: …",
 * "Next step: …") as text, since vCard and CSV have no fields for it (export-fields.ts).
 * Re-importing that export must not copy the context into the notes of someone without notes.
 */
function isExportedNote(existing: Contact, note: string): boolean {
  const exported = contactNote(existing);
  const same = (s: string) => s.replace(/\r\n?/g, '\n').trim();
  return exported !== null && same(exported) === same(note);
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
