import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FIELD_LIMITS,
  MAX_ENTRIES,
  MAX_LABEL_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  PLAIN_WEB_URL,
} from '../../../src/main/formats/contact-builder.ts';
import { readImport } from '../../../src/main/formats/read.ts';
import { ContactDraft, LinkEntry } from '../../../src/shared/domain/contact.ts';
import { asDraft, problemLines, readText } from './fixtures.ts';

const TEN_MB = 10 * 1024 * 1024;
const huge = 'x'.repeat(TEN_MB);

describe('the limits match the contract', () => {
  it.each(Object.entries(FIELD_LIMITS))('%s holds %i characters and no more', (field, max) => {
    const base = { displayName: 'A' };
    expect(ContactDraft.safeParse({ ...base, [field]: 'a'.repeat(max) }).success).toBe(true);
    expect(ContactDraft.safeParse({ ...base, [field]: 'a'.repeat(max + 1) }).success).toBe(false);
  });

  it('lists, tags and labels', () => {
    const email = (i: number) => ({ value: `p${i}@example.com`, label: 'l'.repeat(MAX_LABEL_LENGTH) });
    const ok = {
      displayName: 'A',
      emails: Array.from({ length: MAX_ENTRIES }, (_, i) => email(i)),
      tags: Array.from({ length: MAX_TAGS }, (_, i) => `${i}`.padEnd(MAX_TAG_LENGTH, 't')),
    };
    expect(ContactDraft.safeParse(ok).success).toBe(true);
    expect(ContactDraft.safeParse({ ...ok, emails: [...ok.emails, email(99)] }).success).toBe(false);
    expect(ContactDraft.safeParse({ ...ok, tags: [...ok.tags, 'one more'] }).success).toBe(false);
    expect(ContactDraft.safeParse({ ...ok, tags: ['t'.repeat(MAX_TAG_LENGTH + 1)] }).success).toBe(false);
  });
});

