import type { Contact, ContactDraftParsed, ContactPatchParsed } from '../../shared/domain/contact.ts';
import { phoneDigits } from '../contacts/phone-keys.ts';
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

/** The contract's caps on a contact's lists (src/shared/domain/contact.ts). */
const MAX_ENTRIES = 20;
const MAX_TAGS = 50;

/**
 * The e-mails, phones, links and tags `incoming` has and `existing` lacks, appended to
 * existing's (an import adding to someone known, a merge uniting two contacts), as many as the
 * caps leave room for. A full list gets no patch: rewriting it unchanged for every row that
 * merged into a contact listed hundreds of times made such imports quadratic.
 */
export function uniteLists(
  existing: Pick<Contact, 'emails' | 'phones' | 'links' | 'tags'>,
  incoming: Pick<ContactDraftParsed, 'emails' | 'phones' | 'links' | 'tags'>,
): { patch: Pick<ContactPatchParsed, 'emails' | 'phones' | 'links' | 'tags'>; adds: string[] } {
  const patch: ContactPatchParsed = {};
  const adds: string[] = [];
  const room = (have: readonly unknown[], max: number) => Math.max(0, max - have.length);
  const emails = incoming.emails
    .filter((e) => !existing.emails.some((x) => x.value === e.value))
    .slice(0, room(existing.emails, MAX_ENTRIES));
  if (emails.length) {
    patch.emails = [...existing.emails, ...emails];
    adds.push(plural(emails.length, 'e-mail'));
  }
  const phones = incoming.phones
    .filter((p) => !existing.phones.some((x) => phoneDigits(x.value) === phoneDigits(p.value)))
    .slice(0, room(existing.phones, MAX_ENTRIES));
  if (phones.length) {
    patch.phones = [...existing.phones, ...phones];
    adds.push(plural(phones.length, 'phone'));
  }
  const linkKey = (url: string) => linkedinKey(url) ?? url.replace(/\/+$/, '').toLowerCase();
  const links = incoming.links
    .filter((l) => !existing.links.some((x) => linkKey(x.url) === linkKey(l.url)))
    .slice(0, room(existing.links, MAX_ENTRIES));
  if (links.length) {
    patch.links = [...existing.links, ...links];
    adds.push(plural(links.length, 'link'));
  }
  const tags = incoming.tags
    .filter((t) => !existing.tags.some((x) => x.toLowerCase() === t.toLowerCase()))
    .slice(0, room(existing.tags, MAX_TAGS));
  if (tags.length) {
    patch.tags = [...existing.tags, ...tags];
    adds.push(plural(tags.length, 'tag'));
  }
  return { patch, adds };
}

/**
 * What the rows of one import add to the contacts they merge into, gathered per contact and
 * written once at the end. Loading and rewriting (and re-indexing) a contact for every row that
 * merged into it cost each row more the more rows came before it (the contact's sources grow
 * with every row); a merge-heavy file took six times as long as one of distinct people.
 */
export class PendingFills {
  readonly #load: (id: number) => Contact | undefined;
  readonly #work = new Map<number, { current: Contact; patch: ContactPatchParsed }>();

  constructor(load: (id: number) => Contact | undefined) {
    this.#load = load;
  }

  /** Whether the row adds anything to the contact (as it stands after the rows before it). */
  add(target: number, draft: ContactDraftParsed): boolean {
    let work = this.#work.get(target);
    if (!work) {
      const current = this.#load(target);
      if (!current) return false;
      work = { current, patch: {} };
      this.#work.set(target, work);
    }
    const fill = fillIn(work.current, draft);
    if (!fill) return false;
    Object.assign(work.patch, fill.patch);
    work.current = { ...work.current, ...fill.patch } as Contact;
    return true;
  }

  /** Each contact that gained something, with everything it gained, in ascending id order. */
  patches(): [number, ContactPatchParsed][] {
    return [...this.#work]
      .filter(([, w]) => Object.keys(w.patch).length > 0)
      .map(([id, w]): [number, ContactPatchParsed] => [id, w.patch])
      .sort((a, b) => a[0] - b[0]);
  }
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
