import { describe, expect, it } from 'vitest';
import { decodeQuotedPrintable } from '../../../src/main/formats/quoted-printable.ts';
import { contact, problemLines, readFixture, readText } from './fixtures.ts';

const card = (...lines: string[]) => ['BEGIN:VCARD', ...lines, 'END:VCARD', ''].join('\r\n');

describe('vCard 2.1 (Android)', () => {
  it('decodes quoted-printable with soft line breaks and UTF-8, bare TYPE parameters, and skips the 2.1 photo', () => {
    const parsed = readFixture('vcard-android-21.vcf');
    expect(parsed.format).toBe('vcard');
    expect(parsed.rows).toBe(2);
    expect(parsed.records).toEqual([
      contact({
        line: 1,
        displayName: 'Jürgen Müller',
        firstName: 'Jürgen',
        lastName: 'Müller',
        company: 'Bäckerei Schön',
        notes:
          'Kennengelernt auf der Messe in Köln, Stand 4.\nMöchte ein Angebot für 200 Brötchen, bitte bis Freitag anrufen. Sehr nette Leute.',
        emails: [{ value: 'juergen@example.de', label: 'Home' }],
        phones: [
          { value: '+49 170 1234567', label: 'Mobile' },
          { value: '030 1234567', label: 'Work' },
          { value: '030 7654321', label: 'Home fax' },
        ],
        location: 'München, Deutschland',
      }),
      contact({
        line: 27,
        displayName: 'Anna Smith',
        firstName: 'Anna',
        lastName: 'Smith',
        emails: [{ value: 'anna@example.com', label: null }],
        phones: [{ value: '+1-555-0100', label: 'Mobile' }],
        links: [{ url: 'https://anna.example.com', label: null }],
      }),
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('reads 2.1 commas and backslashes literally, and quoted-printable without CHARSET as windows-1252 when not UTF-8', () => {
    const parsed = readText(
      card(
        'VERSION:2.1',
        'N:Doe;Jane',
        'FN:Jane Doe\\; Co',
        'ORG:Smith, Jones & Co',
        'NOTE;ENCODING=QUOTED-PRINTABLE:Caf=E9 C:\\temp, ok',
      ),
    );
    expect(parsed.records[0]).toMatchObject({
      // 2.1's one escape, \; (ical.js leaves the backslash in FN).
      displayName: 'Jane Doe; Co',
      company: 'Smith, Jones & Co',
      notes: 'Café C:\\temp, ok',
    });
  });

  it('decodes quoted-printable bytes in the given charset', () => {
    expect(decodeQuotedPrintable('M=C3=BCller', 'UTF-8')).toBe('Müller');
    expect(decodeQuotedPrintable('M=FCller', 'ISO-8859-1')).toBe('Müller');
    expect(decodeQuotedPrintable('M=FCller', null)).toBe('Müller');
    expect(decodeQuotedPrintable('a=3Db=', 'utf-8')).toBe('a=b');
    expect(decodeQuotedPrintable('=ZZ', 'no-such-charset')).toBe('=ZZ');
  });
});

describe('vCard 3.0 (Apple)', () => {
  it('reads item groups with X-ABLabel, skips the folded base64 photo and the group card, drops Google system groups', () => {
    const parsed = readFixture('vcard-apple-30.vcf');
    expect(parsed.rows).toBe(2);
    expect(parsed.records).toEqual([
      contact({
        line: 1,
        displayName: 'Ada Lovelace',
        firstName: 'Ada',
        lastName: 'Lovelace',
        company: 'Analytical Engines, Ltd.',
        title: 'Chief Mathematician',
        notes: 'Met at the Royal Society, 1843.\nFollow up about the engine notes.',
        emails: [
          { value: 'ada@engines.example', label: 'Other' },
          { value: 'ada@conference.example', label: 'Conference' },
          { value: 'ada.work@engines.example', label: 'Work' },
        ],
        phones: [
          { value: '+44 7700 900001', label: 'Mobile' },
          { value: '+44 7700 900002', label: 'iPhone' },
          { value: '+44 20 7946 0002', label: 'Main' },
        ],
        links: [
          { url: 'https://ada.example', label: 'Home page' },
          { url: 'https://www.linkedin.com/in/ada-lovelace', label: 'LinkedIn' },
        ],
        tags: ['Mathematicians', 'Friends'],
        location: 'London, United Kingdom',
        uid: '8A3D1A52-1C7F-4C1C-9C3A-0F1E2D3C4B5A',
      }),
      contact({
        line: 53,
        displayName: 'Acme Corp',
        company: 'Acme Corp',
        phones: [{ value: '+1 555 0199', label: 'Switchboard' }],
        tags: ['Suppliers'],
      }),
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('keeps unescaped commas of a 3.0 NOTE, and loses only the line ical.js rejects', () => {
    const parsed = readText(
      card(
        'VERSION:3.0',
        'FN:Bo Berg',
        'NOTE:one, two, three',
        'TEL;TYPE="unclosed:+1 555 0100',
        'EMAIL:bo@example.com',
      ),
    );
    expect(parsed.records).toEqual([
      contact({
        line: 1,
        displayName: 'Bo Berg',
        notes: 'one, two, three',
        emails: [{ value: 'bo@example.com', label: null }],
      }),
    ]);
    expect(problemLines(parsed)).toEqual([[5, 'TEL', 'warning']]);
  });

  it('decodes the 3.0 escapes ical.js gets wrong: \\; in text, X-ABLabel, a backslash before a delimiter', () => {
    const parsed = readText(
      card(
        'VERSION:3.0',
        'FN:Sam Lee\\; PhD',
        'N:Lee\\\\;Sam;;;',
        'ORG:Back\\\\;R&D',
        'TITLE:Head\\; Lisbon\\, Porto',
        'NOTE:a\\;b\\, c\\\\nd\\ne',
        'item1.TEL:+1 555 0100',
        'item1.X-ABLabel:Front desk\\, 2nd floor\\; east',
        'CATEGORIES:C:\\\\,Nordics,semi\\;colon,two\\,parts',
        'ADR:;;;Town\\\\;Region;;;',
      ),
    );
    expect(parsed.records).toEqual([
      contact({
        line: 1,
        displayName: 'Sam Lee; PhD',
        // "Lee\\" then ";": the backslash is escaped, the semicolon separates.
        lastName: 'Lee\\',
        firstName: 'Sam',
        company: 'Back\\',
        title: 'Head; Lisbon, Porto',
        notes: 'a;b, c\\nd\ne',
        phones: [{ value: '+1 555 0100', label: 'Front desk, 2nd floor; east' }],
        // "two,parts": a comma is not allowed in a tag, it becomes a space.
        tags: ['C:\\', 'Nordics', 'semi;colon', 'two parts'],
        location: 'Town\\, Region',
      }),
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('reads LF and CRLF files alike', () => {
    const crlf = card('VERSION:3.0', 'FN:Lu Lin', 'NOTE:a\\nb', ' c');
    expect(readText(crlf.replaceAll('\r\n', '\n')).records).toEqual(readText(crlf).records);
    expect(readText(crlf).records[0]!.notes).toBe('a\nbc');
  });
});

describe('vCard 4.0', () => {
  it('reads tel: URIs, TYPE lists, ADR, and ignores the data: photo and KIND:group cards', () => {
    const parsed = readFixture('vcard-40.vcf');
    expect(parsed.rows).toBe(2);
    expect(parsed.records).toEqual([
      contact({
        line: 1,
        displayName: 'Grace Hopper',
        firstName: 'Grace',
        lastName: 'Hopper',
        company: 'US Navy',
        title: 'Rear Admiral',
        notes: 'Coined "debugging".',
        emails: [{ value: 'grace@navy.example', label: 'Work' }],
        phones: [
          { value: '+1-555-555-0101', label: 'Mobile' },
          { value: '+1-555-555-0102 x12', label: 'Work' },
        ],
        links: [{ url: 'https://navy.example/hopper', label: 'Work' }],
        tags: ['Pioneers', 'Navy'],
        location: 'Arlington, VA, USA',
        uid: 'urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1',
      }),
      contact({
        line: 18,
        displayName: 'Edsger Dijkstra',
        emails: [{ value: 'edsger@example.nl', label: null }],
      }),
    ]);
    expect(parsed.problems).toEqual([]);
  });
});

describe('broken vCard files', () => {
  it('reports a card cut in half at its BEGIN line and still reads the others', () => {
    const parsed = readFixture('vcard-cut.vcf');
    expect(parsed.rows).toBe(4);
    expect(parsed.records.map((r) => [r.line, r.displayName])).toEqual([
      [1, 'Complete One'],
      [10, 'Complete Two'],
    ]);
    expect(problemLines(parsed)).toEqual([
      [6, null, 'error'],
      [14, null, 'warning'],
      [17, null, 'error'],
    ]);
    expect(parsed.problems[0]!.message).toContain('no END:VCARD');
  });

  it('warns once about text between cards', () => {
    const parsed = readText(`junk\nmore junk\n${card('VERSION:3.0', 'FN:A B')}`);
    expect(problemLines(parsed)).toEqual([[1, null, 'warning']]);
    expect(parsed.records).toHaveLength(1);
  });

  it('skips a card with nothing to recognise the person by', () => {
    const parsed = readText(card('VERSION:3.0', 'NOTE:just a note'));
    expect(parsed.records).toEqual([]);
    expect(problemLines(parsed)).toEqual([[1, null, 'warning']]);
  });
});

describe('labels that look like object members', () => {
  it('reads TYPE=constructor and a "constructor" X-ABLabel as the text they are', () => {
    const parsed = readText(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nTEL;TYPE=constructor:+1 415 555 0100\r\nitem1.EMAIL:ann@example.com\r\nitem1.X-ABLabel:toString\r\nEND:VCARD\r\n',
    );
    expect(parsed.records[0]?.phones).toEqual([{ value: '+1 415 555 0100', label: 'Constructor' }]);
    expect(parsed.records[0]?.emails).toEqual([{ value: 'ann@example.com', label: 'toString' }]);
  });
});
