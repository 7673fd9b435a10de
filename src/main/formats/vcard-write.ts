// Contacts as vCard 3.0 (RFC 2426): the version Android, iOS and CardDAV servers all handle
// (4.0 support on phones is poor).
//
// Written by hand rather than with ical.js's vcard3 design set + stringify, for three reasons
// found in ical.js 2.2 (node_modules/ical.js/lib/ical):
// - helpers.js `foldline` counts 75 octets of *content* per line and then prepends the space, so
//   every continuation line is 76 octets (it does count UTF-8 octets and keeps surrogate pairs
//   whole; the length is the fault);
// - design.js applies vCard 4.0's text rules to 3.0: `;` is left unescaped in FN, NOTE and
//   CATEGORIES, which RFC 2426 §4's text-value grammar forbids, and a one-part ORG "Acme; Inc"
//   is written `ORG:Acme; Inc`, two org units to any reader;
// - building ICAL.Component objects is slow: 50,000 minimal cards (FN, N, one e-mail, a short
//   note) took 0.63 s, against a budget of well under 1 s for full cards.
// The tests parse every card back with ICAL.parse and have khard and Radicale read them.
import type { Contact } from '../../shared/domain/contact.ts';
import { contactNote, nameParts } from './export-fields.ts';
import { foldLine } from './fold.ts';

/** Same domain as the calendar export's UIDs (followup-<id>@…): stable, so re-exports update. */
const UID_DOMAIN = 'followthrough.app';
const PRODID = '-//Followthrough//Followthrough//EN';
const CRLF = '\r\n';

/** A contact's vCard UID: derived from its id, so CardDAV servers and phones see the same card. */
export function contactUid(contactId: number): string {
  return `contact-${contactId}@${UID_DOMAIN}`;
}

const OWN_UID = new RegExp(`^contact-([1-9]\\d{0,14})@${UID_DOMAIN.replaceAll('.', '\\.')}$`);

/**
 * The contact id in a UID this writer made, null for anyone else's. Ids restart at 1 in every
 * database, so the id names a contact of the database that exported the card, not necessarily
 * of this one: the import checks the name too (imports/plan.ts).
 */
export function contactIdFromUid(uid: string | null): number | null {
  const id = uid ? OWN_UID.exec(uid)?.[1] : undefined;
  return id === undefined ? null : Number(id);
}

/** Cards back to back, as .vcf files hold them. */
export function contactsToVcards(contacts: Iterable<Contact>): string {
  // Joining small per-card strings measured faster than one join over every line of the file.
  const cards: string[] = [];
  for (const contact of contacts) cards.push(contactToVcard(contact));
  return cards.join('');
}

/** One BEGIN:VCARD … END:VCARD block, CRLF line ends, folded at 75 octets. */
export function contactToVcard(contact: Contact): string {
  const { first, last } = nameParts(contact);
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `PRODID:${PRODID}`,
    `UID:${contactUid(contact.id)}`,
    `FN:${escapeText(contact.displayName)}`,
    // N: family; given; additional; prefixes; suffixes (required in 3.0).
    `N:${escapeText(last)};${escapeText(first)};;;`,
  ];
  if (contact.company) lines.push(`ORG:${escapeText(contact.company)}`);
  if (contact.title) lines.push(`TITLE:${escapeText(contact.title)}`);
  const item = { next: 1 };
  for (const [i, email] of contact.emails.entries()) {
    const typing = typed(['INTERNET'], EMAIL_TYPES, email.label, i === 0 && contact.emails.length > 1);
    pushLabelled(lines, item, 'EMAIL', typing, escapeText(email.value));
  }
  for (const [i, phone] of contact.phones.entries()) {
    const typing = typed([], PHONE_TYPES, phone.label, i === 0 && contact.phones.length > 1);
    pushLabelled(lines, item, 'TEL', typing, escapeText(phone.value));
  }
  // The location is free text, most often a city: it goes in ADR's locality part
  // (post-office box; extended; street; locality; region; postal code; country). The time zone
  // is not exported: 3.0's TZ holds a UTC offset, which would be wrong half the year.
  if (contact.location) lines.push(`ADR:;;;${escapeText(contact.location)};;;`);
  // URL is a uri value in 3.0 (not text): written as is, never backslash-escaped.
  for (const link of contact.links)
    pushLabelled(lines, item, 'URL', { types: [], freeLabel: link.label }, link.url);
  if (contact.tags.length) lines.push(`CATEGORIES:${contact.tags.map(escapeText).join(',')}`);
  const note = contactNote(contact);
  if (note) lines.push(`NOTE:${escapeText(note)}`);
  const rev = revision(contact.updatedAt);
  if (rev) lines.push(`REV:${rev}`);
  lines.push('END:VCARD');
  for (let i = 0; i < lines.length; i++) lines[i] = foldLine(lines[i] as string);
  lines.push(''); // the last CRLF, inside the join: one flat string, cheap to join again
  return lines.join(CRLF);
}

