import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LIST_FIELDS,
  SCALAR_FIELDS,
  type SyncedFields,
  tagSet,
} from '../../../../src/main/sync/contacts/synced-fields.ts';
import { mergeFields } from '../../../../src/main/sync/contacts/three-way.ts';
import { ada } from './fields-fixture.ts';

const merge = (base: SyncedFields | null, local: SyncedFields, remote: SyncedFields) =>
  mergeFields({ base, local, remote, remoteAppFieldsKept: true });

describe('three-way merge of one contact', () => {
  it('takes a change made on one side only, either side', () => {
    const base = ada();
    const there = merge(base, base, ada({ company: 'Babbage & Co' }));
    expect(there).toMatchObject({ localChanges: { company: 'Babbage & Co' }, remote: null, conflicts: [] });
    const here = merge(base, ada({ nextStep: 'Call' }), base);
    expect(here.localChanges).toEqual({});
    expect(here.remote?.nextStep).toBe('Call');
  });

  it('keeps both values of a field changed on both sides, each side keeping its own', () => {
    const out = merge(ada(), ada({ title: 'Countess' }), ada({ title: 'Analyst', notes: 'New note' }));
    expect(out.conflicts).toEqual([
      { field: 'title', base: 'Mathematician', local: 'Countess', remote: 'Analyst' },
    ]);
    expect(out.local.title).toBe('Countess');
    expect(out.localChanges).toEqual({ notes: 'New note' });
    expect(out.remote).toBeNull(); // the server keeps its title until the user chooses
  });

  it('holds an unresolved conflict even when one side goes back to the base', () => {
    const out = mergeFields({
      base: ada(),
      local: ada({ title: 'Countess' }),
      remote: ada(),
      remoteAppFieldsKept: true,
      held: new Set(['title']),
    });
    expect(out.conflicts.map((c) => c.field)).toEqual(['title']);
    expect(out.remote).toBeNull();
  });

  it('merges e-mails, phones, links and tags as sets: additions from both, removals from either', () => {
    const base = ada({ tags: ['Conference', 'Math'] });
    const local = ada({
      tags: ['conference', 'Math', 'Investor'],
      emails: [{ value: 'ada@example.org', label: 'Work' }],
    });
    const remote = ada({
      tags: ['Conference'],
      phones: [
        { value: '+44 20 7946 0018', label: 'mobile' },
        { value: '+44 20 7946 0999', label: 'work' },
      ],
      emails: [
        { value: 'ADA@example.org', label: null },
        { value: 'countess@example.org', label: null },
      ],
    });
    const out = merge(base, local, remote);
    expect(out.local.tags).toEqual(['conference', 'Investor']);
    expect(out.local.phones.map((p) => p.value)).toEqual(['+44 20 7946 0018', '+44 20 7946 0999']);
    expect(out.local.emails).toEqual([
      { value: 'ada@example.org', label: 'Work' },
      { value: 'countess@example.org', label: null },
    ]);
    expect(out.conflicts).toEqual([]);
  });

  it('at the first link (no base) fills what one side lacks and keeps two different values as a conflict', () => {
    const out = merge(null, ada({ notes: null, title: 'Countess' }), ada({ howMet: 'Via Babbage' }));
    expect(out.local.notes).toBe('Prefers e-mail.');
    expect(out.local.howMet).toBe('Via Babbage');
    expect(out.conflicts.map((c) => c.field)).toEqual(['title']);
  });
});