describe('the fast URL check', () => {
  const label = fc.stringMatching(/^[a-zA-Z0-9-]{1,12}$/);
  const plainUrl = fc
    .tuple(
      fc.constantFrom('http', 'https', 'HTTPS'),
      fc.array(label, { minLength: 1, maxLength: 4 }),
      fc.stringMatching(/^[a-zA-Z]{2,8}$/),
      fc.option(fc.stringMatching(/^\/[\w\-.~%/]{0,30}$/)),
    )
    .map(([scheme, labels, tld, path]) => `${scheme}://${labels.join('.')}.${tld}${path ?? ''}`);

  it('only passes URLs the contract accepts unchanged', () => {
    fc.assert(
      fc.property(plainUrl, (url) => {
        expect(PLAIN_WEB_URL.test(url)).toBe(true);
        expect(LinkEntry.shape.url.parse(url)).toBe(url);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    'https://999.1.1.1',
    'https://example.com:99999',
    'https://exa mple.com',
    'ftp://example.com',
    'https:/example.com',
    'https://example.com/?q=1',
  ])('leaves %s to the schema', (url) => {
    expect(PLAIN_WEB_URL.test(url)).toBe(false);
  });
});

describe('overlong values', () => {
  // No wall-clock bounds here (speed lives in npm run bench): the test timeout is the hang guard.
  it('cuts a 10 MB quoted CSV cell to the field limit with a warning naming line and column', () => {
    const parsed = readText(
      `First Name,Last Name,Company,Position,Connected On\nAnn,Lee,"${huge}",CTO,1 Jan 2020\n`,
    );
    expect(parsed.records[0]!.company).toHaveLength(FIELD_LIMITS.company);
    expect(parsed.records[0]!.title).toBe('CTO');
    expect(problemLines(parsed)).toEqual([[2, 'Company', 'warning']]);
    expect(parsed.problems[0]!.message).toBe(
      'Company is 10,485,760 characters long; only the first 200 were kept.',
    );
  });

  it('cuts a 10 MB unquoted CSV cell too', () => {
    const parsed = readText(
      `First Name,Last Name,Company,Position,Connected On\nAnn,Lee,Acme,${huge},1 Jan 2020\n`,
    );
    expect(parsed.records[0]!.title).toHaveLength(FIELD_LIMITS.title);
    expect(problemLines(parsed)).toEqual([[2, 'Position', 'warning']]);
  });

  it('cuts 10 MB of notes to 50,000 characters', () => {
    const parsed = readText(
      `First Name,Last Name,Notes,Labels\nAnn,Lee,"${'word '.repeat(TEN_MB / 5)}",${'tag ::: '.repeat(1000)}\n`,
    );
    expect(parsed.records[0]!.notes).toHaveLength(FIELD_LIMITS.notes - 1); // trimmed after the cut
    expect(parsed.records[0]!.tags).toEqual(['tag']);
    expect(problemLines(parsed)).toEqual([[2, 'Notes', 'warning']]);
  });

  it('does not split an emoji when cutting', () => {
    const parsed = readText(
      `First Name,Last Name,Company,Connected On\nAnn,Lee,${'a'.repeat(199)}😀,1 Jan 2020\n`,
    );
    expect(parsed.records[0]!.company).toBe('a'.repeat(199));
  });

  it('survives a 10 MB vCard NOTE, a 10 MB photo and a 10 MB name', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      `FN:${huge}`,
      `NOTE:${huge}`,
      `PHOTO;ENCODING=b;TYPE=JPEG:${'QUFB'.repeat(TEN_MB / 4)}`,
      'EMAIL:a@example.com',
      'END:VCARD',
    ].join('\n');
    const parsed = readText(text);
    expect(parsed.records[0]!.displayName).toHaveLength(FIELD_LIMITS.displayName);
    expect(parsed.records[0]!.notes).toHaveLength(FIELD_LIMITS.notes);
    expect(problemLines(parsed)).toEqual([
      [3, 'FN', 'warning'],
      [4, 'NOTE', 'warning'],
    ]);
  });

  it('unfolds thousands of quoted-printable soft breaks in linear time', () => {
    const qp = '=C3=A9'.repeat(300_000);
    const lines: string[] = [];
    for (let i = 0; i < qp.length; i += 72) lines.push(`${qp.slice(i, i + 72)}=`);
    const parsed = readText(
      [
        'BEGIN:VCARD',
        'VERSION:2.1',
        'FN:A',
        `NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${lines.join('\r\n')}`,
        'END:VCARD',
      ].join('\r\n'),
    );
    expect(parsed.records[0]!.notes).toBe('é'.repeat(FIELD_LIMITS.notes));
  });

  it('skips a property with a megabyte of parameters (ical.js would take minutes over it)', () => {
    const parsed = readText(
      ['BEGIN:VCARD', 'VERSION:3.0', 'FN:A', `X-FOO;${'a=b;'.repeat(250_000)}:v`, 'END:VCARD'].join('\n'),
    );
    expect(parsed.records).toHaveLength(1);
    expect(problemLines(parsed)).toEqual([[4, 'X-FOO', 'warning']]);
  });

  it('gives up on a quoted value over 16 MB at its line, quoting the start, and reads the rows after it', () => {
    const runaway = 'x'.repeat(17 * 1024 * 1024);
    // Ten rows first: the reader is past the header lines and streams the runaway line.
    const rows = Array.from({ length: 10 }, (_, i) => `Ann${i},Lee,1 Jan 2020`);
    const parsed = readText(
      `First Name,Last Name,Connected On\n${rows.join('\n')}\nBo,"${runaway}\nmore of it\nCy,Young,3 Jan 2020\n`,
    );
    expect(parsed.records.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14]);
    expect(problemLines(parsed)).toEqual([
      [12, null, 'error'],
      [13, null, 'error'],
    ]);
    expect(parsed.problems[0]!.message).toMatch(
      /^This row could not be read: it runs on for over 16 MB .*The line as in the file: Bo,"x{1996} … \(cut here; the line is over [\d,]+ bytes long\)$/,
    );
  });

  it('reports a 10 MB quoted value that never closes as one error', () => {
    const parsed = readText(`First Name,Last Name,Connected On\nAnn,Lee,1 Jan 2020\nBo,"${huge}\n`);
    expect(parsed.records).toHaveLength(1);
    expect(problemLines(parsed)).toEqual([[3, null, 'error']]);
  });
});

