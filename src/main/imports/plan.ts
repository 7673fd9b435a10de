import { hash } from 'node:crypto';
import type { CountryCode } from 'libphonenumber-js/min';
import type { ContactDraftParsed } from '../../shared/domain/contact.ts';
import type { ImportProblemItem, MatchReason } from '../../shared/domain/imports.ts';
import { toE164 } from '../contacts/phone-keys.ts';
import type { ImportedContact, ImportFormat, ParsedImport } from '../formats/record.ts';
import { contactIdFromUid } from '../formats/vcard-write.ts';
import type { Db } from '../store/database.ts';
import { knownFingerprints } from '../store/imports-store.ts';
import { toDraft } from './draft.ts';
import { companiesCompatible, companyKey, fuzzyKey, linkedinKey, nameKey, namesAgree } from './identity.ts';
import type { KnownContacts } from './known-contacts.ts';

/** Where a row's data goes: someone already known, or a contact created earlier in this file. */
export type Target = { existing: number } | { pending: number };

export interface PlannedRow {
  line: number;
  fingerprint: string;
  /** The draft (its displayName is the preview's name), packed: see packDraft; read with draftOf. */
  packed: string;
  /**
   * new: a contact to create. match: merged into `target` (this app's UID, e-mail, LinkedIn URL,
   * or a phone number under an agreeing name).
   * review: same name and company as `target`, or its phone number under another name (or none):
   * created, unless the user ticks it for merging.
   */
  kind: 'new' | 'match' | 'review';
  target: Target | undefined;
  reason: MatchReason | undefined;
  /** An organisation's card (its name is the company's): the name is not split into first and last. */
  organisation: boolean;
}

export interface ImportPlan {
  rows: PlannedRow[];
  /**
   * Rows an earlier import (or an earlier row of this file) already brought in exactly: counted,
   * not kept, since they write nothing (a file of one row repeated 600,000 times plans one row).
   */
  unchanged: number;
  problems: ImportProblemItem[];
  /** Lines refused (an error problem). */
  skipped: number;
}

export interface PlanOptions {
  fileName: string;
  region: CountryCode;
}

/** Records drafted and looked up in the database together. */
const BATCH = 1000;

export interface Planner {
  /** One record as the reader produced it, planned in batches while the file is still read. */
  add(record: ImportedContact, format: ImportFormat): void;
  /** The plan, once the reader is done (its problems first, then the rows' own). */
  finish(read: Pick<ParsedImport, 'problems' | 'rows'>): ImportPlan;
}

/**
 * Decides what each row of a file will do, without writing, as the records stream in: only a
 * batch of them is held, never the file's (bounded memory). Rows are matched against the
 * address book and against earlier rows of the same file (a file listing someone twice creates
 * one contact), by the same rules. Strong keys (this app's own vCard UID, e-mail, LinkedIn
 * profile) merge; a name alone never does, and neither does a phone number alone: offices share
 * a switchboard, families a landline, and test data a 555 number. A phone merges only when the
 * names agree too (see namesAgree); otherwise it is a possible match for the user to tick.
 */
