import {
  enqueue,
  forgetSyncObject,
  serverCopyChanged,
  setCalendarReadState,
  syncObjects,
} from '../store/sync-store.ts';
import { writeTransaction } from '../store/transaction.ts';
import { applyMove } from './calendar-moves.ts';
import type { CalendarPass } from './calendar-pass.ts';
import { hrefPath, readChanges, readObjects } from './calendar-read.ts';

/**
 * Reads what changed in the calendar since the last pass. For each of our events edited there:
 * a move reschedules the step; whatever else was edited is overwritten by the app's version
 * (queued here, pushed with If-Match on the ETag just read). An event deleted there is made again.
 * Events the user added to this calendar themselves are left alone. Returns how many were read.
 */
export async function pullCalendar(pass: CalendarPass): Promise<number> {
  const { db, account, session } = pass;
  const url = account.calendarUrl;
  const byPath = new Map(syncObjects(db, account.id).map((o) => [hrefPath(o.href, url), o]));
  const known = new Map([...byPath].map(([path, o]) => [path, o.etag]));
  const changes = await readChanges(
    session,
    url,
    { syncToken: account.calendarSyncToken, ctag: account.calendarCtag },
    known,
    pass.readMode,
  );
  // Our own pushes come back with the ETag we stored: nothing to read.
  const edited = changes.changed.filter((c) => {
    const mine = byPath.get(c.path);
    return mine !== undefined && (c.etag === null || mine.etag !== c.etag);
  });
  const read = await readObjects(
    session,
    url,
    edited.map((c) => c.path),
  );
  for (const object of read) {
    const mine = byPath.get(object.path);
    if (!mine) continue;
    applyMove(pass, mine, object.data);
    writeTransaction(db, () => {
      serverCopyChanged(db, account.id, mine.kind, mine.entityId, object.etag);
      enqueue(db, account.id, [mine]);
    });
  }
  let deleted = 0;
  writeTransaction(db, () => {
    for (const path of changes.deleted) {
      const mine = byPath.get(path);
      if (!mine) continue;
      forgetSyncObject(db, account.id, mine.kind, mine.entityId);
      enqueue(db, account.id, [mine]);
      deleted += 1;
    }
    setCalendarReadState(db, account.id, changes.state);
  });
  return read.length + deleted;
}
