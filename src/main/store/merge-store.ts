import type { Db } from './database.ts';
import type { TableRows } from './row-snapshot.ts';
import { cached } from './statements.ts';

/** Moves everything the merged contact owns (history, plans, promises, sources) to the kept one. */
export function moveOwnedRows(
  db: Db,
  from: number,
  to: number,
): { interactions: number; followUps: number; promises: number } {
  const move = (table: string) =>
    cached(db, `UPDATE ${table} SET contact_id = ? WHERE contact_id = ?`).run(to, from).changes;
  const interactions = move('interactions');
  move('cycles');
  const promises = move('promises');
  const followUps = move('followups');
  cached(
    db,
    `INSERT OR IGNORE INTO contact_sources (contact_id, import_id, line, fingerprint)
     SELECT ?, import_id, line, fingerprint FROM contact_sources WHERE contact_id = ?`,
  ).run(to, from);
  return { interactions, followUps, promises };
}

/** Review state and urgency after a merge: reviewed if either was, urgent if either was. */
export function settleMergedFlags(db: Db, keep: number, merged: number): void {
  cached(
    db,
    `UPDATE contacts SET
       review_state = CASE WHEN (SELECT review_state FROM contacts WHERE id = @merged) IS NULL THEN NULL ELSE review_state END,
       urgent = max(urgent, (SELECT urgent FROM contacts WHERE id = @merged)),
       met_event_id = coalesce(met_event_id, (SELECT met_event_id FROM contacts WHERE id = @merged)),
       last_interaction_at = (SELECT max(occurred_at) FROM interactions WHERE contact_id = @keep)
     WHERE id = @keep`,
  ).run({ keep, merged });
}

/** Undo history is short: only the last few merges are kept. */
const KEEP_UNDO = 10;

export function saveMergeUndo(
  db: Db,
  keptId: number,
  mergedId: number,
  mergedAt: string,
  snapshot: TableRows,
): void {
  cached(db, 'INSERT INTO merge_undo (kept_id, merged_id, merged_at, snapshot) VALUES (?, ?, ?, ?)').run(
    keptId,
    mergedId,
    mergedAt,
    JSON.stringify(snapshot),
  );
  cached(
    db,
    `DELETE FROM merge_undo WHERE id NOT IN (SELECT id FROM merge_undo ORDER BY id DESC LIMIT ${KEEP_UNDO})`,
  ).run();
}

export interface MergeUndo {
  id: number;
  keptId: number;
  mergedId: number;
  mergedAt: string;
  snapshot: TableRows;
}

export function lastMergeUndo(db: Db): MergeUndo | undefined {
  const row = cached<
    [],
    { id: number; keptId: number; mergedId: number; mergedAt: string; snapshot: string }
  >(
    db,
    `SELECT id, kept_id AS keptId, merged_id AS mergedId, merged_at AS mergedAt, snapshot
     FROM merge_undo ORDER BY id DESC LIMIT 1`,
  ).get();
  return row ? { ...row, snapshot: JSON.parse(row.snapshot) as TableRows } : undefined;
}

export function dropMergeUndo(db: Db, id: number): void {
  cached(db, 'DELETE FROM merge_undo WHERE id = ?').run(id);
}
