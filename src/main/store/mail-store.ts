import type { CredentialSource, MailAccount, MailAuth, MailSecurity } from '../../shared/domain/mail.ts';
import type { Db } from './database.ts';
import { cached } from './statements.ts';

// ——— accounts ———

export interface AccountFields {
  name: string;
  host: string;
  port: number;
  security: MailSecurity;
  user: string;
  auth: MailAuth;
  credential: CredentialSource;
  folders: string[] | null;
  myAddresses: string[];
  idle: boolean;
}

interface AccountRow {
  id: number;
  name: string;
  host: string;
  port: number;
  security: MailSecurity;
  user: string;
  auth: MailAuth;
  credential: string;
  folders: string | null;
  myAddresses: string;
  idle: number;
  createdAt: string;
  updatedAt: string;
  lastSyncAt: string | null;
  lastError: string | null;
}

const ACCOUNT_SELECT = `SELECT id, name, host, port, security, user_name AS user, auth, credential, folders,
  my_addresses AS myAddresses, idle, created_at AS createdAt, updated_at AS updatedAt,
  last_sync_at AS lastSyncAt, last_error AS lastError FROM mail_accounts`;

const toAccount = (row: AccountRow): MailAccount => ({
  ...row,
  credential: JSON.parse(row.credential) as CredentialSource,
  folders: row.folders === null ? null : (JSON.parse(row.folders) as string[]),
  myAddresses: JSON.parse(row.myAddresses) as string[],
  idle: row.idle === 1,
});

export function listAccounts(db: Db): MailAccount[] {
  return cached<[], AccountRow>(db, `${ACCOUNT_SELECT} ORDER BY name COLLATE NOCASE, id`)
    .all()
    .map(toAccount);
}

export function getAccount(db: Db, id: number): MailAccount | undefined {
  const row = cached<[number], AccountRow>(db, `${ACCOUNT_SELECT} WHERE id = ?`).get(id);
  return row ? toAccount(row) : undefined;
}

export function getAccountByName(db: Db, name: string): MailAccount | undefined {
  const row = cached<[string], AccountRow>(db, `${ACCOUNT_SELECT} WHERE name = ? COLLATE NOCASE`).get(name);
  return row ? toAccount(row) : undefined;
}

const accountParams = (a: AccountFields) => [
  a.name,
  a.host,
  a.port,
  a.security,
  a.user,
  a.auth,
  JSON.stringify(a.credential),
  a.folders === null ? null : JSON.stringify(a.folders),
  JSON.stringify(a.myAddresses),
  a.idle ? 1 : 0,
];

