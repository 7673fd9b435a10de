import { describe, expect, it } from 'vitest';
import { readImport } from '../../../src/main/formats/read.ts';
import { contact, fixtureBytes, problemLines, readFixture, readText } from './fixtures.ts';

describe('Google Contacts CSV (current)', () => {
  it('reads numbered groups, ::: multi-values with their shared label, and labels minus system groups', () => {
    const parsed = readFixture('google-current.csv');
    expect(parsed.format).toBe('google-csv');
    expect(parsed.rows).toBe(5);
    expect(parsed.records).toEqual([
      contact({
        line: 2,
        displayName: 'Marie Salomea Curie PhD',
        firstName: 'Marie',
        lastName: 'Curie',
        company: 'Sorbonne',
        title: 'Professor',
        notes: 'Met at the Solvay conference.\nTalk again about radium.',
        emails: [
          // "* Work": the star marks Google's primary entry, not part of the label.
          { value: 'marie@sorbonne.example', label: 'Work' },
          { value: 'mcurie@lab.example', label: 'Work' },
          { value: 'marie@home.example', label: 'Home' },
        ],
        phones: [
          { value: '+33 6 12 34 56 78', label: 'Mobile' },
          { value: '+33 6 98 76 54 32', label: 'Mobile' },
          { value: '+33 1 40 00 00 00 x12', label: 'Work' },
        ],
        links: [{ url: 'https://www.sorbonne.example/curie', label: 'Profile' }],
        // "* myContacts ::: * starred ::: Investors ::: Science, Europe": commas are not allowed in tags.
        tags: ['Investors', 'Science Europe'],
        location: 'Paris, France',
      }),
      contact({ line: 6, displayName: 'Bobby', emails: [{ value: 'bob@example.com', label: null }] }),
      contact({
        line: 7,
        emails: [{ value: 'only-mail@example.com', label: 'Other' }],
        location: 'Somewhere street 1, 1234 Town',
      }),
      contact({ line: 10, displayName: 'Nikola Tesla', firstName: 'Nikola', lastName: 'Tesla' }),
    ]);
    expect(problemLines(parsed)).toEqual([
      [9, null, 'warning'],
      [10, 'Phone 1 - Value', 'warning'],
      [10, 'Website 1 - Value', 'warning'],
    ]);
    expect(parsed.problems[0]!.message).toContain('no name, company, e-mail, phone or link');
    expect(parsed.problems[1]!.message).toContain('"call me maybe"');
    expect(parsed.problems[2]!.message).toContain('"ftp://tesla.example" is not a web address');
  });

  it('takes File As for the display name, unless it is the name parts turned round a comma', () => {
    const parsed = readText(
      [
        'First Name,Middle Name,Last Name,File As,Organization Name,Labels',
        '太郎,,山田,山田 太郎,,* myContacts ::: *VIP',
        'Sam,,Lee,Dr. Sam Lee,,',
        'Ada,,Lovelace,"Lovelace, Ada",Analytical Engines,',
        ',,,Acme front desk,Acme,',
      ].join('\n'),
    );
    expect(parsed.format).toBe('google-csv');
    expect(parsed.records.map((r) => [r.displayName, r.firstName, r.lastName])).toEqual([
      ['山田 太郎', '太郎', '山田'],
      ['Dr. Sam Lee', 'Sam', 'Lee'],
      // Outlook's and Exchange's default filing is a sorting key, not a name.
      ['Ada Lovelace', 'Ada', 'Lovelace'],
      ['Acme front desk', null, null],
    ]);
    // Only "* " marks a system group.
    expect(parsed.records[0]!.tags).toEqual(['*VIP']);
    expect(parsed.problems).toEqual([]);
  });

  it('finds as many numbered groups as the header has', () => {
    const parsed = readText(
      'First Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,E-mail 3 - Label,E-mail 3 - Value\n' +
        'Ann,Lee,,Work,a@work.example,Home,a@home.example,Other,a@other.example\n',
    );
    expect(parsed.records[0]!.emails).toEqual([
      { value: 'a@work.example', label: 'Work' },
      { value: 'a@home.example', label: 'Home' },
      { value: 'a@other.example', label: 'Other' },
    ]);
  });
});

