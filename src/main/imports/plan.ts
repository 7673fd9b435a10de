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
import { PlannedRows, type Target } from './planned-rows.ts';
import { RowIndex, stringHash } from './row-index.ts';

export interface ImportPlan {
  rows: PlannedRows;
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

/**
 * Records drafted and looked up in the database together. Few: records waiting for their batch
 * outlive young-generation collections, and V8 grows its young generation as such survivors pile
 * up. With 1,000, a preview's young generation reached 2 x 64 MB, the largest part of its peak
 * (330 MB for 60 MB of one repeated row; 160 MB with 100, the query per batch costing no more).
 */
const BATCH = 100;

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
  const rows = new PlannedRows();
  const pending: Pending = {
    // Keyed by the row's e-mail or LinkedIn entry (`part`), read back from its stored draft.
    byEmail: new RowIndex(stringHash, (row, part) => rows.draft(row).emails[part]?.value),
    byLinkedin: new RowIndex(stringHash, (row, part) => {
      const link = rows.draft(row).links[part];
      return link ? (linkedinKey(link.url) ?? undefined) : undefined;
    }),
    byPhone: new Map(),
    names: new Map(),
  };
  let skipped = 0;
  let unchanged = 0;
  let added = 0;
  let format = '';
  let batch: ImportedContact[] = [];

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
      if (seen.has(fingerprint) || rows.hasFingerprint(fingerprint)) {
        unchanged += 1;
        continue;
      }
      const keys = keysOf(draft, options.region);
      // The file's own name for the person; null when the row has none (the draft's name is then
      // its company, e-mail or phone, which says nothing about who the person is).
      const personName = record.displayName;
      const found = matchOf(record, draft, keys, personName, known, pending);
      const index = rows.add(
        {
          line: record.line,
          fingerprint,
          kind: found?.kind ?? 'new',
          target: found?.target,
          reason: found?.reason,
          organisation: isOrganisation(draft),
        },
        draft,
      );
      if (found?.kind !== 'match') {
        // A new contact (or one only possibly known) is what later rows of the file match against.
        for (const [part, k] of keys.emails.entries()) {
          if (pending.byEmail.get(k) === undefined) pending.byEmail.add(k, index, part);
        }
        for (const [part, k] of keys.linkedin.entries()) {
          if (k !== null && pending.byLinkedin.get(k) === undefined) pending.byLinkedin.add(k, index, part);
        }
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
  /** The draft's e-mails, in its order. */
  emails: string[];
  phones: string[];
  /** Each of the draft's links' profile key, in its order (null: not a LinkedIn profile). */
  linkedin: (string | null)[];
}

function keysOf(draft: ContactDraftParsed, region: CountryCode): Keys {
  return {
    emails: draft.emails.map((e) => e.value),
    phones: draft.phones.flatMap((p) => toE164(p.value, region) ?? []),
    linkedin: draft.links.map((l) => linkedinKey(l.url)),
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
  const profiles = keys.linkedin.filter((k) => k !== null);
  const linkedin = firstMatch('linkedin', profiles, known.byLinkedin, pending.byLinkedin);
  if (linkedin) return { kind: 'match', ...linkedin };
  const fuzzy = fuzzyMatch(draft, known);
  if (fuzzy !== null) return { kind: 'review', target: { existing: fuzzy }, reason: 'name' };
  return phone ? { kind: 'review', target: phone.target, reason: 'phone' } : null;
}

/** Earlier rows of the file that will be contacts, by key, and the file's name for each. */
interface Pending {
  byEmail: RowIndex<string>;
  byLinkedin: RowIndex<string>;
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
  inFile: RowIndex<string>,
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
