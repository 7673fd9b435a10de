// The app's own exports read back by its own importers, no database: what a vCard or Google CSV
// export carries of a contact must come back from readImport as it went out.
//
// What the formats carry: display name, first and last name, company, title, e-mails, phones
// and links with their labels, tags, location, and the note. What comes back differently, by
// design (each asserted below):
// - the note is the exported note: the user's notes then the follow-up context ("Met: …",
//   "Discussed: …"; export-fields.ts contactNote), since neither format has fields for those;
// - a contact with neither first nor last name exports its display name as given name (vCard N
//   needs one, Google builds its name from them), so it comes back as the first name;
// - vCard labels that have a TYPE value (work, home, mobile/cell, fax, pager…) come back in the
//   reader's spelling ("Mobile", "Work fax"); every other label is carried verbatim;
// - the vCard's UID is the contact's (contact-<id>@followthrough.app); CSV has none;
// - (random text) single-line fields come back with whitespace runs as one space, as every
//   reader tidies them; line breaks in the note come back as \n.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactNote, nameParts } from '../../../src/main/formats/export-fields.ts';
import { contactsToGoogleCsv } from '../../../src/main/formats/google-csv-write.ts';
import { readImport } from '../../../src/main/formats/read.ts';
import type { ImportedContact, ParsedImport } from '../../../src/main/formats/record.ts';
import { contactsToVcards, contactUid } from '../../../src/main/formats/vcard-write.ts';
import type { Contact } from '../../../src/shared/domain/contact.ts';
import { contactFixture, realisticContacts } from '../../helpers/contact-fixture.ts';

type Format = 'vcard' | 'google-csv';

const encode = (text: string) => new TextEncoder().encode(text);

function exportAndRead(contacts: Contact[], format: Format): ParsedImport {
  const file = format === 'vcard' ? contactsToVcards(contacts) : contactsToGoogleCsv(contacts);
  return readImport(encode(file));
}

/** The vCard reader's names for the labels the writer turns into TYPE values. */
const VCARD_TYPE_LABELS: Record<string, string> = {
  home: 'Home',
  work: 'Work',
  mobile: 'Mobile',
  cell: 'Mobile',
  fax: 'Fax',
  'home fax': 'Home fax',
  'work fax': 'Work fax',
  pager: 'Pager',
};
/** E-mails have TYPE values for home and work only; other e-mail labels go to X-ABLabel. */
const VCARD_EMAIL_TYPES = new Set(['home', 'work']);

/** Whitespace runs as one space, trimmed: how every reader hands back single-line text. */
const tidy = (s: string | null): string | null => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
};

/** "Lee, Sam" for Sam Lee: Outlook's sorting form of a name, which the Google reader passes over. */
function isCommaReordering(displayName: string, first: string, last: string): boolean {
  const words = (s: string) =>
    s
      .toLowerCase()
      .split(/[\s,]+/)
      .filter(Boolean)
      .sort()
      .join(' ');
  return displayName.includes(',') && words(displayName) === words(`${first} ${last}`);
}

/** What readImport should return for a contact exported as `format` (line numbers aside). */
function expected(c: Contact, format: Format): Omit<ImportedContact, 'line'> {
  const { first, last } = nameParts(c);
  const label = (value: string | null, typed: (key: string) => boolean) => {
    const key = value?.trim().toLowerCase() ?? '';
    if (format === 'vcard' && typed(key)) return VCARD_TYPE_LABELS[key] ?? null;
    return tidy(value);
  };
  const displayName =
    format === 'google-csv' && isCommaReordering(c.displayName, first, last)
      ? tidy(`${first} ${last}`)
      : tidy(c.displayName);
  return {
    displayName,
    firstName: tidy(first),
    lastName: tidy(last),
    company: tidy(c.company),
    title: tidy(c.title),
    notes: contactNote(c)?.replace(/\r\n?/g, '\n').trim() || null,
    emails: c.emails.map((e) => ({ value: e.value, label: label(e.label, (k) => VCARD_EMAIL_TYPES.has(k)) })),
    phones: c.phones.map((p) => ({
      value: p.value,
      label: label(p.label, (k) => Object.hasOwn(VCARD_TYPE_LABELS, k)),
    })),
    links: c.links.map((l) => ({ url: l.url, label: tidy(l.label) })),
    tags: c.tags.map((t) => tidy(t) ?? ''),
    metOn: null,
    location: tidy(c.location),
    uid: format === 'vcard' ? contactUid(c.id) : null,
  };
}

