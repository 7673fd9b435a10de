import { describe, expect, it } from 'vitest';
import { fieldText, planMerge, unite } from '../../../src/renderer/src/duplicates/mergeFields.ts';
import type { Contact } from '../../../src/shared/domain/contact.ts';
import { contactFixture } from '../../helpers/contact-fixture.ts';

const contact = (over: Partial<Contact>): Contact =>
  contactFixture({ id: 1, displayName: 'Ada Lovelace', ...over });

describe('the merge plan', () => {
  it('asks only about fields both contacts fill differently, and fills gaps from the other', () => {
    const keep = contact({ company: 'Analytical Engines', title: 'Analyst', location: null });
    const other = contact({ id: 2, company: 'Babbage & Co', title: 'Analyst', location: 'London' });
    const plan = planMerge(keep, other);
    expect(plan.choices).toEqual(['company']);
    expect(plan.filled).toEqual(['location']);
    expect(plan.rows).toEqual([
      { field: 'displayName', outcome: 'same' },
      { field: 'company', outcome: 'choice' },
      { field: 'title', outcome: 'same' },
      { field: 'location', outcome: 'fill' },
    ]);
  });

  it('keeps what only the kept contact has, without asking', () => {
    const plan = planMerge(contact({ notes: 'Met at the RI' }), contact({ id: 2 }));
    expect(plan.choices).toEqual([]);
    expect(plan.rows).toContainEqual({ field: 'notes', outcome: 'keep' });
  });

  it('shows enums and numbers in words', () => {
    const c = contact({ preferredChannel: 'email', pacing: 'fast', cadenceDays: 30 });
    expect(fieldText(c, 'preferredChannel')).toMatch(/mail/i);
    expect(fieldText(c, 'cadenceDays')).toBe('Every 30 days');
    expect(fieldText(c, 'pacing')).toBeTruthy();
  });
});

describe('unite', () => {
  it('keeps order and drops repeats regardless of case', () => {
    expect(unite(['ada@example.org', 'research'], ['ADA@example.org', 'b@example.org'])).toEqual([
      'ada@example.org',
      'research',
      'b@example.org',
    ]);
  });
});
