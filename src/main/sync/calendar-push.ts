import { createCalendarObject, deleteCalendarObject, updateCalendarObject } from 'tsdav';
import {
  forgetSyncObject,
  type OutboxRow,
  outboxDone,
  outboxFailed,
  outboxInOrder,
  pendingCount,
  type SyncObject,
  saveSyncObject,
  syncObject,
} from '../store/sync-store.ts';
import { writeTransaction } from '../store/transaction.ts';
import { applyMove } from './calendar-moves.ts';
import { itemFilename, itemHash, itemKey } from './calendar-objects.ts';
import type { CalendarPass } from './calendar-pass.ts';
import { SyncError, statusWords } from './sync-error.ts';

/** After this many 412s in a row for one object something else keeps writing it: try next pass. */
const CONFLICT_ROUNDS = 3;
const BATCH = 200;

/**
 * Pushes the outbox in order. Each change is pushed as the object's state now (a step changed
 * three times goes once, as it is), and its row goes in the same transaction that records the
 * server's answer, so a crash at any point leaves the change queued. Repeating a push is safe:
 * the href comes from the UID, so a create repeated after the server had taken it meets 412 and
 * becomes an update of that same object, never a second one.
 *
 * A transient failure (5xx, a timeout, a cut connection) is retried with backoff; if it persists
 * the pass stops there, so later changes never overtake it, and the error is kept in words. Any
 * other refusal is kept on its row, and the pass goes on with the next object.
 */
export async function pushOutbox(pass: CalendarPass): Promise<number> {
  let pushed = 0;
  let after = 0;
  // Counted as it starts; a change queued meanwhile is pushed too (the count grows to it).
  const total = pendingCount(pass.db, pass.account.id);
  let seen = 0;
  if (total > 0) pass.progress?.('calendar', 'writing', 0, total);
  for (;;) {
    const rows = outboxInOrder(pass.db, pass.account.id, after, BATCH);
    if (rows.length === 0) return pushed;
    for (const row of rows) {
      after = row.seq;
      const outcome = await withRetries(pass, row);
      if (outcome === 'stop') return pushed;
      if (outcome === 'pushed') pushed += 1;
      pass.progress?.('calendar', 'writing', ++seen, total);
    }
  }
}

type Outcome = 'pushed' | 'unchanged' | 'failed' | 'stop';

async function withRetries(pass: CalendarPass, row: OutboxRow): Promise<Outcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await pushOne(pass, row);
    } catch (error) {
      const failure =
        error instanceof SyncError
          ? error
          : new SyncError('refused', String((error as Error)?.message ?? error), false);
      if (failure.transient && attempt < pass.retry.retries) {
        await pass.retry.sleep(pass.retry.backoffMs * 2 ** attempt);
        continue;
      }
      const wait = pass.retry.backoffMs * 2 ** (row.attempts + attempt + 1);
      writeTransaction(pass.db, () =>
        outboxFailed(pass.db, row.seq, failure.message, new Date(pass.now().getTime() + wait).toISOString()),
      );
      pass.errors.push(failure.message);
      return failure.transient ? 'stop' : 'failed';
    }
  }
}

async function pushOne(pass: CalendarPass, row: OutboxRow): Promise<Outcome> {
  const { db, account } = pass;
  const item = pass.planned().get(itemKey(row.kind, row.entityId));
  let object = syncObject(db, account.id, row.kind, row.entityId);
  if (!item) {
    if (!object) {
      writeTransaction(db, () => outboxDone(db, row.seq));
      return 'unchanged';
    }
    return removeObject(pass, row, object);
  }
  const hash = itemHash(item);
  if (object?.etag && object.pushedHash === hash) {
    writeTransaction(db, () => outboxDone(db, row.seq));
    return 'unchanged';
  }
  const filename = itemFilename(item.kind, item.entityId);
  const href = object?.href ?? new URL(filename, account.calendarUrl).href;
  const record = (
    etag: string | null,
    pushed: { start: string | null; hash: string | null },
  ): SyncObject => ({
    kind: item.kind,
    entityId: item.entityId,
    href,
    etag,
    pushedStart: pushed.start,
    pushedHash: pushed.hash,
  });
  for (let round = 0; round < CONFLICT_ROUNDS; round++) {
    const data = item.render(pass.now());
    const answer = object?.etag
      ? await updateCalendarObject({
          calendarObject: { url: href, etag: object.etag, data },
          headers: pass.session.headers,
          fetch: pass.session.fetch,
        })
      : await createCalendarObject({
          calendar: { url: account.calendarUrl },
          filename,
          iCalString: data,
          headers: pass.session.headers,
          fetch: pass.session.fetch,
        });
    if (answer.ok) {
      const etag = answer.headers.get('etag') ?? (await currentCopy(pass, href))?.etag ?? null;
      writeTransaction(db, () => {
        saveSyncObject(db, account.id, record(etag, { start: item.start, hash }), pass.now().toISOString());
        outboxDone(db, row.seq);
      });
      return 'pushed';
    }
    if (answer.status !== 412 && !(answer.status === 404 && object?.etag)) {
      throw statusWords(answer.status, 'saving a follow-up in the calendar', href);
    }
    // 412: the server's copy is not the one we last saw (edited there, or our own earlier create
    // whose answer was lost). Read it again: a move is taken in (and queued anew); otherwise the
    // app's version goes over it with If-Match on the ETag just read.
    const server = await currentCopy(pass, href);
    if (!server) {
      if (object) writeTransaction(db, () => forgetSyncObject(db, account.id, item.kind, item.entityId));
      object = undefined;
      continue;
    }
    if (object && applyMove(pass, object, server.data)) {
      const moved = { ...object, etag: server.etag };
      writeTransaction(db, () => saveSyncObject(db, account.id, moved, pass.now().toISOString()));
      return 'unchanged';
    }
    object = record(server.etag, { start: object?.pushedStart ?? null, hash: null });
    const known = object;
    writeTransaction(db, () => saveSyncObject(db, account.id, known, pass.now().toISOString()));
  }
  throw new SyncError(
    'server',
    `the calendar kept changing an event while it was saved (${href}); it will be retried`,
  );
}

async function removeObject(pass: CalendarPass, row: OutboxRow, found: SyncObject): Promise<Outcome> {
  const { db, account } = pass;
  let object = found;
  for (let round = 0; round < CONFLICT_ROUNDS; round++) {
    const answer = await deleteCalendarObject({
      calendarObject: { url: object.href, etag: object.etag ?? undefined },
      headers: pass.session.headers,
      fetch: pass.session.fetch,
    });
    if (answer.ok || answer.status === 404 || answer.status === 410) {
      writeTransaction(db, () => {
        forgetSyncObject(db, account.id, object.kind, object.entityId);
        outboxDone(db, row.seq);
      });
      return 'pushed';
    }
    if (answer.status !== 412)
      throw statusWords(answer.status, 'removing an event from the calendar', object.href);
    const server = await currentCopy(pass, object.href);
    object = { ...object, etag: server?.etag ?? null };
  }
  throw new SyncError('server', `the calendar kept changing an event while it was removed (${object.href})`);
}

/** The server's copy now (a plain GET: multiget fails whole on a missing member), or null if gone. */
async function currentCopy(
  pass: CalendarPass,
  href: string,
): Promise<{ etag: string | null; data: string } | null> {
  const answer = await pass.session.fetch(href, { headers: pass.session.headers });
  if (answer.status === 404 || answer.status === 410) return null;
  if (!answer.ok) throw statusWords(answer.status, 'reading a follow-up back from the calendar', href);
  return { etag: answer.headers.get('etag'), data: await answer.text() };
}
