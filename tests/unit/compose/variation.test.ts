import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftFor, variantKey } from '../../../src/main/compose/draft.ts';
import { chooseVariant } from '../../../src/main/compose/variant.ts';
import { COMPOSE_CHANNELS, type ComposeTemplate } from '../../../src/shared/domain/compose.ts';
import { PURPOSES } from '../../../src/shared/domain/followup.ts';
import { draftContext } from './draft-fixture.ts';

const FIRST_NAMES = [
  'Ada',
  'Björn',
  'Chen',
  'Dmitri',
  'Elena',
  'Fatima',
  'Hiroshi',
  'Ingrid',
  'Kofi',
  'Laila',
];

// The text without the person's name, so "distinct" means a different wording, not a different name.
const wording = (body: string, name: string) => body.replaceAll(name, 'NAME');

describe('variation', () => {
  it('ten contacts met at one event get at least three different wordings', () => {
    for (const purpose of PURPOSES)
      for (const channel of COMPOSE_CHANNELS) {
        const usedToday: number[] = [];
        const bodies = new Set<string>();
        FIRST_NAMES.forEach((name, i) => {
          const ctx = draftContext({
            purpose,
            contact: { id: 100 + i, firstName: name, displayName: `${name} Example` },
            eventVariantsToday: new Map([[variantKey(purpose, channel), [...usedToday]]]),
          });
          const draft = draftFor(ctx, { channel });
          usedToday.push(draft.variant);
          bodies.add(wording(draft.body, name));
        });
        expect(bodies.size, `${purpose}.${channel}`).toBeGreaterThanOrEqual(3);
      }
  });

  it('a batch spreads over the wordings evenly before repeating one', () => {
    const usedToday: number[] = [];
    for (let i = 0; i < 9; i++) {
      const ctx = draftContext({
        contact: { id: 500 + i },
        eventVariantsToday: new Map([['refresher.email', [...usedToday]]]),
      });
      usedToday.push(draftFor(ctx, { channel: 'email' }).variant);
    }
    for (const v of [0, 1, 2]) expect(usedToday.filter((u) => u === v)).toHaveLength(3);
  });

  it("a contact's two consecutive drafts of the same purpose differ", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(...PURPOSES),
        fc.constantFrom(...COMPOSE_CHANNELS),
        (id, purpose, channel) => {
          const first = draftFor(draftContext({ purpose, contact: { id } }), { channel });
          const second = draftFor(
            draftContext({
              purpose,
              contact: { id },
              lastVariants: new Map([[variantKey(purpose, channel), first.variant]]),
            }),
            { channel },
          );
          expect(second.variant).not.toBe(first.variant);
          expect(second.body).not.toBe(first.body);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never reuses the last variant, even when every other one was used today at the event', () => {
    expect(chooseVariant({ count: 3, lastUsed: 1, usedTodayAtEvent: [0, 2, 0, 2], seed: 'x' })).not.toBe(1);
    expect(chooseVariant({ count: 3, lastUsed: 1, usedTodayAtEvent: [0, 0, 2], seed: 'x' })).toBe(2);
    expect(chooseVariant({ count: 1, lastUsed: 0, seed: 'x' })).toBe(0);
  });

  it('is deterministic: the same context gives the same draft', () => {
    const ctx = draftContext({ contact: { id: 42 } });
    expect(draftFor(ctx, { channel: 'text' })).toEqual(draftFor(ctx, { channel: 'text' }));
  });

  it('a requested variant wins and wraps around', () => {
    const ctx = draftContext({ lastVariants: new Map([['refresher.email', 2]]) });
    expect(draftFor(ctx, { channel: 'email', variant: 2 }).variant).toBe(2);
    expect(draftFor(ctx, { channel: 'email', variant: 4 }).variant).toBe(1);
  });

  it("counts the user's templates after the built-in ones", () => {
    const mine: ComposeTemplate = {
      id: 'user-3',
      purpose: 'refresher',
      channel: 'email',
      builtIn: false,
      name: 'Mine',
      subject: null,
      body: 'Hey {{first_name}}, about {{discussed}}: call me.',
    };
    const other: ComposeTemplate = { ...mine, id: 'user-4', channel: 'text' };
    const ctx = draftContext();
    const draft = draftFor(ctx, { channel: 'email', variant: 3, templates: [other, mine] });
    expect(draft).toMatchObject({ variants: 4, variant: 3, templateId: 'user-3' });
    expect(draft.body).toBe('Hey Ada, about solar roofs for schools: call me.');
    // No subject of its own: the first built-in one's, so an e-mail always has one.
    expect(draft.subject).toBe('Good to meet you at Web Summit');
    expect(draftFor(ctx, { channel: 'email', templatesFor: () => [mine] }).variants).toBe(4);
  });
});