const withoutLine = ({ line: _line, ...rest }: ImportedContact) => rest;

/** The realistic address book plus the characters each format has to escape or quote. */
function awkwardContacts(): Contact[] {
  return [
    ...realisticContacts(),
    contactFixture({
      id: 11,
      displayName: 'Dr. Sam Lee; PhD',
      firstName: 'Sam',
      lastName: 'Lee',
      company: 'Back\\slash; Semi, Comma & Co',
      title: 'Head of R&D; Lisbon, Porto',
      location: 'Lisbon; Portugal',
      emails: [
        { value: 'sam@example.pt', label: 'Front desk, 2nd floor' },
        { value: 'sam.lee@example.com', label: 'semi; colon' },
        { value: 'sam@home.example', label: 'home' },
      ],
      phones: [
        { value: '+351 21 000 0000', label: 'back\\slash' },
        { value: '+351 91 000 0000', label: 'cell' },
        { value: '+351 21 000 0001', label: 'pager' },
        { value: '+351 21 000 0002', label: 'fax' },
      ],
      links: [
        { url: 'https://example.pt/sam?a=1,2;b=3', label: 'Site, "main"; v2' },
        { url: 'https://github.com/samlee', label: 'GitHub 🐙' },
        { url: 'https://www.linkedin.com/in/sam-lee', label: 'LinkedIn' },
      ],
      tags: ['Ends with\\', 'Semi;colon', 'two  words', 'Ünïcødé 🎉', '中文标签'],
      notes:
        'Line one; with semicolon\nLine two, with comma\n\nA literal \\n and \\; and \\, and a trailing backslash\\',
      howMet: 'Conference; hallway',
      nextStep: 'Email about the PoC, then call',
    }),
    contactFixture({
      id: 12,
      displayName: 'Lee, Sam',
      firstName: 'Sam',
      lastName: 'Lee',
      notes: 'Someone who wants to be listed family name first, with a comma.',
    }),
    contactFixture({ id: 13, displayName: 'Only Lastname', lastName: 'Lastname' }),
    contactFixture({
      id: 14,
      displayName: 'Émile',
      firstName: 'Émile',
      metOn: '2026-02-01',
      metWhere: 'Café de Flore',
      discussed: 'Line 1\nLine 2',
      interests: 'Jazz; cinema, books',
    }),
  ];
}

describe.each(['vcard', 'google-csv'] as const)('%s export read back by readImport', (format) => {
  const contacts = awkwardContacts();
  const parsed = exportAndRead(contacts, format);

  it('is detected as its format, one record per contact, without problems', () => {
    expect(parsed.format).toBe(format);
    expect(parsed.rows).toBe(contacts.length);
    expect(parsed.records).toHaveLength(contacts.length);
    expect(parsed.problems).toEqual([]);
  });

  it('brings back every field the format carries, contact by contact', () => {
    for (const [i, c] of contacts.entries()) {
      expect(withoutLine(parsed.records[i]!), `${c.displayName} (${format})`).toEqual(expected(c, format));
    }
  });

  it('keeps display names the name parts cannot rebuild, and the escapes ical.js misreads', () => {
    const byId = (id: number) => withoutLine(parsed.records[contacts.findIndex((c) => c.id === id)]!);
    expect(byId(2).displayName).toBe('山田 太郎');
    expect(byId(3).displayName).toBe('José Álvarez 🎉');
    expect(byId(11).displayName).toBe('Dr. Sam Lee; PhD');
    expect(byId(11).tags).toEqual(['Ends with\\', 'Semi;colon', 'two words', 'Ünïcødé 🎉', '中文标签']);
    expect(byId(1).tags).toEqual(['Investors', 'C:\\', 'Nordics', 'VIP ⭐']);
    expect(byId(6).phones[2]).toEqual({ value: '(028) 555-0100 x12', label: 'Front desk, 2nd floor' });
    expect(byId(11).notes).toBe(
      'Line one; with semicolon\nLine two, with comma\n\nA literal \\n and \\; and \\, and a trailing backslash\\' +
        '\n\nHow we met: Conference; hallway\nNext step: Email about the PoC, then call',
    );
    expect(byId(14).notes).toBe(
      'Met: 2026-02-01 at Café de Flore\nDiscussed: Line 1\nLine 2\nInterests: Jazz; cinema, books',
    );
  });
});

