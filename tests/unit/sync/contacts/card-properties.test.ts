import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCardLines } from '../../../../src/main/sync/contacts/card-lines.ts';
import { buildCard, canonicalFields } from '../../../../src/main/sync/contacts/card-write.ts';
import { readCardFields, type SyncedFields } from '../../../../src/main/sync/contacts/synced-fields.ts';
import { ADA_UID, phoneCard } from './fields-fixture.ts';

const NOW = '2026-12-01T10:00:00.000Z';
// Text with the characters vCard escapes, non-ASCII and long runs (folding). Runs of spaces are
// single: the reader collapses them in one-line fields, as imports do (canonicalFields absorbs it).
const text = fc.option(
  fc
    .stringMatching(/^[A-Za-z0-9 ;,:\\é–日本\n]{1,120}$/)
    .map((s) =>
      s
        .replace(/ +/g, ' ')
        .replace(/ ?\n ?/g, '\n')
        .trim()
        .replace(/\n+/g, '\n'),
    )
    .filter((s) => s !== '' && !s.includes('\n\n')),
  { nil: null },
);
const line = fc.option(
  fc
    .stringMatching(/^[A-Za-z0-9 ;,:\\é–日本]{1,80}$/)
    .map((s) => s.replace(/ +/g, ' ').trim())
    .filter(Boolean),
  {
    nil: null,
  },
);
const day = fc.option(fc.constantFrom('2026-01-31', '2025-06-15'), { nil: null });
const fields: fc.Arbitrary<SyncedFields> = fc.record({
  displayName: fc
    .stringMatching(/^[A-Za-z é日本,;]{1,40}$/)
    .map((s) => s.replace(/ +/g, ' ').trim())
    .filter(Boolean),
  firstName: line,
  lastName: line,
  company: line,
  title: line,
  location: line,
  notes: text,
  emails: fc.uniqueArray(
    fc.record({
      value: fc.constantFrom('a@x.org', 'b@y.example', 'c.d@z.io'),
      label: fc.option(fc.constantFrom('Work', 'Lab, 2nd floor'), { nil: null }),
    }),
    { selector: (e) => e.value, maxLength: 3 },
  ),
  phones: fc.uniqueArray(
    fc.record({
      value: fc.constantFrom('+44 20 7946 0018', '030 123456', '+1 (555) 010-0199'),
      label: fc.option(fc.constantFrom('Mobile', 'Desk'), { nil: null }),
    }),
    { selector: (p) => p.value, maxLength: 3 },
  ),
  links: fc.uniqueArray(
    fc.record({
      value: fc.constantFrom('https://example.org/a', 'https://www.linkedin.com/in/ada'),
      label: fc.option(fc.constantFrom('Blog'), { nil: null }),
    }),
    { selector: (l) => l.value, maxLength: 2 },
  ),
  tags: fc.uniqueArray(fc.constantFrom('Math', 'Investor', 'Café'), { maxLength: 3 }),
  metOn: day,
  metWhere: line,
  howMet: text,
  discussed: text,
  interests: text,
  nextStep: line,
  nextStepDueOn: day,
});

describe('the card writer, properties', () => {
  it('what it writes reads back as written the second time (a sync never sees its own spelling as an edit)', () => {
    fc.assert(
      fc.property(fields, (f) => {
        const once = canonicalFields(f, NOW);
        expect(canonicalFields(once, NOW)).toEqual(once);
        // The app's fields and the free texts come back exactly.
        for (const k of [
          'displayName',
          'company',
          'title',
          'notes',
          'metOn',
          'metWhere',
          'howMet',
          'discussed',
          'interests',
          'nextStep',
          'nextStepDueOn',
        ] as const)
          expect(once[k]).toBe(f[k]);
        expect(once.emails.map((e) => e.value)).toEqual(f.emails.map((e) => e.value));
      }),
    );
  });

  it('rewriting a phone card keeps every line it does not own, whatever changed', () => {
    const previous = phoneCard('ios-icloud-kept.vcf');
    const foreign = parseCardLines(previous).lines.filter(
      (l) =>
        ['PHOTO', 'BDAY', 'X-ABDATE'].includes(l.name) || (l.group === 'item3' && l.name === 'X-ABLABEL'),
    );
    fc.assert(
      fc.property(fields, (f) => {
        const put = buildCard(f, { uid: ADA_UID, previous, now: NOW });
        const lines = parseCardLines(put).lines.map((l) => l.text);
        for (const l of foreign) expect(lines).toContain(l.text);
        expect(readCardFields(put).uid).toBe(ADA_UID);
        expect(readCardFields(put).fields).toEqual(canonicalFields(f, NOW));
      }),
      { numRuns: 60 },
    );
  });

  it('an unchanged card is written back line for line', () => {
    const previous = phoneCard('davx5-v4.vcf');
    const put = buildCard(readCardFields(previous).fields, { uid: ADA_UID, previous, now: NOW });
    const body = (card: string) =>
      parseCardLines(card)
        .lines.filter((l) => !['PRODID', 'REV', 'UID'].includes(l.name))
        .map((l) => l.text);
    expect(body(put)).toEqual(body(previous));
  });
});