describe('per-contact list limits', () => {
  it('keeps 20 e-mails and 50 tags and says how many more were left out', () => {
    const emails = Array.from({ length: 25 }, (_, i) => `EMAIL:p${i}@example.com`);
    const tags = Array.from({ length: 60 }, (_, i) => `t${i}`).join(',');
    const parsed = readText(
      ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Many', ...emails, `CATEGORIES:${tags}`, 'END:VCARD'].join('\n'),
    );
    const [r] = parsed.records;
    expect(r!.emails).toHaveLength(20);
    expect(r!.tags).toHaveLength(50);
    expect(parsed.problems).toEqual([
      {
        line: 24,
        column: 'EMAIL',
        severity: 'warning',
        message: 'Only 20 e-mail addresses are kept per contact; 5 more were left out.',
      },
      {
        line: 29,
        column: 'CATEGORIES',
        severity: 'warning',
        message: 'Only 50 tags are kept per contact; 10 more were left out.',
      },
    ]);
    expect(ContactDraft.safeParse(asDraft(r!)).success).toBe(true);
  });

  it('lists ten warnings per record and counts the rest in one more', () => {
    const bad = Array.from({ length: 30 }, (_, i) => `bad${i}`).join(' ::: ');
    const parsed = readText(
      `First Name,Last Name,E-mail 1 - Label,E-mail 1 - Value,Labels\nAnn,Lee,Work,"${bad} ::: ann@example.com",\n`,
    );
    expect(parsed.records[0]!.emails).toEqual([{ value: 'ann@example.com', label: 'Work' }]);
    expect(parsed.problems).toHaveLength(11);
    expect(parsed.problems.at(-1)).toEqual({
      line: 2,
      column: null,
      severity: 'warning',
      message: '20 more problems in this record were not listed.',
    });
  });

  it('shortens a long label and tag with a warning', () => {
    const parsed = readText(
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:L',
        `item1.EMAIL:a@example.com`,
        `item1.X-ABLabel:${'l'.repeat(60)}`,
        `CATEGORIES:${'t'.repeat(70)}`,
        'END:VCARD',
      ].join('\n'),
    );
    expect(parsed.records[0]!.emails[0]!.label).toHaveLength(MAX_LABEL_LENGTH);
    expect(parsed.records[0]!.tags[0]).toHaveLength(MAX_TAG_LENGTH);
    expect(problemLines(parsed)).toEqual([
      [4, 'EMAIL', 'warning'],
      [6, 'CATEGORIES', 'warning'],
    ]);
  });
});

describe('speed', () => {
  const linkedIn = (rows: number) => {
    const companies = ['Acme', '"Globex, Inc."', 'Initech', 'Umbrella Corp', 'Hooli'];
    const lines = [
      'Notes:',
      '"When exporting your connection data, you may notice that some of the email addresses are missing."',
      '',
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    ];
    for (let i = 0; i < rows; i++) {
      lines.push(
        `First${i},Last${i},https://www.linkedin.com/in/first-last-${i},${i % 20 === 0 ? `p${i}@example.com` : ''},${companies[i % 5]},Engineer,${(i % 28) + 1} Mar 2024`,
      );
    }
    return new TextEncoder().encode(lines.join('\n'));
  };

  it('reads 50,000 LinkedIn rows without a problem (the time is measured by npm run bench)', () => {
    const parsed = readImport(linkedIn(50_000));
    expect(parsed.records).toHaveLength(50_000);
    expect(parsed.problems).toEqual([]);
  });
});