describe('Google CSV "Lee, Sam"', () => {
  it("reads back as the joined name parts: the reader takes a comma-reordered File As for Outlook's sorting form", () => {
    const [record] = exportAndRead([awkwardContacts().find((c) => c.id === 12)!], 'google-csv').records;
    expect(record?.displayName).toBe('Sam Lee');
  });
});

describe('property: random Unicode survives both exports', () => {
  // Text as the store holds it: trimmed, non-empty, no control characters but tab and line
  // breaks (the vCard writer drops the others; they mean nothing in a contact).
  const char = fc.oneof(
    { weight: 5, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '\\',
        ';',
        ',',
        ':',
        '"',
        ' ',
        '  ',
        '\t',
        'é',
        '日本',
        '😀',
        '👩‍👩‍👧',
        '\\,',
        '\\;',
        '\\n',
      ),
    },
    {
      weight: 1,
      arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => {
        const code = c.codePointAt(0) ?? 0;
        return code > 0x1f && code !== 0x7f;
      }),
    },
  );
  const line = (max: number) =>
    fc
      .string({ unit: char, minLength: 1, maxLength: 30 })
      .map((s) => s.trim())
      .filter((s) => s.length > 0 && s.length <= max);
  const noteText = fc
    .string({ unit: fc.oneof(char, fc.constantFrom('\n', '\r\n')), minLength: 1, maxLength: 200 })
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  // Tags: no commas (the contract's rule); not Google's system-group mark or value separator.
  const tag = line(50).filter((t) => !t.includes(',') && !t.includes(':::') && !t.startsWith('* '));
  // Labels: not Google's primary mark, nor Apple's "_$!<Key>!$_" keys.
  const label = line(40).filter((l) => !l.startsWith('* ') && !/^_\$!<.*>!\$_$/.test(l));

  it('names, company, title, notes, tags and labels come back from vCard and Google CSV', () => {
    fc.assert(
      fc.property(
        fc.record({
          displayName: line(200),
          firstName: fc.option(line(100), { nil: null }),
          lastName: fc.option(line(100), { nil: null }),
          company: fc.option(line(200), { nil: null }),
          title: fc.option(line(200), { nil: null }),
          notes: fc.option(noteText, { nil: null }),
          tags: fc.uniqueArray(tag, { maxLength: 5, selector: (t) => tidy(t)?.toLowerCase() }),
          emailLabel: fc.option(label, { nil: null }),
          phoneLabel: fc.option(label, { nil: null }),
          linkLabel: fc.option(label, { nil: null }),
        }),
        ({ emailLabel, phoneLabel, linkLabel, ...fields }) => {
          const contact = contactFixture({
            id: 42,
            ...fields,
            emails: [
              { value: 'first@example.com', label: emailLabel },
              { value: 'second@example.org', label: null },
            ],
            phones: [{ value: '+1 555 0100', label: phoneLabel }],
            links: [{ url: 'https://example.com/x', label: linkLabel }],
          });
          for (const format of ['vcard', 'google-csv'] as const) {
            const parsed = exportAndRead([contact], format);
            expect(parsed.format).toBe(format);
            expect(parsed.problems).toEqual([]);
            expect(parsed.records.map(withoutLine)).toEqual([expected(contact, format)]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
