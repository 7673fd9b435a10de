import { describe, expect, it } from 'vitest';
import { fieldText, planMerge, unite } from '../../../src/renderer/src/duplicates/mergeFields.ts';
import type { Contact } from '../../../src/shared/domain/contact.ts';

function contact(over: Partial<Contact>): Contact {
  return {
    id: 1,
    displayName: 'Ada Lovelace',
    firstName: null,
    lastName: null,
    emails: [],
    phones: [],
    links: [],
    company: null,
    title: null,
    location: null,
    timeZone: null,
    tags: [],
    notes: null,
    metOn: null,
    metEventId: null,
    metEventName: null,
    metWhere: null,
    howMet: null,
    discussed: null,
    interests: null,
    nextStep: null,
    preferredChannel: null,
    pacing: null,
    urgent: false,
    cadenceDays: null,
    noResponseSince: null,
    archivedAt: null,
    reviewState: null,
    sources: [],
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    lastInteractionAt: null,
    ...over,
  };
}

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
