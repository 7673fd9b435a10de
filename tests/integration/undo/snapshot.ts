import { dumpTables, type Row } from '../../../src/main/store/row-snapshot.ts';
import type { TempApp } from '../../helpers/temp-app.ts';

/**
 * Every data table, the calendar's day counts and the search index, as stored. A restored step
 * is a new revision for calendar clients (its SEQUENCE goes up, LAST-MODIFIED is the undo's
 * moment: RFC 5545 §3.8.7.4), so those two columns are compared apart (see `revisions`).
 */
export function snapshot(a: TempApp) {
  const { db } = a.context;
  const tables = dumpTables(db) as Record<string, Row[]>;
  const { followups, merge_undo: _journal, ...rest } = tables;
  return {
    ...rest,
    followups: (followups ?? []).map(({ sequence: _s, updated_at: _u, ...row }) => row),
    followup_day_counts: db
      .prepare('SELECT * FROM followup_day_counts WHERE n > 0 ORDER BY due_on, status')
      .all(),
    search: db
      .prepare('SELECT rowid, name, company, context, notes, timeline FROM contacts_fts ORDER BY rowid')
      .all(),
  };
}

export const revisions = (a: TempApp) =>
  new Map(
    (
      a.context.db.prepare('SELECT id, sequence, updated_at AS updatedAt FROM followups').all() as {
        id: number;
        sequence: number;
        updatedAt: string;
      }[]
    ).map((r) => [r.id, r]),
  );
