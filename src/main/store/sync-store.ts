import type { CredentialSource } from '../../shared/domain/mail.ts';
import type { SyncAccount } from '../../shared/domain/sync.ts';
import type { Db } from './database.ts';
import { cached } from './statements.ts';

// ——— accounts ———

export interface SyncAccountRow extends SyncAccount {
  principalUrl: string | null;
  calendarSyncToken: string | null;
  calendarCtag: string | null;
}

type StoredRow = Omit<SyncAccountRow, 'credential'> & { credential: string };

const ACCOUNT_SELECT = `SELECT id, url, user_name AS user, credential, calendar_name AS calendar,
  addressbook_name AS addressbook, principal_url AS principalUrl, calendar_url AS calendarUrl, addressbook_url AS addressbookUrl,
  calendar_sync_token AS calendarSyncToken, calendar_ctag AS calendarCtag, created_at AS createdAt,
  last_sync_at AS lastSyncAt, last_error AS lastError FROM sync_accounts`;

const toAccount = (row: StoredRow): SyncAccountRow => ({
  ...row,
  credential: JSON.parse(row.credential) as CredentialSource,
});

/** What a window or the CLI sees: no sync state. */
export function publicAccount(row: SyncAccountRow): SyncAccount {
  const { principalUrl: _p, calendarSyncToken: _t, calendarCtag: _c, ...account } = row;
  return account;
}

export function listSyncAccounts(db: Db): SyncAccountRow[] {
  return cached<[], StoredRow>(db, `${ACCOUNT_SELECT} ORDER BY id`).all().map(toAccount);
}

export function getSyncAccount(db: Db, id: number): SyncAccountRow | undefined {
  const row = cached<[number], StoredRow>(db, `${ACCOUNT_SELECT} WHERE id = ?`).get(id);
  return row ? toAccount(row) : undefined;
}

export function findSyncAccount(db: Db, url: string, user: string): SyncAccountRow | undefined {
  const row = cached<[string, string], StoredRow>(
    db,
    `${ACCOUNT_SELECT} WHERE url = ? AND user_name = ?`,
  ).get(url, user);
  return row ? toAccount(row) : undefined;
}

export interface NewSyncAccount {
  url: string;
  user: string;
  credential: CredentialSource;
  calendar: string;
  addressbook: string | null;
  principalUrl: string | null;
  calendarUrl: string | null;
  addressbookUrl: string | null;
}

export function insertSyncAccount(db: Db, a: NewSyncAccount, at: string): number {
  return Number(
    cached(
      db,
      `INSERT INTO sync_accounts (url, user_name, credential, calendar_name, addressbook_name, principal_url,
         calendar_url, addressbook_url, created_at, updated_at)
       VALUES (@url, @user, @credential, @calendar, @addressbook, @principalUrl, @calendarUrl, @addressbookUrl,
         @at, @at)`,
    ).run({ ...a, credential: JSON.stringify(a.credential), at }).lastInsertRowid,
  );
}

export function deleteSyncAccount(db: Db, id: number): boolean {
  return cached<[number]>(db, 'DELETE FROM sync_accounts WHERE id = ?').run(id).changes > 0;
}

/** The calendar found or made for the account: passes use this URL, and show its name as listed. */
export function setAccountCalendar(
  db: Db,
  id: number,
  c: { principalUrl: string; calendarUrl: string; calendarName: string },
  at: string,
): void {
  cached(
    db,
    `UPDATE sync_accounts SET principal_url = @principalUrl, calendar_url = @calendarUrl,
       calendar_name = @calendarName, updated_at = @at
     WHERE id = @id`,
  ).run({ id, ...c, at });
}

export function setCalendarReadState(
  db: Db,
  id: number,
  s: { syncToken: string | null; ctag: string | null },
): void {
  cached(
    db,
    'UPDATE sync_accounts SET calendar_sync_token = @syncToken, calendar_ctag = @ctag WHERE id = @id',
  ).run({
    id,
    ...s,
  });
}

export function setAccountOutcome(db: Db, id: number, at: string, error: string | null): void {
  cached(db, 'UPDATE sync_accounts SET last_sync_at = @at, last_error = @error WHERE id = @id').run({
    id,
    at,
    error,
  });
}

// ——— objects on the server ———

/** A follow-up step, a meeting (a cycle's meeting time), or a promise's due day. */
export type SyncKind = 'step' | 'meeting' | 'promise';

