// Cards from other projects' test suites that the reader used to get wrong (issue 9, "Importer
// fidelity"): split UTF-8 folds, mixed encodings, 3.0 escapes Apple and Google overdo, Google's
// whole address in ADR's extended part, nickname-only and organisation cards, group-prefixed
// BEGIN, letters in phone numbers.
import { describe, expect, it } from 'vitest';
import { readImport } from '../../../src/main/formats/read.ts';
import { mendSplitFolds, VcardTranscoder } from '../../../src/main/formats/vcard-bytes.ts';
import { contact, fixtureBytes, problemLines, readFixture, readText } from './fixtures.ts';

const problemLinesOf = (problems: { line: number }[]) => problems.map((p) => p.line);

const card = (...lines: string[]) => ['BEGIN:VCARD', ...lines, 'END:VCARD', ''].join('\r\n');

describe('encodings judged per card, on unfolded octets', () => {
  it('reads ownCloud folds that split a UTF-8 character as the UTF-8 they are', () => {
    const parsed = readFixture('fidelity-owncloud-split-fold.vcf');
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((r) => [r.line, r.displayName, r.firstName, r.lastName])).toEqual([
      [1, 'Άλφα Βήτα Γάμμα Δέλτα Έψιλον Ζήτα Ήτα Θήτα Ιώτα Κάππα Λάμδα', 'Άλφα', 'Βήτα'],
      [12, 'Ευτυχία Παπαδοπούλου', null, null],
    ]);
    expect(parsed.records[0]?.notes).toBe(
      'Мы встретились на конференции в Москве; обсуждали поставки и сроки.',
    );
  });

  it('reads a Windows-1252 card among UTF-8 ones as Windows-1252, and only that card, with a warning at its line', () => {
    const parsed = readFixture('fidelity-mixed-encodings.vcf');
    expect(parsed.records.map((r) => [r.displayName, r.company])).toEqual([
      ['Ольга Смирнова', null],
      ['Jürgen Müller', 'Bäckerei Schön'],
      ['Zoë Ångström', null],
    ]);
    expect(problemLines(parsed)).toEqual([[6, null, 'warning']]);
    expect(parsed.problems[0]?.message).toContain('This card is not UTF-8');
  });

  it('reads a file of Windows-1252 cards with one warning for the file', () => {
    const bytes = Buffer.concat([
      Buffer.from(card('VERSION:3.0', 'FN:Jürgen Müller'), 'latin1'),
      Buffer.from(card('VERSION:3.0', 'FN:Renée Côté'), 'latin1'),
    ]);
    const read = readImport(bytes);
    expect(read.records.map((r) => r.displayName)).toEqual(['Jürgen Müller', 'Renée Côté']);
    // At the first byte that is not UTF-8, as for any other file.
    expect(problemLines(read)).toEqual([[3, null, 'warning']]);
    expect(read.problems[0]?.message).toContain('The file is not UTF-8');
  });

  it('mends a split fold of a four-byte character and leaves whole ones alone', () => {
    const emoji = Buffer.from('🎉', 'utf8');
    const split = Buffer.concat([
      Buffer.from('NOTE:a'),
      emoji.subarray(0, 1),
      Buffer.from('\r\n '),
      emoji.subarray(1),
      Buffer.from('b\r\n'),
    ]);
    expect(Buffer.from(mendSplitFolds(Uint8Array.from(split))).toString('utf8')).toBe('NOTE:a🎉\r\n b\r\n');
    const whole = Buffer.from('NOTE:aé\r\n b\r\n', 'utf8');
    expect(Buffer.from(mendSplitFolds(Uint8Array.from(whole)))).toEqual(whole);
  });

  it('gives the same UTF-8 whatever the chunks the file arrives in', () => {
    const bytes = fixtureBytes('fidelity-mixed-encodings.vcf');
    const expected = Buffer.from(bytes).toString('utf8').replace('\uFFFD', '');
    const options = { bom: 0, fileProblems: [], vcard: false };
    for (const size of [1, 7, 64, bytes.length]) {
      const cards = new VcardTranscoder(options);
      const parts: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) parts.push(cards.write(bytes.subarray(i, i + size)));
      parts.push(cards.end());
      const text = Buffer.concat(parts).toString('utf8');
      expect(text).toContain('FN:Jürgen Müller\r\nORG:Bäckerei Schön');
      expect(text).toContain('FN:Ольга Смирнова');
      expect(text.split('\n').length).toBe(expected.split('\n').length);
      expect(problemLinesOf(cards.problems())).toEqual([6]);
    }
  });

  it('leaves a Windows-1252 file that is no vCard to decode.ts and its warning', () => {
    const fileProblems = [{ line: 2, column: null, message: 'not UTF-8', severity: 'warning' as const }];
    const cards = new VcardTranscoder({ bom: 0, fileProblems, vcard: false });
    const csv = Buffer.from('First Name,Last Name\nJürgen,Müller\n', 'latin1');
    const text = Buffer.concat([cards.write(csv), cards.end()]).toString('utf8');
    expect(text).toBe('First Name,Last Name\nJürgen,Müller\n');
    expect(cards.problems()).toEqual(fileProblems);
  });
});

