import { describe, expect, it } from 'vitest';
import { generateContacts, generateEvents, type NetworkSpec } from '../../src/main/seed/synthetic-network.ts';
import { ContactDraft } from '../../src/shared/domain/contact.ts';

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
