import type { ImapFlow, ListResponse } from 'imapflow';
import type { ProgressPayload } from '../../shared/api/pushes.ts';
import type { MailAccount, MailSyncResult } from '../../shared/domain/mail.ts';
import type { WriteGate } from '../core/write-gate.ts';
import type { EngineDeps } from '../followups/engine-context.ts';
import {
  forgetFolder,
  getFolderState,
  myAddressesOfAllAccounts,
  seenUids,
  setAccountOutcome,
  setFolderState,
} from '../store/mail-store.ts';
import { writeTransaction } from '../store/transaction.ts';
import type { CredentialProvider } from './credentials.ts';
import { FETCH_QUERY, headersOfFetched, receivedAtOf } from './fetched-headers.ts';
import { connectAccount, describeImapError } from './imap-connection.ts';
import { createMailIngest, type IngestMessage, type MailIngest, type RecordCounts } from './ingest.ts';
import { MailError } from './mail-error.ts';

export interface SyncDeps extends EngineDeps {
  credentials: CredentialProvider;
  /** Progress of long work, for the window (the change bus's progress event). */
  progress?: (payload: ProgressPayload) => void;
  /** Tests: a smaller chunk shows the resume after a drop between chunks. */
  chunkSize?: number;
  /**
   * An import holds one transaction across its chunks: a write of ours in between would join it
   * (and be rolled back with it). Every write here waits until no such section runs.
   */
  gate?: Pick<WriteGate, 'idle'>;
}

/** A write transaction, once no long write of this process is in the middle of its own. */
async function write<T>(deps: SyncDeps, fn: () => T): Promise<T> {
  await deps.gate?.idle();
  return writeTransaction(deps.db, fn);
}

/**
 * UIDs fetched per FETCH and written per transaction: big enough to be quick, small enough to
 * commit often. At 250 a first sync of 20,000 messages
 * into the 50,000-contact bench took ~8.7 s, at 1,000 ~6.4 s: every commit re-indexes the
 * chunk's contacts for search (a contact written to in four chunks was re-indexed four times) and
 * checkpoints the WAL more often.
 */
const CHUNK = 1000;

export interface WatchedFolder {
  path: string;
  /** RFC 6154 \Sent: what is in it is mine. */
  sent: boolean;
}

/**
 * One sync pass over the given accounts: new headers from each watched folder, incremental by
 * UID under the folder's UIDVALIDITY, then the engine's reactions in date order across all of
 * them. Each chunk is written with the folder's new position in one transaction, so a pass cut
 * anywhere (the server gone mid-FETCH, the app closed) resumes where it was, losing nothing and
 * repeating nothing. An account that fails is reported in words and the others go on.
 */
export async function syncAccounts(
  deps: SyncDeps,
  accounts: readonly MailAccount[],
): Promise<MailSyncResult> {
  const ingest = createMailIngest(deps, {
    myAddresses: myAddressesOfAllAccounts(deps.db),
    ...(deps.gate ? { gate: deps.gate } : {}),
  });
  const result: MailSyncResult = {
    accounts: [],
    messages: 0,
    matched: 0,
    interactions: 0,
    replies: 0,
    stepsCompleted: 0,
    nudgesCancelled: 0,
  };
  const add = (counts: RecordCounts) => {
    result.messages += counts.messages;
    result.matched += counts.matched;
    result.interactions += counts.interactions;
  };
  for (const account of accounts) {
    const before = result.messages;
    let folders = 0;
    let error: string | null = null;
    try {
      folders = await syncAccount(deps, account, ingest, add);
    } catch (caught) {
      error = (caught instanceof MailError ? caught : describeImapError(account, caught, null)).message;
    }
    await write(deps, () => setAccountOutcome(deps.db, account.id, deps.clock().toISOString(), error));
    result.accounts.push({ name: account.name, folders, messages: result.messages - before, error });
  }
  // What was recorded is true even when a later account failed: its reactions are not held back.
  const reactions = await ingest.react();
  result.replies = reactions.replies;
  result.stepsCompleted = reactions.stepsCompleted;
  result.nudgesCancelled = reactions.nudgesCancelled;
  if (accounts.length > 0)
    deps.progress?.({ task: 'mail-sync', phase: 'done', done: result.messages, total: result.messages });
  return result;
}