export function insertAccount(db: Db, a: AccountFields, now: string): number {
  return Number(
    cached(
      db,
      `INSERT INTO mail_accounts (name, host, port, security, user_name, auth, credential, folders, my_addresses,
         idle, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(...accountParams(a), now, now).lastInsertRowid,
  );
}

export function updateAccount(db: Db, id: number, a: AccountFields, now: string): void {
  cached(
    db,
    `UPDATE mail_accounts SET name = ?, host = ?, port = ?, security = ?, user_name = ?, auth = ?, credential = ?,
       folders = ?, my_addresses = ?, idle = ?, updated_at = ? WHERE id = ?`,
  ).run(...accountParams(a), now, id);
}

export function deleteAccount(db: Db, id: number): number {
  return cached(db, 'DELETE FROM mail_accounts WHERE id = ?').run(id).changes;
}

/** The outcome of a pass: when it ran and, if it failed, why (in words that never hold the secret). */
export function setAccountOutcome(db: Db, id: number, at: string, error: string | null): void {
  cached(db, 'UPDATE mail_accounts SET last_sync_at = ?, last_error = ? WHERE id = ?').run(at, error, id);
}

// ——— folder state ———

export interface FolderState {
  uidValidity: string;
  lastUid: number;
  highestModseq: string | null;
}

export function getFolderState(db: Db, accountId: number, folder: string): FolderState | undefined {
  return cached<[number, string], FolderState>(
    db,
    `SELECT uidvalidity AS uidValidity, last_uid AS lastUid, highest_modseq AS highestModseq
       FROM mail_folder_state WHERE account_id = ? AND folder = ?`,
  ).get(accountId, folder);
}

export function setFolderState(
  db: Db,
  accountId: number,
  folder: string,
  state: FolderState,
  now: string,
): void {
  cached(
    db,
    `INSERT INTO mail_folder_state (account_id, folder, uidvalidity, last_uid, highest_modseq, synced_at)
       VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (account_id, folder) DO UPDATE SET uidvalidity = excluded.uidvalidity,
       last_uid = excluded.last_uid, highest_modseq = excluded.highest_modseq, synced_at = excluded.synced_at`,
  ).run(accountId, folder, state.uidValidity, state.lastUid, state.highestModseq, now);
}

/**
 * UIDVALIDITY changed (the folder was recreated): its old UIDs name nothing now. The messages
 * stay (their interactions too); the rescan finds them again by their key.
 */
export function forgetFolder(db: Db, accountId: number, folder: string): void {
  cached(db, 'DELETE FROM mail_message_seen WHERE account_id = ? AND folder = ?').run(accountId, folder);
  cached(db, 'DELETE FROM mail_folder_state WHERE account_id = ? AND folder = ?').run(accountId, folder);
}

/** UIDs of this folder already taken in (an interrupted pass resumes past them). */
export function seenUids(db: Db, accountId: number, folder: string, uidValidity: string): Set<number> {
  return new Set(
    cached<[number, string, string], number>(
      db,
      'SELECT uid FROM mail_message_seen WHERE account_id = ? AND folder = ? AND uidvalidity = ?',
    )
      .pluck()
      .all(accountId, folder, uidValidity),
  );
}

// ——— messages ———

export function messageIdByKey(db: Db, key: string): number | undefined {
  return cached<[string], number>(db, 'SELECT id FROM mail_messages WHERE message_key = ?').pluck().get(key);
}

export interface MessageFields {
  key: string;
  threadKey: string;
  occurredAt: string;
  direction: 'inbound' | 'outbound';
  subject: string | null;
  recipients: number;
  /** Nothing for the engine to react to (no contact among its people). */
  reacted: boolean;
}

export function insertMessage(db: Db, m: MessageFields, now: string): number {
  return Number(
    cached(
      db,
      `INSERT INTO mail_messages (message_key, thread_key, occurred_at, direction, subject, recipients, reacted,
         first_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(m.key, m.threadKey, m.occurredAt, m.direction, m.subject, m.recipients, m.reacted ? 1 : 0, now)
      .lastInsertRowid,
  );
}

export function insertPerson(
  db: Db,
  p: {
    messageId: number;
    role: 'from' | 'to' | 'cc';
    address: string;
    name: string | null;
    /** The interaction this address made on a contact's timeline, if any. */
    interactionId: number | null;
  },
): void {
  cached(
    db,
    `INSERT OR IGNORE INTO mail_message_people (message_id, role, address, name, interaction_id)
       VALUES (?, ?, ?, ?, ?)`,
  ).run(p.messageId, p.role, p.address, p.name, p.interactionId);
}

export function insertSeen(
  db: Db,
  s: { accountId: number; folder: string; uidValidity: string; uid: number; messageId: number },
): void {
  cached(
    db,
    `INSERT OR IGNORE INTO mail_message_seen (account_id, folder, uidvalidity, uid, message_id)
       VALUES (?, ?, ?, ?, ?)`,
  ).run(s.accountId, s.folder, s.uidValidity, s.uid, s.messageId);
}

/** Messages the engine has not reacted to yet, oldest first (a reply after what it answers). */
export function messagesToReact(db: Db, limit: number): { id: number; interactionIds: number[] }[] {
  return cached<[number], { id: number; ids: string }>(
    db,
    `SELECT m.id, (SELECT json_group_array(p.interaction_id) FROM mail_message_people p
         WHERE p.message_id = m.id AND p.interaction_id IS NOT NULL) AS ids
       FROM mail_messages m WHERE m.reacted = 0 ORDER BY m.occurred_at, m.id LIMIT ?`,
  )
    .all(limit)
    .map((row) => ({ id: row.id, interactionIds: JSON.parse(row.ids) as number[] }));
}

export function markReacted(db: Db, messageId: number): void {
  cached(db, 'UPDATE mail_messages SET reacted = 1 WHERE id = ?').run(messageId);
}

/** Every contact e-mail address (stored lower-case), for the matcher. */
export function contactEmailRows(db: Db): { contactId: number; value: string }[] {
  return cached<[], { contactId: number; value: string }>(
    db,
    'SELECT contact_id AS contactId, value FROM contact_emails',
  ).all();
}

// ——— suggestions ———

export interface CorrespondentRow {
  address: string;
  name: string | null;
  threads: number;
  twoWayThreads: number;
  messages: number;
  firstSubject: string | null;
  firstAt: string;
  lastAt: string;
}

/**
 * Per address other than mine: threads, and threads where they wrote to me AND I wrote to them.
 * Only addresses in at least `minTwoWay` two-way threads, dismissed ones left out; whether they
 * are contacts is decided by the caller's matcher (plus-addressing is folded there).
 */
export function correspondents(db: Db, mine: readonly string[], minTwoWay: number): CorrespondentRow[] {
  // One pass of GROUP BYs over the exchanges; the name and first subject are looked up (by the
  // address index) only for the few who qualify.
  return cached<[string, number], CorrespondentRow>(
    db,
    `WITH theirs AS MATERIALIZED (
       SELECT p.address, m.id, m.thread_key, m.direction, m.occurred_at
         FROM mail_message_people p JOIN mail_messages m ON m.id = p.message_id
        WHERE ((m.direction = 'inbound' AND p.role = 'from') OR (m.direction = 'outbound' AND p.role <> 'from'))
          AND p.address NOT IN (SELECT value FROM json_each(?))
          AND p.address NOT IN (SELECT address FROM mail_dismissed_suggestions)
     ),
     per_thread AS (
       SELECT address, max(direction = 'inbound') AND max(direction = 'outbound') AS two_way
         FROM theirs GROUP BY address, thread_key
     ),
     counted AS (
       SELECT address, count(*) AS threads, sum(two_way) AS two_way_threads
         FROM per_thread GROUP BY address HAVING sum(two_way) >= ?
     ),
     totals AS (
       SELECT address, count(DISTINCT id) AS messages, min(occurred_at) AS first_at, max(occurred_at) AS last_at
         FROM theirs WHERE address IN (SELECT address FROM counted) GROUP BY address
     )
     SELECT c.address, c.threads, c.two_way_threads AS twoWayThreads, t.messages, t.first_at AS firstAt,
            t.last_at AS lastAt,
            (SELECT p.name FROM mail_message_people p JOIN mail_messages m ON m.id = p.message_id
              WHERE p.address = c.address AND p.name IS NOT NULL ORDER BY m.occurred_at DESC LIMIT 1) AS name,
            (SELECT m.subject FROM mail_message_people p JOIN mail_messages m ON m.id = p.message_id
              WHERE p.address = c.address ORDER BY m.occurred_at, m.id LIMIT 1) AS firstSubject
       FROM counted c JOIN totals t ON t.address = c.address
      ORDER BY c.two_way_threads DESC, t.last_at DESC`,
  ).all(JSON.stringify(mine), minTwoWay);
}

export function dismissSuggestion(db: Db, address: string, now: string): boolean {
  return (
    cached(
      db,
      'INSERT INTO mail_dismissed_suggestions (address, dismissed_at) VALUES (?, ?) ON CONFLICT DO NOTHING',
    ).run(address, now).changes > 0
  );
}

/** Every address any account says is mine (its user name when it is an address, and its aliases). */
export function myAddressesOfAllAccounts(db: Db): string[] {
  const out = new Set<string>();
  for (const account of listAccounts(db)) {
    if (account.user.includes('@')) out.add(account.user.toLowerCase());
    for (const a of account.myAddresses) out.add(a);
  }
  return [...out];
}

/** Another server or login: its UIDs and positions say nothing about the new one. */
export function forgetAccountPositions(db: Db, accountId: number): void {
  cached(db, 'DELETE FROM mail_message_seen WHERE account_id = ?').run(accountId);
  cached(db, 'DELETE FROM mail_folder_state WHERE account_id = ?').run(accountId);
}

/**
 * After a restore: no account keeps a password command that came from the backup file. A backup
 * is data, and a crafted one must not decide which program the next sync runs; the user gives
 * the command again (mail accounts update …), and until then the account says so.
 */
export function disarmPasswordCommands(db: Db, now: string): number {
  return cached(
    db,
    `UPDATE mail_accounts SET credential = '{"kind":"safe-storage"}', updated_at = ?,
       last_error = 'Restored from a backup: give its password command again (a backup never decides what program the app runs).'
     WHERE json_extract(credential, '$.kind') = 'command'`,
  ).run(now).changes;
}