export function createPlanner(db: Db, known: KnownContacts, options: PlanOptions): Planner {
  const problems: ImportProblemItem[] = [];
  const pending: Pending = {
    byEmail: new Map(),
    byPhone: new Map(),
    byLinkedin: new Map(),
    names: new Map(),
  };
  const rows: PlannedRow[] = [];
  let skipped = 0;
  let unchanged = 0;
  let added = 0;
  let format = '';
  let batch: ImportedContact[] = [];
  const usedFingerprints = new Set<string>();

  const flush = () => {
    const drafts = batch.map((record) => ({ record, ...toDraft(record, options.fileName) }));
    batch = [];
    const fingerprints = drafts.map(({ record }) => fingerprintOf(format, record));
    const seen = knownFingerprints(db, fingerprints);
    for (const [i, { record, draft, problems: rowProblems }] of drafts.entries()) {
      problems.push(...rowProblems);
      if (!draft) {
        // Records that identify nobody.
        skipped += 1;
        continue;
      }
      const fingerprint = fingerprints[i] ?? '';
      if (seen.has(fingerprint) || usedFingerprints.has(fingerprint)) {
        unchanged += 1;
        continue;
      }
      usedFingerprints.add(fingerprint);
      const keys = keysOf(draft, options.region);
      // The file's own name for the person; null when the row has none (the draft's name is then
      // its company, e-mail or phone, which says nothing about who the person is).
      const personName = record.displayName;
      const found = matchOf(record, draft, keys, personName, known, pending);
      // One shape for every row (no spread): V8 keeps them as small, alike objects.
      rows.push({
        line: record.line,
        fingerprint,
        packed: packDraft(draft),
        kind: found?.kind ?? 'new',
        target: found?.target,
        reason: found?.reason,
        organisation: isOrganisation(draft),
      });
      if (found?.kind !== 'match') {
        // A new contact (or one only possibly known) is what later rows of the file match against.
        const index = rows.length - 1;
        for (const k of keys.emails) if (!pending.byEmail.has(k)) pending.byEmail.set(k, index);
        for (const k of keys.linkedin) if (!pending.byLinkedin.has(k)) pending.byLinkedin.set(k, index);
        for (const k of keys.phones) {
          const list = pending.byPhone.get(k);
          if (!list) pending.byPhone.set(k, [index]);
          else if (list.length < MAX_PHONE_CANDIDATES && list.at(-1) !== index) list.push(index);
        }
        // Only phone matching reads these names, so only rows with a phone keep theirs.
        if (keys.phones.length > 0) pending.names.set(index, personName);
      }
    }
  };

  return {
    add(record, recordFormat) {
      format = recordFormat;
      added += 1;
      batch.push(record);
      if (batch.length >= BATCH) flush();
    },
    finish(read) {
      flush();
      // Rows the reader could not turn into a record (deleted LinkedIn members, broken cards).
      skipped += Math.max(0, read.rows - added);
      const fromReader = read.problems.map((p) => ({ ...p, file: options.fileName }));
      return { rows, unchanged, problems: [...fromReader, ...problems], skipped };
    },
  };
}

interface Keys {
  emails: string[];
  phones: string[];
  linkedin: string[];
}

function keysOf(draft: ContactDraftParsed, region: CountryCode): Keys {
  return {
    emails: draft.emails.map((e) => e.value),
    phones: draft.phones.flatMap((p) => toE164(p.value, region) ?? []),
    linkedin: draft.links.flatMap((l) => linkedinKey(l.url) ?? []),
  };
}

type Found = { kind: 'match' | 'review'; target: Target; reason: MatchReason };

/**
 * Strongest key first: this app's own card, e-mail, a phone under an agreeing name, LinkedIn.
 * Then the possible matches: same name and company (which says more about who this is than a
 * shared number does), then a phone under another name. Written out rather than as a table of
 * tiers: this runs once per row.
 */
function matchOf(
  record: ImportedContact,
  draft: ContactDraftParsed,
  keys: Keys,
  name: string | null,
  known: KnownContacts,
  pending: Pending,
): Found | null {
  const own = ownCardMatch(record, draft, known);
  if (own !== null) return { kind: 'match', target: { existing: own }, reason: 'uid' };
  const email = firstMatch('email', keys.emails, known.byEmail, pending.byEmail);
  if (email) return { kind: 'match', ...email };
  const phone = phoneMatch(keys.phones, name, known, pending);
  if (phone?.agrees) return { kind: 'match', target: phone.target, reason: 'phone' };
  const linkedin = firstMatch('linkedin', keys.linkedin, known.byLinkedin, pending.byLinkedin);
  if (linkedin) return { kind: 'match', ...linkedin };
  const fuzzy = fuzzyMatch(draft, known);
  if (fuzzy !== null) return { kind: 'review', target: { existing: fuzzy }, reason: 'name' };
  return phone ? { kind: 'review', target: phone.target, reason: 'phone' } : null;
}

