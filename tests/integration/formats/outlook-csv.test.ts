import { describe, expect, it } from 'vitest';
import { contact, problemLines, readFixture, readText } from './fixtures.ts';

describe('Outlook CSV', () => {
  it('reads the outlook.com export (61 columns): Job Title not Title, e-mail and phone columns with labels', () => {
    const parsed = readFixture('outlook-com.csv');
    expect(parsed.format).toBe('outlook-csv');
    expect(parsed.rows).toBe(2);
    expect(parsed.records).toEqual([
      contact({
        line: 2,
        displayName: 'Ada King Lovelace',
        firstName: 'Ada',
        lastName: 'Lovelace',
        company: 'Babbage & Co',
        title: 'Analyst',
        notes: 'Prefers e-mail.',
        // E-mail 2 Address repeats the first in capitals: kept once.
        emails: [
          { value: 'ada@example.com', label: null },
          { value: 'ada.l@work.example', label: null },
        ],
        phones: [
          { value: '+44 7700 900123', label: 'Mobile' },
          { value: '+44 20 7946 0000', label: 'Work' },
          { value: '+44 20 7946 0001', label: 'Home fax' },
        ],
        links: [{ url: 'https://ada.example', label: null }],
        location: 'London, United Kingdom',
      }),
      contact({ line: 4, company: 'Contoso' }),
    ]);
    // An Exchange (X.500) address is not an e-mail address.
    expect(problemLines(parsed)).toEqual([[4, 'E-mail Address', 'warning']]);
  });

  it('reads the all-quoted desktop export in windows-1252 with CRLF, Categories as tags', () => {
    const parsed = readFixture('outlook-desktop-ansi.csv');
    expect(parsed.format).toBe('outlook-csv');
    expect(parsed.records).toEqual([
      contact({
        line: 2,
        displayName: 'François Beaumont',
        firstName: 'François',
        lastName: 'Beaumont',
        company: 'Café Crème SARL',
        title: 'Gérant',
        notes: 'Très sympa.\nLikes "strong" coffee.',
        emails: [{ value: 'f.beaumont@cafe.example', label: null }],
        phones: [
          { value: '06 12 34 56 78', label: 'Mobile' },
          { value: '04 72 00 00 00', label: 'Work' },
        ],
        tags: ['Clients', 'Lyon', 'Food'],
        location: 'Lyon, France',
      }),
      contact({ line: 4, displayName: 'Zoë Weiß', firstName: 'Zoë', lastName: 'Weiß' }),
    ]);
    expect(parsed.problems).toEqual([
      {
        line: 2,
        column: null,
        severity: 'warning',
        message: expect.stringContaining('read as Windows-1252'),
      },
    ]);
  });

  it('does not take a localized header for English', () => {
    expect(() => readText('Vorname;Nachname;E-Mail-Adresse\nAnna;Schmidt;a@example.de\n')).toThrow(
      /not in a format/,
    );
  });
});
