import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DraftStore } from '../../../src/main/imports/draft-store.ts';
import type { ContactDraftParsed } from '../../../src/shared/domain/contact.ts';

// Any UTF-16 code unit: lone surrogates too (a cut at a field's limit can leave one).
const text = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
const astral = fc.string({ unit: 'binary', maxLength: 20 });
const maybe = fc.option(fc.oneof(text, astral), { nil: null });
const entry = fc.record({ value: fc.oneof(text, astral), label: maybe });

const draft: fc.Arbitrary<ContactDraftParsed> = fc
  .record({
    firstName: maybe,
    lastName: maybe,
    company: maybe,
    title: maybe,
    location: maybe,
    notes: maybe,
    metOn: fc.option(fc.constantFrom('2024-03-12', '1999-12-31'), { nil: null }),
    emails: fc.array(entry, { maxLength: 3 }),
    phones: fc.array(entry, { maxLength: 3 }),
    links: fc.array(fc.record({ url: fc.oneof(text, astral), label: maybe }), { maxLength: 3 }),
    tags: fc.array(text, { maxLength: 3 }),
    named: fc.boolean(),
    displayName: fc.oneof(text, astral),
  })
  .map(({ named, displayName, ...rest }) => {
    // Most rows' display name is the first and last name joined (stored as a marker only).
    const joined = [rest.firstName, rest.lastName].filter(Boolean).join(' ');
    return { ...rest, displayName: named && joined !== '' ? joined : displayName };
  });

/** What SQLite would store for the text: UTF-8, a lone surrogate as U+FFFD. */
const stored = (d: ContactDraftParsed): unknown =>
  JSON.parse(JSON.stringify(d, (_k, v) => (typeof v === 'string' ? v.toWellFormed() : v)));

describe('DraftStore', () => {
  it('gives back every draft as it was stored, in any order', () => {
    fc.assert(
      fc.property(fc.array(draft, { minLength: 1, maxLength: 30 }), fc.nat(), (drafts, start) => {
        const store = new DraftStore();
        for (const d of drafts) store.append(d);
        expect(store.size).toBe(drafts.length);
        for (let k = 0; k < drafts.length; k++) {
          const i = (start + k) % drafts.length;
          expect(store.get(i)).toEqual(stored(drafts[i] as ContactDraftParsed));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps rows larger than a chunk, and rows after them', () => {
    const store = new DraftStore();
    const small: ContactDraftParsed = {
      displayName: 'Ada Lovelace',
      firstName: 'Ada',
      lastName: 'Lovelace',
      company: null,
      title: null,
      location: null,
      notes: null,
      metOn: null,
      emails: [{ value: 'ada@example.com', label: null }],
      phones: [],
      links: [],
      tags: ['math'],
    };
    const big = { ...small, notes: 'Ω'.repeat(400_000) };
    for (let i = 0; i < 3000; i++) store.append(i % 1000 === 500 ? big : small);
    expect(store.get(500)).toEqual(big);
    expect(store.get(2500)).toEqual(big);
    expect(store.get(2999)).toEqual(small);
    expect(() => store.get(3000)).toThrow(RangeError);
  });
});
