import { hash } from 'node:crypto';
import type { CountryCode } from 'libphonenumber-js/min';
import type { ContactDraftParsed } from '../../shared/domain/contact.ts';
import type { ImportProblemItem, MatchReason } from '../../shared/domain/imports.ts';
import { toE164 } from '../contacts/phone-keys.ts';
import type { ImportedContact, ParsedImport } from '../formats/record.ts';
import { contactIdFromUid } from '../formats/vcard-write.ts';
import type { Db } from '../store/database.ts';
import { knownFingerprints } from '../store/imports-store.ts';
import { toDraft } from './draft.ts';
import { companiesCompatible, companyKey, fuzzyKey, linkedinKey, nameKey } from './identity.ts';
import type { KnownContacts } from './known-contacts.ts';

/** Where a row's data goes: someone already known, or a contact created earlier in this file. */
export type Target = { existing: number } | { pending: number };

export interface PlannedRow {
  line: number;
  name: string;
  fingerprint: string;
  draft: ContactDraftParsed;
  /**
   * new: a contact to create. match: merged into `target` (this app's UID, e-mail, phone or
   * LinkedIn URL).
   * review: same name and company as `target`: created, unless the user ticks it for merging.
   * unchanged: an earlier import already brought exactly this row in.
   */
  kind: 'new' | 'match' | 'review' | 'unchanged';
  target?: Target;
  reason?: MatchReason;
}

export interface ImportPlan {
  rows: PlannedRow[];
  problems: ImportProblemItem[];
  /** Lines refused (an error problem). */
  skipped: number;
}

export interface PlanOptions {
  fileName: string;
  region: CountryCode;
  /** Called every few thousand rows; the service yields to the event loop there. */
  onProgress?: (done: number, total: number) => Promise<void> | void;
}

const PROGRESS_EVERY = 2000;

/**
 * Decides what each row of a file will do, without writing. Rows are matched against the
 * address book and against earlier rows of the same file (a file listing someone twice creates
 * one contact). Strong keys (this app's own vCard UID, e-mail, E.164 phone, LinkedIn profile)
 * merge; a name alone never does.
 */
export async function planImport(
  db: Db,
  parsed: ParsedImport,
  known: KnownContacts,
  options: PlanOptions,
): Promise<ImportPlan> {
  const problems: ImportProblemItem[] = parsed.problems.map((p) => ({ ...p, file: options.fileName }));
  const drafts = parsed.records.map((record) => ({ record, ...toDraft(record, options.fileName) }));
  const fingerprints = drafts.map(({ record }) => fingerprintOf(parsed.format, record));
  const seen = knownFingerprints(db, fingerprints);
  const pending = {
    byEmail: new Map<string, number>(),
    byPhone: new Map<string, number>(),
    byLinkedin: new Map<string, number>(),
  };
  const rows: PlannedRow[] = [];
  // Rows the reader could not turn into a record (deleted LinkedIn members, broken cards)…
  let skipped = Math.max(0, parsed.rows - parsed.records.length);
  const usedFingerprints = new Set<string>();

  for (const [i, { record, draft, name, problems: rowProblems }] of drafts.entries()) {
    if (i % PROGRESS_EVERY === 0) await options.onProgress?.(i, drafts.length);
    problems.push(...rowProblems);
    if (!draft) {
      // …and records that identify nobody.
      skipped += 1;
      continue;
    }
    const fingerprint = fingerprints[i] ?? '';
    const keys = keysOf(draft, options.region);
    const base = { line: record.line, name, fingerprint, draft };
    if (seen.has(fingerprint) || usedFingerprints.has(fingerprint)) {
      rows.push({ ...base, kind: 'unchanged' });
      continue;
    }
    usedFingerprints.add(fingerprint);
    const own = ownCardMatch(record, draft, known);
    const strong =
      own === null
        ? strongMatch(keys, known, pending)
        : { target: { existing: own }, reason: 'uid' as const };
    if (strong) {
      rows.push({ ...base, kind: 'match', target: strong.target, reason: strong.reason });
    } else {
      const fuzzy = fuzzyMatch(draft, known);
      rows.push(
        fuzzy
          ? { ...base, kind: 'review', target: { existing: fuzzy }, reason: 'name' }
          : { ...base, kind: 'new' },
      );
      // A new contact (or one only possibly known) is what later rows of the file match against.
      const index = rows.length - 1;
      for (const k of keys.emails) if (!pending.byEmail.has(k)) pending.byEmail.set(k, index);
      for (const k of keys.phones) if (!pending.byPhone.has(k)) pending.byPhone.set(k, index);
      for (const k of keys.linkedin) if (!pending.byLinkedin.has(k)) pending.byLinkedin.set(k, index);
    }
  }
  await options.onProgress?.(drafts.length, drafts.length);
  return { rows, problems, skipped };
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

function strongMatch(
  keys: Keys,
  known: KnownContacts,
  pending: { byEmail: Map<string, number>; byPhone: Map<string, number>; byLinkedin: Map<string, number> },
): { target: Target; reason: MatchReason } | null {
  // Strongest key first. Written out rather than as a table of tiers: this runs once per row.
  return (
    firstMatch('email', keys.emails, known.byEmail, pending.byEmail) ??
    firstMatch('phone', keys.phones, known.byPhone, pending.byPhone) ??
    firstMatch('linkedin', keys.linkedin, known.byLinkedin, pending.byLinkedin)
  );
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
