import { describe, expect, it } from 'vitest';
import { parseConnectedOn } from '../../../src/main/formats/linkedin-csv.ts';
import { ImportFileError } from '../../../src/main/formats/record.ts';
import { contact, problemLines, readFixture, readText } from './fixtures.ts';

describe('LinkedIn Connections.csv', () => {
  it('finds the header after the Notes: preamble and reads every field, URL included', () => {
    const parsed = readFixture('linkedin-preamble.csv');
    expect(parsed.format).toBe('linkedin-csv');
    expect(parsed.rows).toBe(5);
    expect(parsed.records).toEqual([
      contact({
        line: 5,
        displayName: 'Ada Lovelace',
        firstName: 'Ada',
        lastName: 'Lovelace',
        company: 'Analytical Engines',
        title: 'Mathematician, Poet',
        links: [{ url: 'https://www.linkedin.com/in/ada-lovelace', label: 'LinkedIn' }],
        metOn: '2024-03-12',
      }),
      contact({
        line: 6,
        displayName: 'Grace Hopper',
        firstName: 'Grace',
        lastName: 'Hopper',
        company: 'US Navy',
        title: 'Rear Admiral',
        emails: [{ value: 'grace@navy.example', label: null }],
        // http, upper-case host, query and trailing slash: one spelling per profile.
        links: [{ url: 'https://www.linkedin.com/in/grace-hopper', label: 'LinkedIn' }],
        metOn: '2023-01-01',
      }),
      contact({
        line: 8,
        displayName: 'Jürgen Müller',
        firstName: 'Jürgen',
        lastName: 'Müller',
        company: 'Acme, Inc.',
        title: 'CTO',
        links: [{ url: 'https://www.linkedin.com/in/juergen-mueller', label: 'LinkedIn' }],
        metOn: '2024-02-29',
      }),
      contact({
        line: 9,
        displayName: "Tim O'Brien",
        firstName: 'Tim',
        lastName: "O'Brien",
        company: 'Foo',
        title: 'Head of "Growth"',
        links: [{ url: 'https://www.linkedin.com/in/tim-obrien', label: 'LinkedIn' }],
      }),
    ]);
    expect(problemLines(parsed)).toEqual([
      [7, null, 'warning'],
      [9, 'Email Address', 'warning'],
      [9, 'Connected On', 'warning'],
    ]);
    expect(parsed.problems[0]!.message).toMatch(/deleted|left or hidden/);
    expect(parsed.problems[1]!.message).toContain('"not-an-email" is not an e-mail address');
    expect(parsed.problems[2]!.message).toContain('"31 Feb 2024" is not a date');
  });

  it('reads a file without preamble, with BOM, CRLF, a value spanning two lines and a ragged row', () => {
    const parsed = readFixture('linkedin-bom.csv');
    expect(parsed.format).toBe('linkedin-csv');
    expect(parsed.records.map((r) => [r.line, r.displayName, r.company, r.title, r.metOn])).toEqual([
      [2, 'Linus Torvalds', 'Linux Foundation', 'Fellow', '2021-06-07'],
      [4, 'Margaret Hamilton', 'NASA', 'Director', '2020-08-15'],
      [5, 'Alan Turing', null, null, null],
    ]);
    expect(parsed.problems).toEqual([
      {
        line: 4,
        column: null,
        severity: 'warning',
        message: expect.stringContaining('9 values but the header has 7 columns'),
      },
    ]);
  });

  it('reads the old export without the URL column (columns by name, not position)', () => {
    const parsed = readFixture('linkedin-old.csv');
    expect(parsed.records).toEqual([
      contact({
        line: 2,
        displayName: 'Katherine Johnson',
        firstName: 'Katherine',
        lastName: 'Johnson',
        emails: [{ value: 'kj@example.org', label: null }],
        company: 'NASA',
        title: 'Mathematician',
        metOn: '2016-10-03',
      }),
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('leaves a URL that is not one for the builder to reject', () => {
    const parsed = readText('First Name,Last Name,URL,Connected On\nAnn,Lee,not a url,1 Jan 2020\n');
    expect(parsed.records[0]!.links).toEqual([]);
    expect(problemLines(parsed)).toEqual([[2, 'URL', 'warning']]);
  });

  it('maps columns by name when they are reordered', () => {
    const parsed = readText(
      'Connected On,Position,Company,Last Name,First Name\n9 Nov 2025,CEO,Initech,Lumbergh,Bill\n',
    );
    expect(parsed.records).toEqual([
      contact({
        line: 2,
        displayName: 'Bill Lumbergh',
        firstName: 'Bill',
        lastName: 'Lumbergh',
        company: 'Initech',
        title: 'CEO',
        metOn: '2025-11-09',
      }),
    ]);
  });

  it('reports a quote that is never closed at the line it opens, in full, and reads the rows after it', () => {
    const parsed = readText(
      'First Name,Last Name,Company,Connected On\nAda,Lovelace,Engines,1 Jan 2020\n\nBob,"Unclosed,Acme,2 Jan 2020\nCy,Young,Co,3 Jan 2020\n',
    );
    expect(parsed.records.map((r) => r.displayName)).toEqual(['Ada Lovelace', 'Cy Young']);
    expect(problemLines(parsed)).toEqual([[4, null, 'error']]);
    expect(parsed.problems[0]!.message).toContain(
      'the quote at character 5 opens a value that is never closed',
    );
    expect(parsed.problems[0]!.message).toMatch(/The line as in the file: Bob,"Unclosed,Acme,2 Jan 2020$/);
    // The unreadable line is a row skipped, not silently gone.
    expect(parsed.rows).toBe(3);
    expect(parsed.lines).toBe(5);
  });

  it('refuses a forced LinkedIn format on a file without its header, naming the missing columns', () => {
    expect(() => readFixture('google-current.csv', 'linkedin-csv')).toThrow(ImportFileError);
    expect(() => readFixture('google-current.csv', 'linkedin-csv')).toThrow(/missing "Connected On"/);
  });
});

describe('Connected On dates', () => {
  it.each([
    ['12 Mar 2024', '2024-03-12'],
    ['1 Jan 2020', '2020-01-01'],
    ['29 Feb 2024', '2024-02-29'],
    ['29 Feb 2023', null],
    ['31 Apr 2024', null],
    ['12 March 2024', '2024-03-12'],
    ['2024-03-12', '2024-03-12'],
    ['2024-13-01', null],
    ['12 Foo 2024', null],
    ['03/12/2024', null],
    ['', null],
  ])('%j → %j', (text, date) => {
    expect(parseConnectedOn(text)).toBe(date);
  });
});
