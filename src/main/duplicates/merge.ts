import { ApiError } from '../../shared/api/errors.ts';
import type { Contact, ContactPatchParsed } from '../../shared/domain/contact.ts';
import { MERGE_FIELDS, type MergeField } from '../../shared/domain/import-formats.ts';
import type { LastMerge, MergeResult, UndoMergeResult } from '../../shared/domain/imports.ts';
import type { FollowUpEngine } from '../followups/engine.ts';
import { uniteLists } from '../imports/fill-in.ts';
import { deleteContact, getContact, updateContact } from '../store/contacts-store.ts';
import type { Db } from '../store/database.ts';
import {
  dropMergeUndo,
  lastMergeUndo,
  moveOwnedRows,
  saveMergeUndo,
  settleMergedFlags,
} from '../store/merge-store.ts';
import { restoreContacts, snapshotContacts } from '../store/row-snapshot.ts';
import { reindexContact } from '../store/search-index.ts';
import { mergedSyncRows, moveSyncLinks, restoreMergedSyncRows } from '../store/sync-cards-store.ts';
import { writeTransaction } from '../store/transaction.ts';

interface MergeDeps {
  db: Db;
  engine: Pick<FollowUpEngine, 'afterContactChanged'>;
  now: string;
  keyPhones: () => void;
}

/**
 * Merges one contact into another, field by field as the user chose, keeping every e-mail,
 * phone, link, tag, interaction, promise and follow-up of both. The rows of both contacts are
 * saved first, so the merge can be undone exactly.
 */
export function mergeContacts(
  deps: MergeDeps,
  input: { keepId: number; mergeId: number; take: readonly MergeField[] },
): MergeResult {
  const { db } = deps;
  return writeTransaction(db, () => {
    const keep = mustGet(db, input.keepId);
    const merged = mustGet(db, input.mergeId);
    const snapshot = { ...snapshotContacts(db, [keep.id, merged.id]), ...mergedSyncRows(db, merged.id) };
    const patch: ContactPatchParsed = {};
    for (const field of MERGE_FIELDS) {
      const chosen = input.take.includes(field)
        ? (merged[field] ?? keep[field])
        : (keep[field] ?? merged[field]);
      if (chosen !== keep[field]) (patch as Record<string, unknown>)[field] = chosen;
    }
    const { patch: listPatch } = uniteLists(keep, merged);
    const moved = moveOwnedRows(db, merged.id, keep.id);
    // Before the delete, whose trigger would mark the merged contact's card for deletion there.
    moveSyncLinks(db, merged.id, keep.id);
    settleMergedFlags(db, keep.id, merged.id);
    deleteContact(db, merged.id);
    updateContact(db, keep.id, { ...patch, ...listPatch }, deps.now);
    reindexContact(db, keep.id);
    deps.keyPhones();
    saveMergeUndo(db, keep.id, merged.id, deps.now, snapshot);
    // Two keep-in-touch check-ins or two open cycles may now exist: the engine settles them.
    deps.engine.afterContactChanged(keep.id);
    const count = (before: readonly unknown[], after: readonly unknown[] | undefined) =>
      after ? after.length - before.length : 0;
    return {
      contactId: keep.id,
      mergedId: merged.id,
      moved: {
        emails: count(keep.emails, listPatch.emails),
        phones: count(keep.phones, listPatch.phones),
        links: count(keep.links, listPatch.links),
        tags: count(keep.tags, listPatch.tags),
        ...moved,
      },
    };
  });
}

/** The merge that undo would revert, while it still can be. */
export function lastMerge(db: Db): LastMerge | null {
  const undo = lastMergeUndo(db);
  if (!undo || !getContact(db, undo.keptId)) return null;
  const merged = undo.snapshot.contacts?.find((row) => row.id === undo.mergedId);
  return {
    keptId: undo.keptId,
    mergedId: undo.mergedId,
    mergedName: String(merged?.display_name ?? ''),
    mergedAt: undo.mergedAt,
  };
}

/** Puts both contacts back exactly as they were before the last merge. */
export function undoLastMerge(deps: MergeDeps): UndoMergeResult {
  const { db } = deps;
  return writeTransaction(db, () => {
    const undo = lastMergeUndo(db);
    if (!undo) throw new ApiError('not_found', 'There is no merge to undo.');
    if (!getContact(db, undo.keptId)) {
      dropMergeUndo(db, undo.id);
      throw new ApiError('conflict', 'The merged contact was deleted since; the merge cannot be undone.');
    }
    restoreContacts(db, [undo.keptId, undo.mergedId], undo.snapshot);
    restoreMergedSyncRows(db, undo.keptId, undo.mergedId, undo.snapshot);
    for (const id of [undo.keptId, undo.mergedId]) reindexContact(db, id);
    dropMergeUndo(db, undo.id);
    deps.engine.afterContactChanged(undo.keptId);
    deps.engine.afterContactChanged(undo.mergedId);
    return { keptId: undo.keptId, restoredId: undo.mergedId };
  });
}

function mustGet(db: Db, id: number): Contact {
  const contact = getContact(db, id);
  if (!contact) throw new ApiError('not_found', `There is no contact with id ${id}.`);
  return contact;
}
