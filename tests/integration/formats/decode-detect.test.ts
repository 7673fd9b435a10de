import { describe, expect, it } from 'vitest';
import { decodeImport } from '../../../src/main/formats/decode.ts';
import { detectFormat } from '../../../src/main/formats/detect.ts';
import { readImport } from '../../../src/main/formats/read.ts';
import { ImportFileError, type ImportFormat } from '../../../src/main/formats/record.ts';
import { fixtureBytes, readFixture, readText } from './fixtures.ts';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);
const fileError = (f: () => unknown): ImportFileError => {
  try {
    f();
  } catch (e) {
    if (e instanceof ImportFileError) return e;
    throw e;
  }
  throw new Error('no ImportFileError thrown');
};

describe('decoding', () => {
  it('strips UTF-8 and UTF-16 BOMs and normalises line ends', () => {
    expect(decodeImport(bytes(0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a, 0x62, 0x0d, 0x63))).toEqual({
      text: 'a\nb\nc',
      encoding: 'utf-8',
      problems: [],
    });
    expect(decodeImport(bytes(0xff, 0xfe, 0x61, 0, 0xe9, 0)).text).toBe('aé');
    expect(decodeImport(bytes(0xfe, 0xff, 0, 0x61, 0, 0xe9)).text).toBe('aé');
  });

  it('reads invalid UTF-8 as windows-1252 with a warning at the first bad line', () => {
    const decoded = decodeImport(bytes(0x61, 0x0a, 0x62, 0x0a, 0x80, 0x20, 0xe9));
    expect(decoded.text).toBe('a\nb\n€ é');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.problems).toEqual([
      { line: 3, column: null, severity: 'warning', message: expect.stringContaining('Windows-1252') },
    ]);
  });

  it.each([
    ['an empty file', bytes(), /empty/],
    ['a BOM only', bytes(0xef, 0xbb, 0xbf), /empty/],
    ['blank lines only', utf8('\n \r\n\t\n'), /empty/],
    ['a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0), /PNG image/],
    ['a ZIP (xlsx)', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0), /ZIP archive.*CSV/],
    ['a PDF', utf8('%PDF-1.7\n...'), /PDF/],
    ['an old .xls', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1), /old Office file/],
    ['NUL bytes in text', utf8('First Name,Last Name\u0000\u0001\n'), /binary data/],
  ])('refuses %s with a clear message', (_what, input, message) => {
    expect(fileError(() => readImport(input)).message).toMatch(message);
  });
});

describe('format detection', () => {
  it.each([
    ['linkedin-preamble.csv', 'linkedin-csv'],
    ['linkedin-bom.csv', 'linkedin-csv'],
    ['linkedin-old.csv', 'linkedin-csv'],
    ['google-current.csv', 'google-csv'],
    ['google-legacy-utf16.csv', 'google-csv-legacy'],
    ['outlook-com.csv', 'outlook-csv'],
    ['outlook-desktop-ansi.csv', 'outlook-csv'],
    ['vcard-android-21.vcf', 'vcard'],
    ['vcard-apple-30.vcf', 'vcard'],
    ['vcard-40.vcf', 'vcard'],
  ] as const)('%s is %s', (name, format) => {
    expect(detectFormat(decodeImport(fixtureBytes(name)).text)).toBe(format);
  });

  it('names the supported formats when it recognises nothing', () => {
    const error = fileError(() => readText('Name,Phone\nAnn,123\n'));
    expect(error.message).toMatch(/LinkedIn.*Google.*Outlook.*vCard/);
  });

  it('says so when the columns are separated by semicolons', () => {
    const error = fileError(() =>
      readText('First Name;Last Name;URL;Email Address;Company;Position;Connected On\n'),
    );
    expect(error.message).toMatch(/semicolons/);
    expect(error.line).toBe(1);
  });

  it('recognises a calendar file and says it is not contacts', () => {
    expect(fileError(() => readText('BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n')).message).toMatch(
      /calendar/,
    );
  });

  it('does not look for the header past the first ten non-blank lines', () => {
    const preamble = Array.from({ length: 10 }, (_, i) => `line ${i}`).join('\n');
    expect(() => readText(`${preamble}\nFirst Name,Last Name,Connected On\nA,B,1 Jan 2020\n`)).toThrow(
      ImportFileError,
    );
  });
});

describe('a forced format', () => {
  it('skips detection but still needs its header, naming the missing columns and the closest line', () => {
    const error = fileError(() => readFixture('linkedin-old.csv', 'outlook-csv'));
    expect(error.message).toContain('Outlook');
    expect(error.message).toContain('"E-mail Address"');
    expect(error.line).toBe(1);
    expect(fileError(() => readFixture('outlook-com.csv', 'google-csv-legacy')).message).toMatch(
      /missing "Given Name", "Family Name"\)/,
    );
    expect(fileError(() => readFixture('google-current.csv', 'vcard')).message).toMatch(/no BEGIN:VCARD/);
    expect(fileError(() => readFixture('vcard-40.vcf', 'linkedin-csv')).message).toMatch(
      /No LinkedIn Connections.csv header row/,
    );
  });

  it('reads the file when the header is there', () => {
    expect(readFixture('linkedin-old.csv', 'linkedin-csv').records).toHaveLength(1);
  });

  it('refuses an unknown format name', () => {
    expect(() => readImport(utf8('x'), { format: 'excel' as ImportFormat })).toThrow(/Unknown import format/);
  });
});

describe('CSV structure', () => {
  it('reads short rows as empty cells and skips rows of bare commas without counting them', () => {
    const parsed = readText(
      'First Name,Last Name,Company,Connected On\nAnn,Lee\n,,,\n\nBo,Berg,Acme,2 Feb 2022\n',
    );
    expect(parsed.rows).toBe(2);
    expect(parsed.records.map((r) => [r.line, r.displayName, r.company, r.metOn])).toEqual([
      [2, 'Ann Lee', null, null],
      [5, 'Bo Berg', 'Acme', '2022-02-02'],
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('keeps quotes inside unquoted values (relaxed quoting)', () => {
    const parsed = readText('First Name,Last Name,Company,Connected On\nAnn,Lee,The "Best" Co,1 Jan 2020\n');
    expect(parsed.records[0]!.company).toBe('The "Best" Co');
  });
});
