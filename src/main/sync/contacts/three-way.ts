import { phoneDigits } from '../../contacts/phone-keys.ts';
import { linkedinKey } from '../../imports/identity.ts';
import {
  APP_FIELDS,
  LIST_FIELDS,
  SCALAR_FIELDS,
  type ScalarField,
  type SyncedEntry,
  type SyncedFields,
  tagSet,
} from './synced-fields.ts';

/** The same field changed on both sides to different values: kept for the user, both values. */
export interface FieldConflict {
  field: ScalarField;
  /** The value both sides had at the last sync (null at the first link, or when it was empty). */
  base: string | null;
  local: string | null;
  remote: string | null;
}

export interface MergeInput {
  /** The fields of the card as last synced; null before the first link. */
  base: SyncedFields | null;
  local: SyncedFields;
  remote: SyncedFields;
  /**
   * False when the server's card came back without the app's X- properties (a client that drops
   * what it does not know rewrote it): its app fields are then unknown, not cleared.
   */
  remoteAppFieldsKept: boolean;
  /** Fields with a conflict the user has not resolved yet: held, whatever changed since. */
  held?: ReadonlySet<ScalarField>;
}

export interface MergeOutcome {
  /** The contact as it is to be here. A conflicting field keeps this side's value. */
  local: SyncedFields;
  /** The fields that change here (empty when nothing does). */
  localChanges: Partial<SyncedFields>;
  /** The card's fields to PUT; null when the server's card already says all of it. */
  remote: SyncedFields | null;
  conflicts: FieldConflict[];
}

/**
 * Three-way merge of one contact, field by field. A field changed on one side only takes that
 * side's value; changed on both to the same value, that value; changed on both to different
 * values, it is a conflict: each side keeps its own value until the user chooses, and both are
 * in the conflict, so nothing is lost. Before the first link there is no base: an empty field
 * is filled from the other side, and two different values are a conflict.
 *
 * E-mails, phones, links and tags merge as sets (by address, dialled digits, URL, tag in any
 * case): what either side added is kept, what either side removed goes, and they never conflict.
 */
export function mergeFields(input: MergeInput): MergeOutcome {
  const { base, local } = input;
  // A client that drops unknown properties did not clear the app's fields: take them as they
  // were (the base), so the missing properties are never read as deletions.
  const remote = input.remoteAppFieldsKept ? input.remote : { ...input.remote, ...appOf(base ?? local) };
  const held = input.held ?? new Set<ScalarField>();
  const here: Record<string, unknown> = {};
  const there: Record<string, unknown> = {};
  const conflicts: FieldConflict[] = [];
  for (const field of SCALAR_FIELDS) {
    const b = base === null ? undefined : base[field];
    const l = local[field];
    const r = remote[field];
    const merged = l === r ? l : held.has(field) ? undefined : mergeScalar(b, l, r);
    if (merged === undefined) {
      conflicts.push({ field, base: b ?? null, local: l, remote: r });
      here[field] = l;
      there[field] = r;
    } else {
      here[field] = merged;
      there[field] = merged;
    }
  }
  for (const field of LIST_FIELDS) {
    const merged =
      field === 'tags'
        ? mergeTags(base?.tags ?? null, local.tags, remote.tags)
        : mergeEntries(KEYS.get(field)!, base?.[field] ?? null, local[field], remote[field]);
    here[field] = merged;
    there[field] = merged;
  }
  const mergedLocal = here as unknown as SyncedFields;
  const mergedRemote = there as unknown as SyncedFields;
  const localChanges: Partial<SyncedFields> = {};
  for (const field of [...SCALAR_FIELDS, ...LIST_FIELDS]) {
    if (!same(mergedLocal[field], local[field])) {
      (localChanges as Record<string, unknown>)[field] = mergedLocal[field];
    }
  }
  // Against the card as it is on the server: app fields a phone dropped are put back.
  const putNeeded = [...SCALAR_FIELDS, ...LIST_FIELDS].some((f) => !same(mergedRemote[f], input.remote[f]));
  return { local: mergedLocal, localChanges, remote: putNeeded ? mergedRemote : null, conflicts };
}