/** Earlier rows of the file that will be contacts, by key, and the file's name for each. */
interface Pending {
  byEmail: Map<string, number>;
  byLinkedin: Map<string, number>;
  /** Several rows may share a number (that is the point): each is a candidate. */
  byPhone: Map<string, number[]>;
  names: Map<number, string | null>;
}

/**
 * People checked per shared number. A switchboard on thousands of cards would otherwise make
 * every further card compare its name with all of them; past this many, a card whose name
 * agrees with a later one is offered for review instead of merged, which is the safe side.
 */
const MAX_PHONE_CANDIDATES = 50;

/**
 * Someone with one of these phone numbers: the first whose name agrees with `name` (a strong
 * match), else the first at all (a possible match). A row without a name never agrees with
 * anyone: a card holding only a number and a company is as likely the company's switchboard as
 * the person already known by it, and its company or e-mail would land on that person.
 */
function phoneMatch(
  phones: readonly string[],
  name: string | null,
  known: KnownContacts,
  pending: Pending,
): { target: Target; agrees: boolean } | null {
  let weak: { target: Target; agrees: boolean } | null = null;
  for (const phone of phones) {
    for (const id of known.byPhone.get(phone)?.slice(0, MAX_PHONE_CANDIDATES) ?? []) {
      const agrees = name !== null && namesAgree(name, known.rows.get(id)?.displayName ?? '');
      if (agrees) return { target: { existing: id }, agrees };
      weak ??= { target: { existing: id }, agrees };
    }
    for (const index of pending.byPhone.get(phone) ?? []) {
      const other = pending.names.get(index) ?? null;
      const agrees = name !== null && other !== null && namesAgree(name, other);
      if (agrees) return { target: { pending: index }, agrees };
      weak ??= { target: { pending: index }, agrees };
    }
  }
  return weak;
}

function firstMatch(
  reason: MatchReason,
  values: readonly string[],
  existing: Map<string, number[]>,
  inFile: Map<string, number>,
): { target: Target; reason: MatchReason } | null {
  for (const value of values) {
    const id = existing.get(value)?.[0];
    if (id !== undefined) return { target: { existing: id }, reason };
    const index = inFile.get(value);
    if (index !== undefined) return { target: { pending: index }, reason };
  }
  return null;
}

/**
 * A card this app exported (UID contact-<id>@followthrough.app, see vcard-write.ts) of a contact
 * still in this address book: the surest match there is, and the only one for people with no
 * e-mail, phone or LinkedIn profile, who would otherwise come back as "possible match". The id
 * alone is not enough: ids restart at 1 in every database, so a card exported from another
 * install names someone else. The name must agree too (case, accents, word order aside); a
 * contact renamed since the export falls through to the other keys.
 */
function ownCardMatch(
  record: ImportedContact,
  draft: ContactDraftParsed,
  known: KnownContacts,
): number | null {
  const id = contactIdFromUid(record.uid);
  const row = id === null ? undefined : known.rows.get(id);
  if (!row) return null;
  const key = nameKey(draft.displayName);
  return key !== '' && key === nameKey(row.displayName) ? row.id : null;
}

/**
 * No first and last name, and the name is the company's: Apple's company cards
 * (X-ABShowAs:COMPANY), vCard 4.0 KIND:org, a CSV row with only "Organization Name".
 */
function isOrganisation(draft: ContactDraftParsed): boolean {
  if (draft.firstName || draft.lastName || !draft.company) return false;
  // Legal forms aside: FN "ACME" with ORG "ACME, Inc." is one organisation.
  const key = companyKey(draft.displayName);
  return key !== '' && key === companyKey(draft.company);
}

