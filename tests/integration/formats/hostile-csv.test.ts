// Hostile CSV: a stray quote must never swallow the rest of a file silently. Every data line is
// either read as a row or reported, in full, with its number; rows read and lines in the file
// are both given, so a swallowed file shows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedImport } from '../../../src/main/formats/record.ts';
import { problemLines, readFixture, readText } from './fixtures.ts';

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli'];

/** A LinkedIn export of `rows` rows; `quoted` puts a value with a comma (quoted) on every 7th row. */
function connections(rows: number, quoted = false): string[] {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const company = quoted && i % 7 === 3 ? '"Initech, Inc."' : (COMPANIES[i % 5] as string);
    lines.push(
      `First${i},Last${i},https://www.linkedin.com/in/p-${i},,${company},Engineer,${(i % 28) + 1} Mar 2024`,
    );
  }
  return lines;
}

/** Every data line (2..lines) was read as a row or reported at its own line number. */
function everyLineAccountedFor(parsed: ParsedImport, lines: number): void {
  const seen = new Set([...parsed.records.map((r) => r.line), ...parsed.problems.map((p) => p.line)]);
  for (let line = 2; line <= lines; line++) expect(seen.has(line), `line ${line}`).toBe(true);
}

describe('a stray quote in a 50,000-row LinkedIn file', () => {
  it.each([
    ['and no other quote in the file (it would run to the end)', false],
    ['and quoted values after it (it would close at one of them)', true],
  ])('at the start of line 11, %s: the other rows are read, the line is reported in full', (_, quoted) => {
    const lines = connections(50_000, quoted);
    const bad = `"${lines[10]}`;
    lines[10] = bad;
    const parsed = readText(`${lines.join('\n')}\n`);

    expect(parsed.records).toHaveLength(49_999);
    expect(parsed.records.some((r) => r.line === 11)).toBe(false);
    expect(parsed.records.at(-1)).toMatchObject({ line: 50_001, firstName: 'First49999' });
    expect(problemLines(parsed)).toEqual([[11, null, 'error']]);
    const message = parsed.problems[0]!.message;
    expect(message).toContain('the quote at character 1 opens a value that');
    expect(message.endsWith(`The line as in the file: ${bad}`)).toBe(true);
    // Rows read against lines in the file: the unreadable line counts as a row, skipped.
    expect(parsed.rows).toBe(50_000);
    expect(parsed.lines).toBe(50_001);
  });
});

describe('stray quotes in smaller files', () => {
  it('two stray quotes on neighbouring lines do not make one row of two', () => {
    const lines = connections(5);
    lines[2] = `"${lines[2]}`;
    lines[3] = lines[3]!.replace('First2,', 'First2",');
    const parsed = readText(lines.join('\n'));
    expect(problemLines(parsed)).toEqual([[3, null, 'error']]);
    expect(parsed.records.map((r) => r.line)).toEqual([2, 4, 5, 6]);
    // The second quote is just a character of a row that reads fine.
    expect(parsed.records[1]!.firstName).toBe('First2"');
  });

  it('a stray quote closed further down, over rows of the file, gives those rows back', () => {
    const lines = connections(20);
    lines[3] = lines[3]!.replace('First2,Last2', 'First2,"Last2');
    lines[12] = lines[12]!.replace('First11,', 'First11",');
    const parsed = readText(lines.join('\n'));
    expect(problemLines(parsed)).toEqual([[4, null, 'error']]);
    expect(parsed.problems[0]!.message).toContain(
      'the quote at character 8 opens a value that runs on to line 13',
    );
    expect(parsed.records).toHaveLength(19);
    everyLineAccountedFor(parsed, 21);
  });

  it('after an unreadable line, lines that are no rows (the rest of a value) are reported one by one', () => {
    const text = [
      'First Name,Last Name,Company,Connected On',
      'Ann,Lee,Acme,1 Jan 2020',
      'Bo,Berg,"Sales, and',
      'more of the value',
      'Cy,Young,Co,3 Jan 2020',
    ].join('\n');
    const parsed = readText(text);
    expect(parsed.records.map((r) => r.displayName)).toEqual(['Ann Lee', 'Cy Young']);
    expect(problemLines(parsed)).toEqual([
      [3, null, 'error'],
      [4, null, 'error'],
    ]);
    expect(parsed.problems[1]!.message).toMatch(
      /^Skipped: after the unreadable line 3, this line does not read as a row by itself \(1 values where the header has 4\).*The line as in the file: more of the value$/,
    );
  });

  it('still reads a quoted value that runs over several lines in a real row', () => {
    const parsed = readFixture('google-legacy-utf16.csv');
    expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const text = [
      'First Name,Last Name,Company,Position,Connected On',
      'Ann,Lee,"Acme, Berlin","CTO',
      'and founder",1 Jan 2020',
      'Bo,Berg,Globex,CEO,2 Feb 2021',
    ].join('\n');
    const read = readText(text);
    expect(read.problems).toEqual([]);
    expect(read.records.map((r) => [r.line, r.title])).toEqual([
      [2, 'CTO and founder'],
      [4, 'CEO'],
    ]);
    expect([read.rows, read.lines]).toEqual([2, 4]);
  });

  it('ignores a stray quote in the preamble, before the header', () => {
    const parsed = readText(['Notes:', '"An unclosed note', '', ...connections(3)].join('\n'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.records).toHaveLength(3);
  });
});

describe('property: no line is lost without a word', () => {
  it('stray quotes anywhere in a file: every data line is read or reported', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 25 }),
        fc.boolean(),
        fc.array(fc.record({ row: fc.nat(), at: fc.nat() }), { minLength: 1, maxLength: 4 }),
        (rows, quoted, strays) => {
          const lines = connections(rows, quoted);
          for (const { row, at } of strays) {
            const i = 1 + (row % rows);
            const line = lines[i] as string;
            const pos = at % (line.length + 1);
            lines[i] = `${line.slice(0, pos)}"${line.slice(pos)}`;
          }
          const parsed = readText(lines.join('\n'));
          everyLineAccountedFor(parsed, rows + 1);
          expect(parsed.lines).toBe(rows + 1);
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});