async function syncAccount(
  deps: SyncDeps,
  account: MailAccount,
  ingest: MailIngest,
  add: (counts: RecordCounts) => void,
): Promise<number> {
  const client = await connectAccount(account, deps.credentials);
  try {
    const folders = watchedFolders(await client.list(), account);
    for (const folder of folders) await syncFolder(deps, client, account, folder, ingest, add);
    return folders.length;
  } catch (error) {
    throw describeImapError(account, error, null);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** The account's folders, or INBOX and every folder flagged \Sent. A named folder must exist. */
export function watchedFolders(
  list: readonly ListResponse[],
  account: Pick<MailAccount, 'name' | 'folders'>,
): WatchedFolder[] {
  const byPath = new Map(list.map((m) => [m.path, m]));
  if (account.folders) {
    return account.folders.map((path) => {
      const box = byPath.get(path) ?? list.find((m) => m.path.toLowerCase() === path.toLowerCase());
      if (!box) {
        throw new MailError(
          'server',
          `Mail account "${account.name}": there is no folder "${path}" on the server (it has ${list.map((m) => m.path).join(', ')}).`,
        );
      }
      return { path: box.path, sent: box.specialUse === '\\Sent' };
    });
  }
  const inbox = list.find((m) => m.specialUse === '\\Inbox' || m.path.toUpperCase() === 'INBOX');
  return [
    ...(inbox ? [{ path: inbox.path, sent: false }] : []),
    ...list.filter((m) => m.specialUse === '\\Sent').map((m) => ({ path: m.path, sent: true })),
  ];
}

async function syncFolder(
  deps: SyncDeps,
  client: ImapFlow,
  account: MailAccount,
  folder: WatchedFolder,
  ingest: MailIngest,
  add: (counts: RecordCounts) => void,
): Promise<void> {
  const { db } = deps;
  const lock = await client.getMailboxLock(folder.path, { readOnly: true });
  try {
    const box = client.mailbox;
    if (!box)
      throw new MailError(
        'server',
        `Mail account "${account.name}": the folder "${folder.path}" could not be opened.`,
      );
    const uidValidity = String(box.uidValidity);
    const modseq = box.highestModseq === undefined ? null : String(box.highestModseq);
    const nowIso = () => deps.clock().toISOString();
    let state = getFolderState(db, account.id, folder.path);
    if (state && state.uidValidity !== uidValidity) {
      // RFC 3501 §2.3.1.1: the old UIDs mean nothing now. Rescan; messages already kept are
      // found again by their Message-ID, so nothing doubles.
      await write(deps, () => forgetFolder(db, account.id, folder.path));
      state = undefined;
    }
    if (state && box.uidNext <= state.lastUid + 1) {
      // Nothing new (with CONDSTORE the mod-sequence says so too); only the position is noted.
      if (modseq !== state.highestModseq) {
        const unchanged = { ...state, highestModseq: modseq };
        await write(deps, () => setFolderState(db, account.id, folder.path, unchanged, nowIso()));
      }
      return;
    }
    const uids = await newUids(client, state?.lastUid ?? null, lookBackSince(deps));
    const seen = seenUids(db, account.id, folder.path, uidValidity);
    const todo = uids.filter((u) => !seen.has(u)).sort((a, b) => a - b);
    let lastUid = state?.lastUid ?? 0;
    const size = deps.chunkSize ?? CHUNK;
    deps.progress?.({ task: 'mail-sync', phase: 'reading', done: 0, total: todo.length });
    for (let i = 0; i < todo.length; i += size) {
      const chunk = todo.slice(i, i + size);
      const fetched = await client.fetchAll(uidSet(chunk), FETCH_QUERY, { uid: true });
      const messages: IngestMessage[] = fetched.map((m) => ({
        headers: headersOfFetched(m),
        seen: { accountId: account.id, folder: folder.path, uidValidity, uid: m.uid },
        inSentFolder: folder.sent,
        receivedAt: receivedAtOf(m),
      }));
      lastUid = Math.max(lastUid, ...chunk);
      const position = { uidValidity, lastUid, highestModseq: state?.highestModseq ?? null };
      await write(deps, () => {
        add(ingest.record(messages));
        setFolderState(db, account.id, folder.path, position, nowIso());
      });
      deps.progress?.({
        task: 'mail-sync',
        phase: 'reading',
        done: Math.min(i + size, todo.length),
        total: todo.length,
      });
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // Everything below UIDNEXT as the folder was opened is now known (older than the window on
    // a first pass deliberately so); the mod-sequence is only recorded once all is in.
    const done = { uidValidity, lastUid: Math.max(lastUid, box.uidNext - 1), highestModseq: modseq };
    await write(deps, () => setFolderState(db, account.id, folder.path, done, nowIso()));
  } finally {
    lock.release();
  }
}

/**
 * Sorted UIDs as an IMAP set, runs written as ranges ("4:1003,1005"): a thousand UIDs listed one
 * by one would pass the 8,192 octets RFC 7162 §4 asks clients to keep a command line within.
 */
export function uidSet(sorted: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    const start = sorted[i] as number;
    let end = start;
    while (i + 1 < sorted.length && sorted[i + 1] === end + 1) end = sorted[++i] as number;
    parts.push(start === end ? String(start) : `${start}:${end}`);
    i++;
  }
  return parts.join(',');
}

/** New UIDs: past the last one taken in, or (first pass) those received within the window. */
async function newUids(client: ImapFlow, lastUid: number | null, since: Date): Promise<number[]> {
  const found =
    lastUid === null
      ? await client.search({ since }, { uid: true })
      : await client.search({ uid: `${lastUid + 1}:*` }, { uid: true });
  if (!found) return [];
  // "n:*" always matches the highest UID, even below n (RFC 3501 §6.4.8): drop what is known.
  return lastUid === null ? found : found.filter((u) => u > lastUid);
}

function lookBackSince(deps: SyncDeps): Date {
  const since = new Date(deps.clock());
  since.setUTCMonth(since.getUTCMonth() - deps.settings.get().mail.lookBackMonths);
  return since;
}