describe('Google Contacts CSV (legacy, UTF-16LE)', () => {
  const expected = [
    contact({
      line: 2,
      displayName: 'Dr. Søren Kierkegaard',
      firstName: 'Søren',
      lastName: 'Kierkegaard',
      company: 'University of Copenhagen',
      title: 'Lecturer',
      notes: 'Philosopher; likes long walks',
      emails: [
        { value: 'soren@example.dk', label: 'Home' },
        { value: 'sk@uni.example', label: 'Work' },
        { value: 'sk2@uni.example', label: 'Work' },
      ],
      phones: [{ value: '+45 12 34 56 78', label: 'Mobile' }],
      links: [{ url: 'https://soren.example', label: 'Blog' }],
      tags: ['Friends', 'Copenhagen'],
      location: 'København, Denmark',
    }),
    contact({ line: 5, displayName: 'Hannah Arendt', firstName: 'Hannah', lastName: 'Arendt' }),
  ];

  it('decodes the committed UTF-16LE file with BOM and reads Group Membership and "- Type" labels', () => {
    const bytes = fixtureBytes('google-legacy-utf16.csv');
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
    const parsed = readImport(bytes);
    expect(parsed.format).toBe('google-csv-legacy');
    expect(parsed.rows).toBe(2);
    expect(parsed.records).toEqual(expected);
    expect(parsed.problems).toEqual([]);
  });

  it('reads the same text encoded in the test as UTF-16LE with BOM, and as UTF-16LE without BOM', () => {
    const text = new TextDecoder('utf-16le').decode(fixtureBytes('google-legacy-utf16.csv').subarray(2));
    const utf16 = (s: string, bom: boolean) => {
      const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
      if (bom) out.set([0xff, 0xfe]);
      for (let i = 0; i < s.length; i++) {
        out[(bom ? 2 : 0) + i * 2] = s.charCodeAt(i) & 0xff;
        out[(bom ? 2 : 0) + i * 2 + 1] = s.charCodeAt(i) >> 8;
      }
      return out;
    };
    expect(readImport(utf16(text, true)).records).toEqual(expected);
    expect(readImport(utf16(text, false)).records).toEqual(expected);
  });
});

describe('Google Contacts CSV (legacy) without optional columns', () => {
  const legacy = [
    contact({
      line: 2,
      displayName: 'Dr. Søren Kierkegaard',
      firstName: 'Søren',
      lastName: 'Kierkegaard',
      company: 'University of Copenhagen',
      title: 'Lecturer',
      notes: 'Philosopher',
      emails: [{ value: 'soren@example.dk', label: 'Home' }],
      phones: [{ value: '+45 12 34 56 78', label: 'Mobile' }],
    }),
    contact({
      line: 3,
      displayName: 'Hannah Arendt',
      firstName: 'Hannah',
      lastName: 'Arendt',
      emails: [{ value: 'hannah@example.org', label: 'Work' }],
    }),
  ];

  it('is detected and read without a Group Membership column, and with the format named', () => {
    // UTF-16LE with BOM, as the legacy export was, from a contact list without groups.
    expect(readFixture('hostile-google-legacy-no-groups.csv')).toMatchObject({
      format: 'google-csv-legacy',
      records: legacy,
      problems: [],
    });
    expect(readFixture('hostile-google-legacy-no-groups.csv', 'google-csv-legacy').records).toEqual(legacy);
  });

  it('is read with the format named from its name columns alone, columns mapped by name', () => {
    const text = 'Family Name,E-mail 1 - Value,Given Name\nArendt,hannah@example.org,Hannah\n';
    // Too little to tell it from any other file...
    expect(() => readText(text)).toThrow(/not in a format that can be imported/);
    // ...but every legacy export has these columns, so naming the format reads it.
    expect(readText(text, 'google-csv-legacy').records).toEqual([
      contact({
        line: 2,
        displayName: 'Hannah Arendt',
        firstName: 'Hannah',
        lastName: 'Arendt',
        emails: [{ value: 'hannah@example.org', label: null }],
      }),
    ]);
  });
});
