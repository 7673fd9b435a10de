import { afterEach, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../src/main/seed/seed-database.ts';
import { generateContacts, generateEvents, type NetworkSpec } from '../../src/main/seed/synthetic-network.ts';
import { ContactDraft } from '../../src/shared/domain/contact.ts';
import { openTempApp, type TempApp } from '../helpers/temp-app.ts';

const spec: NetworkSpec = {
  contacts: 300,
  interactionsPerContact: 5,
  seed: 3,
  now: new Date('2026-06-01T08:00:00Z'),
};

describe('synthetic network', () => {
  it('is the same network for the same seed', () => {
    const a = [...generateContacts(spec, generateEvents(spec))];
    const b = [...generateContacts(spec, generateEvents(spec))];
    expect(a).toEqual(b);
    expect([...generateContacts({ ...spec, seed: 4 }, generateEvents(spec))]).not.toEqual(a);
  });

  it('produces contacts that pass the API schema, with interactions between meeting and now', () => {
    const events = generateEvents(spec);
    let interactions = 0;
    for (const c of generateContacts(spec, events)) {
      expect(ContactDraft.safeParse(c.draft).success, JSON.stringify(c.draft)).toBe(true);
      for (const i of c.interactions) {
        expect(Date.parse(i.occurredAt)).toBeLessThanOrEqual(spec.now.getTime());
        expect(i.occurredAt.slice(0, 10) >= (c.draft.metOn ?? '')).toBe(true);
        interactions++;
      }
    }
    // About five per contact on average, as the bench assumes.
    expect(interactions / spec.contacts).toBeGreaterThan(4);
    expect(interactions / spec.contacts).toBeLessThan(6);
  });
});

describe('a seeded network’s plans follow from its history', () => {
  const NOW = '2026-06-01T08:00:00.000Z';
  let app: TempApp | undefined;
  afterEach(() => app?.cleanup());

  const seed = (seedNumber: number) => {
    app?.cleanup();
    app = openTempApp(NOW, { timeZone: 'Europe/Berlin', followUpHour: 9, workingDays: [1, 2, 3, 4, 5] });
    seedDatabase(app.context.db, { ...spec, contacts: 400, seed: seedNumber }, () => {}, {
      settings: app.context.settings,
    });
    return app.context.db;
  };

  it('never asks to reconnect or send a refresher to someone followed up since meeting', () => {
    for (const seedNumber of [3, 11]) {
      const db = seed(seedNumber);
      const wrong = db
        .prepare(
          `SELECT f.id, c.display_name, f.purpose,
             (SELECT count(*) FROM interactions i WHERE i.contact_id = c.id) AS interactions
           FROM followups f JOIN contacts c ON c.id = f.contact_id
           WHERE f.status IN ('pending', 'snoozed') AND f.purpose IN ('reengage', 'refresher')
             AND EXISTS (SELECT 1 FROM interactions i WHERE i.contact_id = c.id AND i.occurred_at >= c.met_on
                         AND (i.direction = 'outbound' OR i.channel IN ('call', 'meeting', 'in_person')))`,
        )
        .all();
      expect(wrong, `seed ${seedNumber}`).toEqual([]);
    }
  });

  it('waits for a reply only after a message out, and a reply since cancels the wait', () => {
    const db = seed(5);
    const seconds = db
      .prepare(
        `SELECT f.id, f.contact_id AS contactId, f.created_at AS createdAt FROM followups f
         WHERE f.status IN ('pending', 'snoozed') AND f.purpose = 'second'`,
      )
      .all() as { id: number; contactId: number; createdAt: string }[];
    expect(seconds.length).toBeGreaterThan(0);
    for (const s of seconds) {
      const timeline = db
        .prepare(
          'SELECT occurred_at AS at, channel, direction FROM interactions WHERE contact_id = ? ORDER BY occurred_at',
        )
        .all(s.contactId) as { at: string; channel: string; direction: string }[];
      const lastOut = timeline.filter((i) => i.direction === 'outbound' && i.at <= s.createdAt).at(-1);
      expect(lastOut, `step ${s.id}: a message went out before it was planned`).toBeDefined();
      const replies = timeline.filter(
        (i) =>
          i.at > lastOut!.at &&
          (i.direction === 'inbound' || ['call', 'meeting', 'in_person'].includes(i.channel)),
      );
      expect(replies, `step ${s.id}: no reply since the message`).toEqual([]);
    }
  });

  it('keeps one check-in per rhythm, nothing stale, and the same plans for the same seed', () => {
    const db = seed(7);
    const plans = () =>
      db
        .prepare(
          'SELECT contact_id, purpose, due_on, status FROM followups ORDER BY contact_id, purpose, due_on, status',
        )
        .all();
    const first = plans();
    const rhythms = db
      .prepare(
        `SELECT c.id, (SELECT count(*) FROM followups f WHERE f.contact_id = c.id AND f.purpose = 'check_in'
                       AND f.status IN ('pending', 'snoozed')) AS open
         FROM contacts c WHERE c.cadence_days IS NOT NULL`,
      )
      .all() as { id: number; open: number }[];
    expect(rhythms.length).toBeGreaterThan(20);
    expect(rhythms.filter((r) => r.open > 1)).toEqual([]);
    expect(rhythms.filter((r) => r.open === 1).length / rhythms.length).toBeGreaterThan(0.9);
    const staleBefore = new Date(Date.parse(NOW) - 60 * 86_400_000).toISOString();
    expect(
      db
        .prepare("SELECT count(*) FROM followups WHERE status IN ('pending', 'snoozed') AND due_at < ?")
        .pluck()
        .get(staleBefore),
    ).toBe(0);
    // Nothing was planned before the person was met, nor in the future of the history.
    expect(
      db
        .prepare(
          'SELECT count(*) FROM followups f JOIN contacts c ON c.id = f.contact_id WHERE f.due_on < c.met_on OR f.created_at > ?',
        )
        .pluck()
        .get(NOW),
    ).toBe(0);
    expect(plans()).toEqual(first);
    seed(7);
    expect(
      app!.context.db
        .prepare(
          'SELECT contact_id, purpose, due_on, status FROM followups ORDER BY contact_id, purpose, due_on, status',
        )
        .all(),
    ).toEqual(first);
  });
});
