import type { Contact } from '../../../shared/domain/contact.ts';
import { readVcard } from '../../formats/vcard.ts';
import { unescapeText } from '../../formats/vcard-text.ts';
import { type CardLines, parseCardLines, rawValue } from './card-lines.ts';

/**
 * The part of a contact that travels in its vCard, in the shape both sides are compared in.
 * Everything else (pacing, urgency, the met-at event, history) stays on this computer.
 */
export interface SyncedFields {
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  title: string | null;
  location: string | null;
  notes: string | null;
  emails: SyncedEntry[];
  phones: SyncedEntry[];
  links: SyncedEntry[];
  tags: string[];
  // The app's own fields: no vCard property has their meaning, so they travel as X- properties.
  metOn: string | null;
  metWhere: string | null;
  howMet: string | null;
  discussed: string | null;
  interests: string | null;
  nextStep: string | null;
  nextStepDueOn: string | null;
}

/** An e-mail, phone or link (its URL in `value`) with its label. */
export interface SyncedEntry {
  value: string;
  label: string | null;
}

export const LIST_FIELDS = ['emails', 'phones', 'links', 'tags'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

/** The app's fields and their properties, written and read in this order. */
export const APP_PROPERTIES = new Map([
  ['metOn', 'X-FOLLOWTHROUGH-MET-ON'],
  ['metWhere', 'X-FOLLOWTHROUGH-MET-WHERE'],
  ['howMet', 'X-FOLLOWTHROUGH-HOW-MET'],
  ['discussed', 'X-FOLLOWTHROUGH-DISCUSSED'],
  ['interests', 'X-FOLLOWTHROUGH-INTERESTS'],
  ['nextStep', 'X-FOLLOWTHROUGH-NEXT-STEP'],
  ['nextStepDueOn', 'X-FOLLOWTHROUGH-NEXT-STEP-DUE'],
] as const);
export type AppField = typeof APP_PROPERTIES extends Map<infer K, unknown> ? K : never;
export const APP_FIELDS = [...APP_PROPERTIES.keys()];

/**
 * Written on every card this app PUTs, so a card that comes back without it (and without the
 * X-FOLLOWTHROUGH- fields) is known to have been rewritten by a client that drops properties it
 * does not know. Without the marker, "no X-FOLLOWTHROUGH-DISCUSSED" would read as "the user
 * cleared what was discussed" and the next sync would erase it here.
 */
export const APP_MARKER = 'X-FOLLOWTHROUGH-VERSION';
export const APP_MARKER_VALUE = '1';

export const SCALAR_FIELDS = [
  'displayName',
  'firstName',
  'lastName',
  'company',
  'title',
  'location',
  'notes',
  ...APP_FIELDS,
] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];
export type SyncedField = ScalarField | ListField;

/** What a server card says. `appFields` is null when the card carries none of them (see APP_MARKER). */
export interface CardFields {
  uid: string | null;
  fields: SyncedFields;
  /** False when the card was last written by a client that dropped the app's X- properties. */
  appFieldsKept: boolean;
}

const DAY = /^\d{4}-\d\d-\d\d$/;

/** A server card's fields, read by the import's own vCard reader plus the app's properties. */
export function readCardFields(text: string): CardFields {
  const read = readVcard(text);
  const record = read.records[0];
  const lines = parseCardLines(text);
  const app = readAppProperties(lines);
  const fields: SyncedFields = {
    displayName: record?.displayName ?? record?.company ?? record?.emails[0]?.value ?? '',
    firstName: record?.firstName ?? null,
    lastName: record?.lastName ?? null,
    company: record?.company ?? null,
    title: record?.title ?? null,
    location: record?.location ?? null,
    notes: record?.notes ?? null,
    emails: record?.emails ?? [],
    phones: record?.phones ?? [],
    links: (record?.links ?? []).map((l) => ({ value: l.url, label: l.label })),
    tags: tagSet(record?.tags ?? []),
    ...emptyAppFields(),
    ...app.values,
  };
  return { uid: record?.uid ?? null, fields, appFieldsKept: app.kept };
}

export function emptyAppFields(): Pick<SyncedFields, AppField> {
  return {
    metOn: null,
    metWhere: null,
    howMet: null,
    discussed: null,
    interests: null,
    nextStep: null,
    nextStepDueOn: null,
  };
}

function readAppProperties(lines: CardLines): { values: Partial<SyncedFields>; kept: boolean } {
  const byName = new Map<string, AppField>([...APP_PROPERTIES].map(([field, name]) => [name, field]));
  const values: Partial<Record<AppField, string | null>> = {};
  let kept = false;
  for (const line of lines.lines) {
    if (line.name === APP_MARKER) kept = true;
    const field = byName.get(line.name);
    if (!field) continue;
    kept = true;
    const value = unescapeText(rawValue(line)).trim();
    // A date another client mangled is not a date: dropped rather than stored as one.
    if ((field === 'metOn' || field === 'nextStepDueOn') && !DAY.test(value)) continue;
    values[field] = value === '' ? null : value;
  }
  return { values, kept };
}

/** A contact's synced fields, as this app holds them. */
export function contactFields(contact: Contact): SyncedFields {
  return {
    displayName: contact.displayName,
    firstName: contact.firstName,
    lastName: contact.lastName,
    company: contact.company,
    title: contact.title,
    location: contact.location,
    notes: contact.notes,
    emails: contact.emails.map((e) => ({ value: e.value, label: e.label })),
    phones: contact.phones.map((p) => ({ value: p.value, label: p.label })),
    links: contact.links.map((l) => ({ value: l.url, label: l.label })),
    tags: tagSet(contact.tags),
    metOn: contact.metOn,
    metWhere: contact.metWhere,
    howMet: contact.howMet,
    discussed: contact.discussed,
    interests: contact.interests,
    nextStep: contact.nextStep,
    nextStepDueOn: contact.nextStepDueOn,
  };
}

/**
 * Tags are a set here (contact_tags has no order) and in vCard CATEGORIES by use: kept in one
 * order (code points, case aside) so an order a phone or the store chose never reads as an edit.
 */
export function tagSet(tags: readonly string[]): string[] {
  const key = (t: string) => t.toLowerCase();
  return [...tags].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a < b ? -1 : a > b ? 1 : 0));
}
