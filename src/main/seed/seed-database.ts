import { insertContact } from '../store/contacts-store.ts';
import type { Db } from '../store/database.ts';
import { insertEvent } from '../store/events-store.ts';
import { insertInteraction } from '../store/interactions-store.ts';
import { reindexAll } from '../store/search-index.ts';
import { generateContacts, generateEvents, type NetworkSpec } from './synthetic-network.ts';

export interface SeedResult {
  events: number;
  contacts: number;
  interactions: number;
}

/**
 * Writes a synthetic network in one transaction (all or nothing) and builds the search index
 * once at the end, which is far faster than indexing contact by contact.
 */
export function seedDatabase(
  db: Db,
  spec: NetworkSpec,
  onProgress: (done: number, total: number) => void = () => {},
): SeedResult {
  const now = spec.now.toISOString();
  return db
    .transaction(() => {
      const events = generateEvents(spec);
      const eventIds = events.map((e) => insertEvent(db, { ...e, notes: null }, now));
      let contacts = 0;
      let interactions = 0;
      for (const c of generateContacts(spec, events)) {
        const metEventId = c.eventIndex === null ? null : (eventIds[c.eventIndex] ?? null);
        const id = insertContact(db, { ...c.draft, metEventId }, now, { index: false });
        for (const i of c.interactions) {
          insertInteraction(db, { contactId: id, ...i }, now, { index: false });
          interactions++;
        }
        contacts++;
        if (contacts % 1000 === 0) onProgress(contacts, spec.contacts);
      }
      reindexAll(db);
      onProgress(contacts, spec.contacts);
      return { events: events.length, contacts, interactions };
    })
    .immediate();
}
