import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { emptyAppFields, type SyncedFields } from '../../../../src/main/sync/contacts/synced-fields.ts';

/** Ada as this app holds her before any phone touched the card (the fixtures' common ancestor). */
export function ada(overrides: Partial<SyncedFields> = {}): SyncedFields {
  return {
    displayName: 'Ada Lovelace',
    firstName: 'Ada',
    lastName: 'Lovelace',
    company: 'Analytical Engines',
    title: 'Mathematician',
    location: null,
    notes: 'Prefers e-mail.',
    emails: [{ value: 'ada@example.org', label: null }],
    phones: [{ value: '+44 20 7946 0018', label: 'mobile' }],
    links: [{ value: 'https://www.linkedin.com/in/ada-lovelace', label: null }],
    tags: ['Conference', 'Math'],
    ...emptyAppFields(),
    metOn: '2026-11-12',
    metWhere: 'Web Summit, Lisbon',
    discussed: 'Difference engines; funding',
    nextStep: 'Send the paper',
    nextStepDueOn: '2026-12-04',
    ...overrides,
  };
}

export const ADA_UID = 'contact-7@followthrough.app';

/** A card as a phone wrote it back (tests/fixtures/sync/contacts). */
export function phoneCard(name: string): string {
  return readFileSync(resolve(import.meta.dirname, '../../../fixtures/sync/contacts', name), 'utf8');
}
