import Database from 'better-sqlite3';
import type { Db } from './database.ts';
import { cached } from './statements.ts';

/**
 * The forecast runs the engine on an in-memory copy of the user's database, so nothing it does
 * can reach their file. serialize() reads one consistent snapshot (a WAL reader: it neither waits
 * for nor blocks another process's writer, and commits nothing, so data_version stays).
 */
export function memoryCopy(db: Db): Db {
  const image = db.serialize();
  // Bytes 18-19 of the header say "WAL": an in-memory database cannot have a WAL, and SQLite
  // refuses to open the image (SQLITE_CANTOPEN) until they say "rollback journal" (1, 1).
  image[18] = 1;
  image[19] = 1;
  const copy = new Database(image);
  copy.pragma('foreign_keys = ON');
  copy.pragma('temp_store = MEMORY');
  return copy;
}

/**
 * People the user captured themselves (not from an import file) met since `fromDay` or, without
 * a meeting day, created since `fromAt`: the pace the forecast keeps capturing at.
 */
export function capturesSince(
  db: Db,
  fromDay: string,
  fromAt: string,
): { metOn: string | null; createdAt: string }[] {
  return cached<[{ fromDay: string; fromAt: string }], { metOn: string | null; createdAt: string }>(
    db,
    `SELECT c.met_on AS metOn, c.created_at AS createdAt FROM contacts c
     WHERE c.review_state IS NULL AND c.archived_at IS NULL
       AND (c.met_on >= @fromDay OR (c.met_on IS NULL AND c.created_at >= @fromAt))
       AND NOT EXISTS (SELECT 1 FROM contact_sources s WHERE s.contact_id = c.id)`,
  ).all({ fromDay, fromAt });
}

/**
 * Outbound messages sent in [fromAt, toAt) and how many were answered, by the Insights definition
 * (README: Insights, Reply rate): an inbound interaction from the contact after the message, at
 * most 14 days later and before my next message to them. Imported contacts not yet reviewed are
 * left out, as there. One count, not the report's every dimension: the forecast needs no more.
 */
export function replyTotals(db: Db, fromAt: string, toAt: string): { sent: number; replied: number } {
  return cached<[{ fromAt: string; toAt: string }], { sent: number; replied: number }>(
    db,
    `SELECT count(*) AS sent, coalesce(sum(replied), 0) AS replied FROM (
       SELECT EXISTS (SELECT 1 FROM interactions r
         WHERE r.contact_id = o.contact_id AND r.direction = 'inbound'
           AND r.occurred_at > o.occurred_at
           AND r.occurred_at <= strftime('%Y-%m-%dT%H:%M:%fZ', o.occurred_at, '+14 days')
           AND r.occurred_at < coalesce((SELECT min(n.occurred_at) FROM interactions n
                 WHERE n.contact_id = o.contact_id AND n.direction = 'outbound'
                   AND n.occurred_at > o.occurred_at), '9999')) AS replied
       FROM interactions o JOIN contacts c ON c.id = o.contact_id
       WHERE c.review_state IS NULL AND o.direction = 'outbound'
         AND o.occurred_at >= @fromAt AND o.occurred_at < @toAt)`,
  ).get({ fromAt, toAt })!;
}

export interface CycleAtEnd {
  /** Active cycles with an open step due after the horizon, or a reply deadline after it. */
  continuing: number;
  /** Active cycles whose open steps are all overdue: the backlog the budget left waiting. */
  waiting: number;
  /**
   * Active cycles with no open step and no reply deadline: nothing would ever end them. The
   * engine's promise is that there are none, whatever the horizon (a deadline already passed
   * ends its cycle at the next sweep, so it is not one of these).
   */
  neverEnding: number;
}

/** The active cycles when the horizon ends (`until`: the UTC start of the day after it). */
export function cyclesAtEnd(db: Db, until: string): CycleAtEnd {
  return cached<[{ until: string }], CycleAtEnd>(
    db,
    `SELECT coalesce(sum(ahead), 0) AS continuing,
            coalesce(sum(NOT ahead AND open), 0) AS waiting,
            coalesce(sum(NOT ahead AND NOT open AND ends_at IS NULL), 0) AS neverEnding
       FROM (
         SELECT cy.ends_at,
           (cy.ends_at IS NOT NULL AND cy.ends_at >= @until) OR EXISTS (
             SELECT 1 FROM followups f WHERE f.cycle_id = cy.id
               AND f.status IN ('pending', 'snoozed') AND f.due_at >= @until) AS ahead,
           EXISTS (SELECT 1 FROM followups f WHERE f.cycle_id = cy.id
             AND f.status IN ('pending', 'snoozed')) AS open
         FROM cycles cy WHERE cy.status = 'active')`,
  ).get({ until })!;
}
