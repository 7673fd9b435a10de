import { createFollowUpEngine } from '../followups/engine.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import { insertContact } from '../store/contacts-store.ts';
import type { Db } from '../store/database.ts';
import { insertEvent } from '../store/events-store.ts';
import { insertInteraction } from '../store/interactions-store.ts';
import { reindexAll } from '../store/search-index.ts';
import { writeTransaction } from '../store/transaction.ts';
import {
  generateContacts,
  generateEvents,
  type NetworkSpec,
  type SyntheticInteraction,
} from './synthetic-network.ts';

export interface SeedResult {
  events: number;
  contacts: number;
  interactions: number;
}

/** One thing that happened in the synthetic history: someone captured, or an interaction. */
interface HistoryEntry {
  at: number;
  contactId: number;
  interaction: SyntheticInteraction | null;
}

/**
 * Writes a synthetic network in one transaction (all or nothing) and builds the search index
 * once at the end, which is far faster than indexing contact by contact.
 *
 * With `history`, its follow-up plans come from its history the way real use makes them: the
 * app has been in use for the last six months, and the engine runs over that time in order,
 * with its clock at each moment. People met earlier are in the book when use begins, with
 * their timeline so far; people met since are captured on the day you met (so a refresher is
 * planned); every later interaction is logged when it happened (a message out answers the open
 * nudge or starts waiting for a reply, a reply cancels nudges, any contact resets
 * keep-in-touch), and steps nobody acted on expire as they would. Planning everyone at "now"
 * from their meeting date alone asked to re-engage people with eight logged interactions.
 */
export function seedDatabase(
  db: Db,
  spec: NetworkSpec,
  onProgress: (done: number, total: number) => void = () => {},
  history?: { settings: Pick<SettingsStore, 'get'> },
): SeedResult {
  const now = spec.now.toISOString();
  const useBegan = spec.now.getTime() - IN_USE_DAYS * 86_400_000;
  return writeTransaction(db, () => {
    const events = generateEvents(spec);
    const eventIds = events.map((e) => insertEvent(db, { ...e, notes: null }, now));
    let contacts = 0;
    let interactions = 0;
    const timeline: HistoryEntry[] = [];
    for (const c of generateContacts(spec, events)) {
      const metEventId = c.eventIndex === null ? null : (eventIds[c.eventIndex] ?? null);
      const id = insertContact(db, { ...c.draft, metEventId }, now, { index: false });
      // Entered in the app from here on; what happened before is already on their timeline.
      const captured = history && c.draft.metOn ? captureTime(c.draft.metOn, useBegan, spec.now) : null;
      if (captured !== null) timeline.push({ at: captured, contactId: id, interaction: null });
      for (const i of c.interactions) {
        const at = Date.parse(i.occurredAt);
        if (captured !== null && at >= captured) timeline.push({ at, contactId: id, interaction: i });
        else insertInteraction(db, { contactId: id, ...i }, history ? i.occurredAt : now, { index: false });
      }
      interactions += c.interactions.length;
      contacts++;
      if (contacts % 1000 === 0) onProgress(contacts, spec.contacts);
    }
    if (history) replay(db, timeline, spec.now, history.settings);
    reindexAll(db);
    if (contacts % 1000 !== 0) onProgress(contacts, spec.contacts);
    return { events: events.length, contacts, interactions };
  });
}

/**
 * How long the seeded network has been planned by the app. Older history only shapes the plans
 * through what it leaves (last interactions, who was never written to): a step expires 60 days
 * after it falls due, so replaying two years would cost three times as long for the same plans.
 */
const IN_USE_DAYS = 180;

/** Captured on the day you met, at noon UTC (interactions come at that moment or later), or when use began. */
function captureTime(metOn: string, useBegan: number, now: Date): number {
  return Math.min(Math.max(Date.parse(`${metOn}T12:00:00Z`), useBegan), now.getTime());
}

function replay(db: Db, timeline: HistoryEntry[], now: Date, settings: Pick<SettingsStore, 'get'>): void {
  // In time order; at one moment a capture comes before what happened after meeting.
  timeline.sort((a, b) => a.at - b.at || (a.interaction ? 1 : 0) - (b.interaction ? 1 : 0));
  let at = 0;
  // The settings as they are now, read once: re-reading them for each of ~300,000 steps costs.
  const snapshot = settings.get();
  const engine = createFollowUpEngine({
    db,
    clock: () => new Date(at),
    settings: {
      get: () => snapshot,
      update: () => {
        throw new Error('The seed does not change settings.');
      },
    },
  });
  for (const entry of timeline) {
    at = entry.at;
    const when = new Date(at).toISOString();
    if (!entry.interaction) {
      engine.afterContactCreated(entry.contactId);
      continue;
    }
    const fields = { contactId: entry.contactId, ...entry.interaction };
    const id = insertInteraction(db, fields, when, { index: false });
    engine.afterInteractionLogged({ id, ...fields, createdAt: when });
  }
  // Up to now: what waited past its deadline ends, what nobody acted on for long expires.
  at = now.getTime();
  engine.replan();
}
