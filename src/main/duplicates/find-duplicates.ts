import type { MatchReason } from '../../shared/domain/import-formats.ts';
import type { DuplicatePair } from '../../shared/domain/imports.ts';
import { companiesCompatible } from '../imports/identity.ts';
import { linkedinIndex, nameIndex } from '../imports/known-contacts.ts';
import { summaries } from '../store/contacts-store.ts';
import type { Db } from '../store/database.ts';
import { dismissedPairs, pairKey } from '../store/duplicates-store.ts';
import { sharedKeys } from '../store/imports-store.ts';

/** A key shared by more people than this (an office switchboard, a team inbox) proves nothing. */
const MAX_GROUP = 12;
// 'uid' only matches an import to the address book; two contacts never share one.
const STRENGTH: Record<MatchReason, number> = { uid: 0, email: 1, phone: 2, linkedin: 3, name: 4 };

interface Candidate {
  low: number;
  high: number;
  reasons: { reason: MatchReason; value: string }[];
}

/**
 * Likely duplicate pairs over the whole address book, from the same keys an import matches on
 * (e-mail, E.164 phone, LinkedIn profile) plus same name with compatible companies. Key maps
 * are built once in memory (no self-joins), which keeps 50,000 contacts well under a second.
 */
export function findDuplicates(db: Db, limit: number): DuplicatePair[] {
  const known = { ...nameIndex(db), byLinkedin: linkedinIndex(db) };
  const dismissed = dismissedPairs(db);
  const candidates = new Map<string, Candidate>();
  const add = (ids: readonly number[], reason: MatchReason, value: string) => {
    if (ids.length < 2 || ids.length > MAX_GROUP) return;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const a = ids[i] as number;
        const b = ids[j] as number;
        const key = pairKey(a, b);
        if (dismissed.has(key)) continue;
        let candidate = candidates.get(key);
        if (!candidate) {
          candidate = { low: Math.min(a, b), high: Math.max(a, b), reasons: [] };
          candidates.set(key, candidate);
        }
        if (!candidate.reasons.some((r) => r.reason === reason)) candidate.reasons.push({ reason, value });
      }
    }
  };
  for (const [value, ids] of sharedKeys(db, 'email')) add(ids, 'email', value);
  for (const [value, ids] of sharedKeys(db, 'phone')) add(ids, 'phone', value);
  for (const [value, ids] of known.byLinkedin) add(ids, 'linkedin', value);
  for (const people of known.byName.values()) {
    if (people.length < 2 || people.length > MAX_GROUP) continue;
    for (let i = 0; i < people.length; i++) {
      for (let j = i + 1; j < people.length; j++) {
        const a = people[i];
        const b = people[j];
        if (!a || !b || !companiesCompatible(a.company, b.company)) continue;
        add([a.row.id, b.row.id], 'name', a.row.displayName);
      }
    }
  }
  const ranked = [...candidates.values()]
    .map((c) => ({ ...c, reasons: c.reasons.sort((x, y) => STRENGTH[x.reason] - STRENGTH[y.reason]) }))
    .sort(
      (x, y) =>
        STRENGTH[x.reasons[0]?.reason ?? 'name'] - STRENGTH[y.reasons[0]?.reason ?? 'name'] ||
        y.reasons.length - x.reasons.length ||
        x.low - y.low ||
        x.high - y.high,
    )
    .slice(0, limit);
  const byId = new Map(
    summaries(db, [...new Set(ranked.flatMap((c) => [c.low, c.high]))]).map((s) => [s.id, s]),
  );
  return ranked.flatMap((c) => {
    const a = byId.get(c.low);
    const b = byId.get(c.high);
    return a && b ? [{ a, b, reasons: c.reasons }] : [];
  });
}