/**
 * RFC 2426 §4 text-value: escape `\` `;` `,` and line breaks (as `\n`). Other control characters
 * are not allowed in a value and have no meaning in a contact, so they are dropped.
 */
export function escapeText(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(ESCAPED, (match) => {
    if (match === '\\') return '\\\\';
    if (match === ';') return '\\;';
    if (match === ',') return '\\,';
    if (match === '\r\n' || match === '\r' || match === '\n') return '\\n';
    return '';
  });
}
// Tab is allowed (WSP), the rest of C0 and DEL are not.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const ESCAPED = /[\\;,]|\r\n?|\n|[\u0000-\u0008\u000b-\u001f\u007f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const NEEDS_ESCAPE = /[\\;,\u0000-\u0008\u000a-\u001f\u007f]/;

/** Labels that vCard 3.0 has TYPE values for; any other label is kept verbatim in X-ABLabel. */
export const EMAIL_TYPES = new Map([
  ['home', ['HOME']],
  ['work', ['WORK']],
]);
export const PHONE_TYPES = new Map([
  ['mobile', ['CELL']],
  ['cell', ['CELL']],
  ['home', ['HOME']],
  ['work', ['WORK']],
  ['fax', ['FAX']],
  ['home fax', ['HOME', 'FAX']],
  ['work fax', ['WORK', 'FAX']],
  ['pager', ['PAGER']],
]);

export interface Typed {
  /** TYPE values; the label, when none covers it, goes to X-ABLabel. */
  types: string[];
  freeLabel: string | null;
}

/** PREF marks the first of several entries: the primary one on phones and in Google/iCloud. */
export function typed(
  base: string[],
  known: ReadonlyMap<string, string[]>,
  label: string | null,
  preferred: boolean,
): Typed {
  // A Map, not an object literal: a label such as 'constructor' must not find a prototype member.
  const mapped = label ? known.get(label.trim().toLowerCase()) : undefined;
  const types = [...base, ...(mapped ?? []), ...(preferred ? ['PREF'] : [])];
  return { types, freeLabel: label && !mapped ? label : null };
}

/**
 * A property with its TYPE list and, for a free-text label, Apple's and Google's grouping:
 * `itemN.EMAIL…` followed by `itemN.X-ABLabel:<label>` (the label lives in a value, so any text
 * survives without parameter quoting rules).
 */
export function pushLabelled(
  lines: string[],
  item: { next: number },
  name: 'EMAIL' | 'TEL' | 'URL',
  { types, freeLabel }: Typed,
  value: string,
): void {
  const params = types.length ? `;TYPE=${types.join(',')}` : '';
  if (!freeLabel) {
    lines.push(`${name}${params}:${value}`);
    return;
  }
  const group = `item${item.next++}`;
  lines.push(`${group}.${name}${params}:${value}`, `${group}.X-ABLabel:${escapeText(freeLabel)}`);
}

/** REV as an RFC 2426 date-time in UTC (`2026-11-16T10:00:00Z`); null when unparsable. */
export function revision(updatedAt: string): string | null {
  // The store writes UTC ISO instants: cut the milliseconds off without a Date round trip.
  if (STORED_INSTANT.test(updatedAt)) return `${updatedAt.slice(0, 19)}Z`;
  const time = Date.parse(updatedAt);
  return Number.isNaN(time) ? null : `${new Date(time).toISOString().slice(0, 19)}Z`;
}
const STORED_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