/**
 * The last state both sides agree on, after the merge's changes were taken in here and before its
 * PUT: a field now equal on both sides is agreed at that value; any other keeps its old base. A
 * value taken from the server must not read as an edit made here when the PUT never arrives (a
 * dropped connection), or the server's next change to it would be a conflict. No base (first
 * link) stays none.
 */
export function agreedBase(
  base: SyncedFields | null,
  local: SyncedFields,
  remote: SyncedFields,
): SyncedFields | null {
  if (base === null) return null;
  const agreed: Record<string, unknown> = { ...base };
  for (const field of [...SCALAR_FIELDS, ...LIST_FIELDS])
    if (same(local[field], remote[field])) agreed[field] = remote[field];
  return agreed as unknown as SyncedFields;
}

/** The merged value, or undefined for a conflict. `base` undefined: no base (first link). */
function mergeScalar<T extends string | null>(base: T | undefined, local: T, remote: T): T | undefined {
  if (base === undefined) {
    if (local === null || local === '') return remote;
    if (remote === null || remote === '') return local;
    return undefined;
  }
  if (local === base) return remote;
  if (remote === base) return local;
  return undefined;
}

const appOf = (fields: SyncedFields): Partial<SyncedFields> =>
  Object.fromEntries(APP_FIELDS.map((f) => [f, fields[f]]));

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

type Key = (value: string) => string;

/** How two entries are the same entry: as imports and the merge view unite lists (fill-in.ts). */
const KEYS = new Map<'emails' | 'phones' | 'links', Key>([
  ['emails', (v) => v.trim().toLowerCase()],
  ['phones', (v) => phoneDigits(v) || v.trim()],
  ['links', (v) => linkedinKey(v) ?? v.trim().replace(/\/+$/, '').toLowerCase()],
]);

/**
 * A set merge: an entry is kept when both sides have it, or when the side lacking it never had
 * it (the other added it); it goes when one side removed it. Labels merge like fields, and when
 * both sides relabelled an entry differently, this side's label is kept (a label is not worth a
 * conflict the user has to settle). This side's order first, then what the server added.
 */
function mergeEntries(
  key: Key,
  base: readonly SyncedEntry[] | null,
  local: readonly SyncedEntry[],
  remote: readonly SyncedEntry[],
): SyncedEntry[] {
  // Changed on one side only: that side's list as it is, its order too (the first is the primary).
  if (base !== null && same(local, base)) return [...remote];
  if (base !== null && same(remote, base)) return [...local];
  const index = (list: readonly SyncedEntry[] | null) => {
    const map = new Map<string, SyncedEntry>();
    for (const entry of list ?? []) if (!map.has(key(entry.value))) map.set(key(entry.value), entry);
    return map;
  };
  const [b, l, r] = [index(base), index(local), index(remote)];
  const out: SyncedEntry[] = [];
  for (const [k, entry] of l) {
    const there = r.get(k);
    const was = b.get(k);
    if (!there) {
      if (was === undefined) out.push(entry); // added here
      continue; // else removed there
    }
    const label = mergeScalar(was === undefined ? undefined : was.label, entry.label, there.label);
    out.push({ value: entry.value, label: label === undefined ? entry.label : label });
  }
  for (const [k, entry] of r) if (!l.has(k) && !b.has(k)) out.push(entry); // added there
  return out;
}

function mergeTags(
  base: readonly string[] | null,
  local: readonly string[],
  remote: readonly string[],
): string[] {
  const asEntries = (tags: readonly string[] | null) =>
    tags?.map((value) => ({ value, label: null })) ?? null;
  const merged = mergeEntries(
    (v) => v.trim().toLowerCase(),
    asEntries(base),
    asEntries(local)!,
    asEntries(remote)!,
  );
  return tagSet(merged.map((e) => e.value));
}