export interface SyncObject {
  kind: SyncKind;
  entityId: number;
  href: string;
  etag: string | null;
  pushedStart: string | null;
  pushedHash: string | null;
}

const OBJECT_SELECT = `SELECT kind, entity_id AS entityId, href, etag, pushed_start AS pushedStart,
  pushed_hash AS pushedHash FROM sync_objects`;

export function syncObject(
  db: Db,
  accountId: number,
  kind: SyncKind,
  entityId: number,
): SyncObject | undefined {
  return cached<[number, string, number], SyncObject>(
    db,
    `${OBJECT_SELECT} WHERE account_id = ? AND kind = ? AND entity_id = ?`,
  ).get(accountId, kind, entityId);
}

/** Every object of the account on the server, whatever its kind. */
export function syncObjects(db: Db, accountId: number): SyncObject[] {
  return cached<[number], SyncObject>(db, `${OBJECT_SELECT} WHERE account_id = ?`).all(accountId);
}

export function saveSyncObject(db: Db, accountId: number, o: SyncObject, at: string): void {
  cached(
    db,
    `INSERT INTO sync_objects (account_id, kind, entity_id, href, etag, pushed_start, pushed_hash, pushed_at)
     VALUES (@accountId, @kind, @entityId, @href, @etag, @pushedStart, @pushedHash, @at)
     ON CONFLICT (account_id, kind, entity_id) DO UPDATE SET href = excluded.href, etag = excluded.etag,
       pushed_start = excluded.pushed_start, pushed_hash = excluded.pushed_hash, pushed_at = excluded.pushed_at`,
  ).run({ accountId, ...o, at });
}

/**
 * The server's copy was changed there: its new ETag (for If-Match), and no hash, since what it
 * holds is no longer what we pushed, so the next push goes out even if our version is unchanged.
 */
export function serverCopyChanged(
  db: Db,
  accountId: number,
  kind: SyncKind,
  entityId: number,
  etag: string | null,
): void {
  cached(
    db,
    `UPDATE sync_objects SET etag = @etag, pushed_hash = NULL
     WHERE account_id = @accountId AND kind = @kind AND entity_id = @entityId`,
  ).run({ accountId, kind, entityId, etag });
}

export function forgetSyncObject(db: Db, accountId: number, kind: SyncKind, entityId: number): void {
  cached(db, 'DELETE FROM sync_objects WHERE account_id = ? AND kind = ? AND entity_id = ?').run(
    accountId,
    kind,
    entityId,
  );
}

// ——— the outbox ———

export interface OutboxRow {
  seq: number;
  kind: SyncKind;
  entityId: number;
  attempts: number;
}

/** Queues these objects (at the end of the order) unless they already wait. */
export function enqueue(
  db: Db,
  accountId: number,
  items: readonly { kind: SyncKind; entityId: number }[],
): void {
  const add = cached(
    db,
    'INSERT INTO sync_outbox (account_id, kind, entity_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  for (const item of items) add.run(accountId, item.kind, item.entityId);
}

/** The next changes to push after `afterSeq`, oldest first. */
export function outboxInOrder(db: Db, accountId: number, afterSeq: number, limit: number): OutboxRow[] {
  return cached<[number, number, number], OutboxRow>(
    db,
    `SELECT seq, kind, entity_id AS entityId, attempts FROM sync_outbox
     WHERE account_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
  ).all(accountId, afterSeq, limit);
}

/** Done with exactly this change: a newer change to the same object has another seq and stays. */
export function outboxDone(db: Db, seq: number): void {
  cached<[number]>(db, 'DELETE FROM sync_outbox WHERE seq = ?').run(seq);
}

export function outboxFailed(db: Db, seq: number, error: string, nextAttemptAt: string): void {
  cached(
    db,
    `UPDATE sync_outbox SET attempts = attempts + 1, last_error = @error, next_attempt_at = @nextAttemptAt
     WHERE seq = @seq`,
  ).run({ seq, error, nextAttemptAt });
}

export function pendingCount(db: Db, accountId: number): number {
  return cached<[number], number>(db, 'SELECT count(*) FROM sync_outbox WHERE account_id = ?')
    .pluck()
    .get(accountId) as number;
}

export function oldestOutboxError(db: Db, accountId: number): string | null {
  return (
    (cached<[number], string | null>(
      db,
      'SELECT last_error FROM sync_outbox WHERE account_id = ? ORDER BY seq LIMIT 1',
    )
      .pluck()
      .get(accountId) as string | null | undefined) ?? null
  );
}
