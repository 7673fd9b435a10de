import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactNote } from '../../../src/main/formats/export-fields.ts';
import { contactsToGoogleCsv, googleCsvRows } from '../../../src/main/formats/google-csv-write.ts';
import type { Contact } from '../../../src/shared/domain/contact.ts';
import { contactFixture, realisticContacts, syntheticContacts } from '../../helpers/contact-fixture.ts';

type Row = Record<string, string>;

/** Reads the file as an importer would: csv-parse, BOM stripped, columns by header name. */
function readBack(csv: string): { header: string[]; rows: Row[] } {
  const [header = []] = parse(csv, { bom: true, to_line: 1 }) as string[][];
  const rows = parse(csv, { bom: true, columns: true }) as Row[];
  return { header, rows };
}

// Google's current export, as FORMATS.md quotes it, up to the numbered groups.
const GOOGLE_HEADER_START =
  'First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,' +
  'Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,' +
  'Organization Department,Birthday,Notes,Photo,Labels';

describe('contactsToGoogleCsv', () => {
  const contacts = realisticContacts();
  const csv = contactsToGoogleCsv(contacts);
  const { header, rows } = readBack(csv);

  it("uses Google's column names and sizes the numbered groups to the data", () => {
    expect(header.join(',')).toBe(
      `${GOOGLE_HEADER_START},` +
        'E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,E-mail 3 - Label,E-mail 3 - Value,' +
        'Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Phone 3 - Label,Phone 3 - Value,' +
        'Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,' +
        'Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address,' +
        'Website 1 - Label,Website 1 - Value,Website 2 - Label,Website 2 - Value',
    );
  });

  it('keeps one E-mail and one Phone group even when nobody has one, and no Address or Website', () => {
    const bare = readBack(contactsToGoogleCsv([contactFixture({ id: 1, displayName: 'Prince' })]));
    expect(bare.header.join(',')).toBe(
      `${GOOGLE_HEADER_START},E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value`,
    );
    expect(bare.rows).toEqual([expect.objectContaining({ 'First Name': 'Prince', Labels: '* myContacts' })]);
  });

  it('starts with a UTF-8 BOM unless told not to, and ends records with CRLF', () => {
    expect(csv.startsWith('\ufeffFirst Name,')).toBe(true);
    expect(contactsToGoogleCsv(contacts, { bom: false }).startsWith('First Name,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`\ufeff${header.join(',')}`);
  });

  it('reads back every contact: names, organisation, notes, labels and every entry with its label', () => {
    expect(rows).toHaveLength(contacts.length);
    for (const [i, c] of contacts.entries()) {
      const row = rows[i] as Row;
      expect(row['First Name']).toBe(c.firstName ?? (c.lastName ? '' : c.displayName));
      expect(row['Last Name']).toBe(c.lastName ?? '');
      const shown = [row['First Name'], row['Last Name']].filter(Boolean).join(' ');
      expect(row['File As'] || shown).toBe(c.displayName);
      expect(row['Organization Name']).toBe(c.company ?? '');
      expect(row['Organization Title']).toBe(c.title ?? '');
      expect(row.Notes).toBe(contactNote(c) ?? '');
      expect(row.Labels?.split(' ::: ')).toEqual(['* myContacts', ...c.tags]);
      expect(row['Address 1 - Formatted']).toBe(c.location ?? '');
      const groups = (prefix: string) =>
        [1, 2, 3]
          .map((n) => ({
            label: row[`${prefix} ${n} - Label`] ?? '',
            value: row[`${prefix} ${n} - Value`] ?? '',
          }))
          .filter((g) => g.value !== '');
      expect(groups('E-mail')).toEqual(c.emails.map((e) => ({ label: e.label ?? '', value: e.value })));
      expect(groups('Phone')).toEqual(c.phones.map((p) => ({ label: p.label ?? '', value: p.value })));
      expect(groups('Website')).toEqual(c.links.map((l) => ({ label: l.label ?? '', value: l.url })));
    }
    expect(rows.map((r) => r['File As'])).toEqual([
      '',
      '山田 太郎',
      'José Álvarez 🎉',
      '',
      '',
      'Nguyễn Thị Minh Khai',
    ]);
    expect(rows[0]?.Labels).toBe('* myContacts ::: Investors ::: C:\\ ::: Nordics ::: VIP ⭐');
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and leaves plain fields bare', () => {
    const tricky = contactFixture({
      id: 9,
      displayName: 'Bob',
      firstName: 'Bob',
      company: 'Acme, "The Best" Inc',
      notes: 'line 1\nline 2\r\nline 3\rend',
      title: 'Plain title',
    });
    const out = contactsToGoogleCsv([tricky], { bom: false });
    expect(out).toContain(',"Acme, ""The Best"" Inc",Plain title,');
    expect(out).toContain(',"line 1\nline 2\r\nline 3\rend",');
    const [row] = readBack(out).rows;
    expect(row?.['Organization Name']).toBe('Acme, "The Best" Inc');
    expect(row?.Notes).toBe('line 1\nline 2\r\nline 3\rend');
  });

  it('is byte-identical to csv-stringify (told to quote line breaks) on the same rows', () => {
    // With record_delimiter 'windows', csv-stringify 6.9 leaves a field holding a bare \n
    // unquoted unless quote_record_delimiter is set (RFC 4180 forbids a bare LF outside quotes;
    // csv-parse copes by detecting CRLF, readers that end a record at any LF split the row).
    const expected = (cs: Contact[]) =>
      stringify(googleCsvRows(cs), { bom: true, record_delimiter: 'windows', quote_record_delimiter: true });
    expect(csv).toBe(expected(contacts));
    const network = syntheticContacts(500);
    expect(contactsToGoogleCsv(network)).toBe(expected(network));
  });

  it('property: any text in any field reads back unchanged', () => {
    const unit = fc.oneof(
      { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
      { weight: 2, arbitrary: fc.constantFrom('"', ',', '\n', '\r\n', '\r', ' ', ';', '\t', '😀', '日本') },
    );
    const text = fc.string({ unit, minLength: 1, maxLength: 120 });
    fc.assert(
      fc.property(
        fc.record({
          firstName: text,
          lastName: text,
          company: fc.option(text, { nil: null }),
          notes: fc.option(text, { nil: null }),
          label: text,
        }),
        ({ label, ...fields }) => {
          const contact = contactFixture({
            id: 1,
            displayName: 'x',
            ...fields,
            emails: [{ value: 'a@example.com', label }],
          });
          const [row] = readBack(contactsToGoogleCsv([contact])).rows;
          expect(row?.['First Name']).toBe(fields.firstName);
          expect(row?.['Last Name']).toBe(fields.lastName);
          expect(row?.['Organization Name']).toBe(fields.company ?? '');
          expect(row?.Notes).toBe(fields.notes ?? '');
          expect(row?.['E-mail 1 - Label']).toBe(label);
        },
      ),
      { numRuns: 300 },
    );
  });
});