// Random edits of the same contact on both sides, from a common base.
const text = fc.option(fc.constantFrom('a', 'b', 'c', 'Ada', 'Lovelace'), { nil: null });
const entries = fc.uniqueArray(
  fc.record({ value: fc.constantFrom('a@x.org', 'b@x.org', 'c@x.org', 'd@x.org'), label: text }),
  { selector: (e) => e.value, maxLength: 4 },
);
// Tags are a set, always in one order (synced-fields.ts tagSet), as both sides read them.
const tags = fc.uniqueArray(fc.constantFrom('one', 'two', 'three', 'four'), { maxLength: 4 }).map(tagSet);
const fields: fc.Arbitrary<SyncedFields> = fc.record({
  displayName: fc.constantFrom('Ada', 'Ada Lovelace', 'A. Lovelace'),
  firstName: text,
  lastName: text,
  company: text,
  title: text,
  location: text,
  notes: text,
  emails: entries,
  phones: fc.constant([]),
  links: fc.constant([]),
  tags,
  metOn: fc.option(fc.constantFrom('2026-01-01', '2026-02-02'), { nil: null }),
  metWhere: text,
  howMet: text,
  discussed: text,
  interests: text,
  nextStep: text,
  nextStepDueOn: fc.option(fc.constantFrom('2026-03-03', '2026-04-04'), { nil: null }),
});
/** A side: each field either left at the base's value or edited. */
const edit = (base: SyncedFields) =>
  fc.tuple(fields, fc.array(fc.boolean(), { minLength: 19, maxLength: 19 })).map(([other, which]) => {
    const out = { ...base } as Record<string, unknown>;
    for (const [i, f] of [...SCALAR_FIELDS, ...LIST_FIELDS].entries()) if (which[i]) out[f] = other[f];
    return out as unknown as SyncedFields;
  });
const scenario = fields.chain((base) => fc.tuple(fc.constant(base), edit(base), edit(base)));
const valuesOf = (list: readonly { value: string }[] | readonly string[]) =>
  new Set(list.map((e) => (typeof e === 'string' ? e : e.value)));

describe('three-way merge, properties', () => {
  it('a change on one side only always survives', () => {
    fc.assert(
      fc.property(scenario, ([base, local]) => {
        const here = merge(base, local, base);
        expect(here.conflicts).toEqual([]);
        expect(here.local).toEqual(local);
        expect(here.localChanges).toEqual({});
        const there = merge(base, base, local);
        expect(there.local).toEqual(local);
        expect(there.remote).toBeNull();
      }),
    );
  });

  it('is symmetric: swapping the sides gives the same contact, conflicts mirrored', () => {
    fc.assert(
      fc.property(scenario, ([base, local, remote]) => {
        const a = merge(base, local, remote);
        const b = merge(base, remote, local);
        expect(b.conflicts).toEqual(a.conflicts.map((c) => ({ ...c, local: c.remote, remote: c.local })));
        for (const f of SCALAR_FIELDS) {
          if (a.conflicts.some((c) => c.field === f)) continue;
          expect(b.local[f]).toBe(a.local[f]);
        }
        for (const f of LIST_FIELDS) expect(valuesOf(b.local[f])).toEqual(valuesOf(a.local[f]));
      }),
    );
  });

  it("loses no value: every field ends with one side's value, or is a conflict holding both", () => {
    fc.assert(
      fc.property(scenario, ([base, local, remote]) => {
        const out = merge(base, local, remote);
        for (const f of SCALAR_FIELDS) {
          const conflict = out.conflicts.find((c) => c.field === f);
          if (conflict) {
            expect([conflict.local, conflict.remote]).toEqual([local[f], remote[f]]);
            expect(out.local[f]).toBe(local[f]);
            expect((out.remote ?? remote)[f]).toBe(remote[f]);
          } else {
            expect([local[f], remote[f]]).toContain(out.local[f]);
            expect((out.remote ?? out.local)[f]).toBe(out.local[f]);
          }
        }
        // Lists: whatever a side added is there; whatever neither removed is there.
        for (const f of LIST_FIELDS) {
          const [b, l, r, m] = [base[f], local[f], remote[f], out.local[f]].map(valuesOf) as Set<string>[];
          for (const v of l!) if (!b!.has(v) || r!.has(v)) expect(m!.has(v)).toBe(true);
          for (const v of r!) if (!b!.has(v) || l!.has(v)) expect(m!.has(v)).toBe(true);
          for (const v of m!) expect(l!.has(v) || r!.has(v)).toBe(true);
        }
      }),
    );
  });

  it('converges: merging again with the result on both sides changes nothing', () => {
    fc.assert(
      fc.property(scenario, ([base, local, remote]) => {
        const out = merge(base, local, remote);
        if (out.conflicts.length > 0) return;
        const settled = out.remote ?? remote;
        const again = merge(settled, out.local, settled);
        expect(again).toMatchObject({ localChanges: {}, remote: null, conflicts: [] });
      }),
    );
  });
});
