import { insertContact } from '../store/contacts-store.ts';
import type { Db } from '../store/database.ts';
import { insertEvent } from '../store/events-store.ts';
import { insertInteraction } from '../store/interactions-store.ts';
import { reindexAll } from '../store/search-index.ts';
import { writeTransaction } from '../store/transaction.ts';
import { generateContacts, generateEvents, type NetworkSpec } from './synthetic-network.ts';

export interface SeedResult {
  events: number;
  contacts: number;
  interactions: number;
}

/** Met within this many days: the follow-up engine plans a refresher for them. */
const RECENT_DAYS = 14;

/**
 * Writes a synthetic network in one transaction (all or nothing) and builds the search index
 * once at the end, which is far faster than indexing contact by contact. Then hands the
 * contacts the follow-up engine has work for (a cadence, or met recently) to `planFollowUps`.
 */
export function seedDatabase(
  db: Db,
  spec: NetworkSpec,
  onProgress: (done: number, total: number) => void = () => {},
  planFollowUps: (contactId: number) => void = () => {},
): SeedResult {
  const now = spec.now.toISOString();
  const recent = new Date(spec.now.getTime() - RECENT_DAYS * 86_400_000).toISOString().slice(0, 10);
  return writeTransaction(db, () => {
    const events = generateEvents(spec);
    const eventIds = events.map((e) => insertEvent(db, { ...e, notes: null }, now));
    let contacts = 0;
    let interactions = 0;
    const toPlan: number[] = [];
    for (const c of generateContacts(spec, events)) {
      const metEventId = c.eventIndex === null ? null : (eventIds[c.eventIndex] ?? null);
      const id = insertContact(db, { ...c.draft, metEventId }, now, { index: false });
      for (const i of c.interactions) {
        insertInteraction(db, { contactId: id, ...i }, now, { index: false });
        interactions++;
      }
      if (c.draft.cadenceDays || (c.draft.metOn && c.draft.metOn >= recent)) toPlan.push(id);
      contacts++;
      if (contacts % 1000 === 0) onProgress(contacts, spec.contacts);
    }
    reindexAll(db);
    if (contacts % 1000 !== 0) onProgress(contacts, spec.contacts);
    for (const id of toPlan) planFollowUps(id);
    return { events: events.length, contacts, interactions };
  });
}
