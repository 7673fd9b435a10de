import type { ImportFormat, ImportResult } from '../../shared/domain/imports.ts';
import { splitDisplayName } from '../contacts/names.ts';
import type { FollowUpEngine } from '../followups/engine.ts';
import { getContact, insertContact, updateContact } from '../store/contacts-store.ts';
import type { Db } from '../store/database.ts';
import { addSource, addSources, finishImport, insertImport, maxContactId } from '../store/imports-store.ts';
import { reindexContacts } from '../store/search-index.ts';
import { longWriteTransaction } from '../store/transaction.ts';
import { PendingFills } from './fill-in.ts';
import type { ImportPlan } from './plan.ts';
import type { PlannedRow } from './planned-rows.ts';

export interface CommitDeps {
  db: Db;
  engine: Pick<FollowUpEngine, 'afterContactChanged'>;
  now: string;
  /** Normalises the phones the import wrote (see contacts/phone-keys.ts). */
  keyPhones: () => void;
  /** Called between chunks; the caller yields to the event loop there and reports progress. */
  onChunk?: (done: number, total: number) => Promise<void>;
}

const CHUNK = 2500;

/**
 * Writes a planned import in ONE transaction: on any failure, ROLLBACK leaves the database
 * exactly as before. New contacts land in the "imported" review state, which keeps the follow-up
 * engine away from them (no flood in Today). They are not in the search index yet: the caller
 * indexes them from `indexFrom` right after (see import-service.ts for why).
 */
export async function commitImport(
  deps: CommitDeps,
  meta: { fileName: string; format: ImportFormat },
  plan: ImportPlan,
  mergeLines: ReadonlySet<number>,
): Promise<{ result: ImportResult; indexFrom: number | null }> {
  const { db } = deps;
  if (plan.rows.size === 0) {
    // Every row was imported before: nothing to write, so no import run that would claim one.
    const counts = { created: 0, updated: 0, unchanged: plan.unchanged, skipped: plan.skipped };
    return { result: { importId: null, ...meta, ...counts }, indexFrom: null };
  }
  // The WAL then holds the whole import, durably; copying it into the main file (a checkpoint)
  // is left to the indexing step that follows instead of lengthening this commit.
  return longWriteTransaction(db, () => writeRows(deps, meta, plan, mergeLines), { checkpointAfter: false });
}

async function writeRows(
  deps: CommitDeps,
  meta: { fileName: string; format: ImportFormat },
  plan: ImportPlan,
  mergeLines: ReadonlySet<number>,
): Promise<{ result: ImportResult; indexFrom: number | null }> {
  const { db, now } = deps;
  const importId = insertImport(db, { ...meta, importedAt: now });
  // Ids above this were created by this import (INTEGER PRIMARY KEY takes max + 1).
  const lastExisting = maxContactId(db);
  const total = plan.rows.size;
  // The contact each row went to, by row (0: none yet; ids start at 1).
  const ids = new Float64Array(total);
  let created = 0;
  const touched = new Set<number>();
  let firstNew: number | null = null;
  let unchanged = plan.unchanged;
  const newSources: [number, number, string][] = [];
  // What merged rows add, written once per contact after the loop (see PendingFills).
  const fills = new PendingFills((id) => getContact(db, id));

  for (let index = 0; index < total; index++) {
    if (index % CHUNK === 0 && index > 0) {
      // A chunk at a time: held to the end, as tuples and then one JSON text, they grew with the file.
      addSources(db, importId, newSources.splice(0));
      await deps.onChunk?.(index, total);
    }
    const row = plan.rows.at(index);
    const target = targetOf(row, mergeLines, ids);
    const draft = plan.rows.draft(index);
    if (target === null) {
      // An organisation's name ("ACME Inc.") is not a first and a last name.
      const names =
        draft.firstName || draft.lastName || row.organisation ? {} : splitDisplayName(draft.displayName);
      const id = insertContact(db, { ...draft, ...names }, now, {
        index: false,
        reviewState: 'imported',
      });
      firstNew ??= id;
      created += 1;
      ids[index] = id;
      newSources.push([id, row.line, row.fingerprint]);
    } else {
      ids[index] = target;
      if (fills.add(target, draft)) {
        if (target <= lastExisting) touched.add(target);
      } else if (target <= lastExisting && !touched.has(target)) {
        unchanged += 1;
      }
      addSource(db, target, importId, row.line, row.fingerprint);
    }
  }
  const patches = fills.patches();
  for (const [id, patch] of patches) updateContact(db, id, patch, now, { index: false });
  // Known people re-indexed together (see reindexContacts); new ones are indexed after the commit.
  reindexContacts(
    db,
    patches.flatMap(([id]) => (id <= lastExisting ? [id] : [])),
  );
  addSources(db, importId, newSources);
  deps.keyPhones();
  // Known people whose tags grew may now have a keep-in-touch cadence. Nothing else an import
  // adds bears on planning, and an engine pass for every merged contact cost more than the rest.
  for (const [id, patch] of patches) {
    if (patch.tags && id <= lastExisting) deps.engine.afterContactChanged(id);
  }
  const counts = { created, updated: touched.size, unchanged, skipped: plan.skipped };
  finishImport(db, importId, counts);
  await deps.onChunk?.(total, total);
  return { result: { importId, ...meta, ...counts }, indexFrom: firstNew };
}

/** The contact a row merges into, or null when it creates one. */
function targetOf(row: PlannedRow, mergeLines: ReadonlySet<number>, ids: Float64Array): number | null {
  if (!row.target) return null;
  if (row.kind === 'review' && !mergeLines.has(row.line)) return null;
  if ('existing' in row.target) return row.target.existing;
  return ids[row.target.pending] || null;
}