function fuzzyMatch(draft: ContactDraftParsed, known: KnownContacts): number | null {
  const key = fuzzyKey(draft.displayName);
  if (!key) return null;
  const company = companyKey(draft.company);
  return known.byName.get(key)?.find((c) => companiesCompatible(c.company, company))?.row.id ?? null;
}

/** The row's content without its position, so a re-exported file with new rows still matches. */
function fingerprintOf(format: string, r: ImportedContact): string {
  // Every field but the line, in a fixed order, as an array (no copy of the record, no keys);
  // the `satisfies` fails to compile when ImportedContact gains a field this leaves out.
  const content = {
    displayName: r.displayName,
    firstName: r.firstName,
    lastName: r.lastName,
    company: r.company,
    title: r.title,
    notes: r.notes,
    emails: r.emails,
    phones: r.phones,
    links: r.links,
    tags: r.tags,
    metOn: r.metOn,
    location: r.location,
    uid: r.uid,
  } satisfies Record<Exclude<keyof ImportedContact, 'line'>, unknown>;
  // One-shot hash: a third of the cost of a Hash object per row on 50,000 rows.
  return hash('sha1', `${format}\0${JSON.stringify(Object.values(content))}`, 'base64url');
}

/** toDraft's text fields, in the packed order (then e-mails, phones, links, tags; see draftOf). */
const PACKED_TEXT = [
  'displayName',
  'firstName',
  'lastName',
  'company',
  'title',
  'location',
  'notes',
  'metOn',
] as const satisfies readonly (keyof ContactDraftParsed)[];

type Entry = { value: string; label?: string | null } | { url: string; label?: string | null };
/** An entry without a label is its bare value; with one, [value, label]. */
type PackedEntry = string | [string, string];

/**
 * A planned row's draft as one JSON string of its values in a fixed order, entries as bare
 * values when unlabelled, trailing empty fields left out. A preview holds every row until the
 * commit, and as objects (the draft, its arrays, entry objects, a dozen small strings) a row
 * cost ~750 B: 886 MB peak for 560,000 LinkedIn rows (57 MB, 15x). One flat string is ~200 B
 * for such a row; the whole row now ~500 B (690 MB peak), the rest being its fingerprint and
 * the in-file match keys.
 */
export function packDraft(draft: ContactDraftParsed): string {
  const entries = (list: readonly Entry[]): PackedEntry[] =>
    list.map((e) => {
      const value = 'url' in e ? e.url : e.value;
      return e.label === null || e.label === undefined ? value : [value, e.label];
    });
  const values: unknown[] = [
    ...PACKED_TEXT.map((field) => draft[field] ?? null),
    entries(draft.emails),
    entries(draft.phones),
    entries(draft.links),
    draft.tags,
  ];
  while (values.length > 1 && isEmpty(values.at(-1))) values.pop();
  return JSON.stringify(values);
}

function isEmpty(value: unknown): boolean {
  return value === null || (Array.isArray(value) && value.length === 0);
}

/** The row's draft, unpacked with fresh arrays and objects (callers may change them). */
export function draftOf(row: Pick<PlannedRow, 'packed'>): ContactDraftParsed {
  const values = JSON.parse(row.packed) as unknown[];
  const text = (i: number) => (values[i] ?? null) as string | null;
  const list = (i: number) => (values[PACKED_TEXT.length + i] ?? []) as PackedEntry[];
  const label = (e: PackedEntry) => (typeof e === 'string' ? null : e[1]);
  const value = (e: PackedEntry) => (typeof e === 'string' ? e : e[0]);
  return {
    displayName: text(0) ?? '',
    firstName: text(1),
    lastName: text(2),
    company: text(3),
    title: text(4),
    location: text(5),
    notes: text(6),
    metOn: text(7),
    emails: list(0).map((e) => ({ value: value(e), label: label(e) })),
    phones: list(1).map((e) => ({ value: value(e), label: label(e) })),
    links: list(2).map((e) => ({ url: value(e), label: label(e) })),
    tags: list(3) as string[],
  };
}