describe('3.0 escapes as Apple and Google write them', () => {
  const [google, apple] = readFixture('fidelity-google-apple-escapes.vcf').records;

  it('reads the whole fixture without a problem', () => {
    expect(readFixture('fidelity-google-apple-escapes.vcf').problems).toEqual([]);
    expect([google?.line, apple?.line]).toEqual([1, 14]);
  });

  it('keeps URLs whose colons and commas are escaped like text', () => {
    expect(google?.links).toEqual([
      { url: 'http://www.lumen.example/team/priya', label: null },
      { url: 'https://example.com/a,b?x=1;y=2', label: 'Home page' },
    ]);
    expect(apple?.links).toEqual([
      { url: 'http://chidi.example', label: 'Home page' },
      { url: 'http://www.linkedin.com/in/chidi-okafor', label: 'LinkedIn' },
    ]);
  });

  it('drops the backslash of \\" and \\\' in text and categories', () => {
    expect(google?.notes).toBe('Licence provided "AS IS", see the thread. Don\'t forget the deck.');
    expect(google?.tags).toEqual(["B'C"]);
  });

  it('still keeps a backslash before a letter, a digit or a space (a path written carelessly)', () => {
    const parsed = readText(card('VERSION:3.0', 'FN:Kim Lee', 'NOTE:C:\\temp\\ 2\\x \\1 and \\:'));
    expect(parsed.records[0]?.notes).toBe('C:\\temp\\ 2\\x \\1 and :');
  });

  it("reads a whole address from ADR's extended part, and a street alone", () => {
    expect(google?.location).toBe('1600 Amphitheatre Pkwy, Mountain View, CA 94043, USA');
    expect(apple?.location).toBe('Rue de la Loi 16');
    // City, region and country still win when the card has them.
    const parsed = readText(
      card('VERSION:3.0', 'FN:Kim Lee', 'ADR:;Suite 5;1 Main St;Springfield;IL;62701;USA'),
    );
    expect(parsed.records[0]?.location).toBe('Springfield, IL, USA');
  });
});

describe('cards that name someone in other ways', () => {
  const parsed = readFixture('fidelity-odd-cards.vcf');
  const at = (line: number) => parsed.records.find((r) => r.line === line);

  it('reads every card of the fixture without a problem', () => {
    expect(parsed.rows).toBe(5);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((r) => r.line)).toEqual([1, 6, 15, 21, 26]);
  });

  it('names a card with only a nickname by its first nickname', () => {
    expect(at(1)).toEqual(
      contact({ line: 1, displayName: 'Coach', phones: [{ value: '+44 7700 900123', label: 'Mobile' }] }),
    );
  });

  it('gives an organisation card without ORG its own name as company', () => {
    expect(at(6)).toEqual(
      contact({
        line: 6,
        displayName: 'ACME Inc.',
        company: 'ACME Inc.',
        phones: [{ value: '+1 212 555 0199', label: 'Work' }],
      }),
    );
    expect(at(15)).toEqual(
      contact({
        line: 15,
        displayName: 'Globex Corporation',
        company: 'Globex Corporation',
        emails: [{ value: 'info@globex.example', label: null }],
      }),
    );
  });

  it('reads a card whose BEGIN, END and properties carry a group prefix', () => {
    expect(at(21)).toEqual(
      contact({
        line: 21,
        displayName: 'Hank Scorpio',
        emails: [{ value: 'hank@globex.example', label: null }],
      }),
    );
    const alone = readText('home.BEGIN:VCARD\nhome.VERSION:3.0\nhome.FN:Hank Scorpio\nhome.END:VCARD\n');
    expect(alone.format).toBe('vcard');
    expect(alone.records.map((r) => r.displayName)).toEqual(['Hank Scorpio']);
  });

  it('keeps phone numbers written with keypad letters as written', () => {
    expect(at(26)?.phones).toEqual([
      { value: '+1-800-MYFAX', label: 'Work fax' },
      { value: '1-800-FLOWERS', label: 'Work' },
    ]);
  });
});
