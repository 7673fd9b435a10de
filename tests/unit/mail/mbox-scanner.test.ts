import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MboxFormatError, MboxScanner } from '../../../src/main/mail/mbox/mbox-scanner.ts';
import { mbox, plainMessage, scanBuffer } from './mbox-fixtures.ts';

const subjects = (file: Buffer, chunkBytes?: number) =>
  scanBuffer(file, chunkBytes ? { chunkBytes } : {}).messages.map((m) => m.subject);

const TRICKY_BODY = [
  'From the desk of Ada:',
  '>From a quoted line',
  '>>From a doubly quoted line',
  '',
  'From here on, after a blank line (quoted by mboxrd writers)',
  'Subject: not a header, a body line',
  '',
].join('\n');

/** Every splitting case at once: each must come out the same whatever the chunk boundaries. */
const CASES = [
  { ...plainMessage(1), body: TRICKY_BODY },
  { ...plainMessage(2), envelope: 'From - Sat Jan  3 01:05:34 1996' },
  { ...plainMessage(3), envelope: 'From ada@example.com Fri Jan  5 10:00:00 2024', body: '' },
  { ...plainMessage(4), body: 'x'.repeat(5000) },
];

describe('splitting an mbox into messages', () => {
  it('reads mboxrd bodies with quoted ">From " lines as bodies', () => {
    expect(subjects(mbox(CASES))).toEqual(['Message 1', 'Message 2', 'Message 3', 'Message 4']);
  });

  it('gives the same messages and problems for every chunk size (1 byte to a whole file)', () => {
    const files = [
      mbox(CASES),
      mbox(CASES, { eol: '\r\n' }),
      mbox(CASES, { noTrailingNewline: true }),
      mbox(CASES, { eol: '\r\n', noTrailingNewline: true, quoting: 'none' }),
    ];
    for (const file of files) {
      const whole = scanBuffer(file, { chunkBytes: file.length });
      expect(whole.messages).toHaveLength(4);
      for (const size of [1, 2, 3, 5, 6, 7, 13, 64, 997]) {
        expect(scanBuffer(file, { chunkBytes: size }), `chunks of ${size}`).toEqual(whole);
      }
    }
  });

  it('a CRLF file and a file without a trailing newline read like the LF one', () => {
    const lf = scanBuffer(mbox(CASES)).messages;
    expect(scanBuffer(mbox(CASES, { eol: '\r\n' })).messages).toEqual(lf);
    expect(scanBuffer(mbox(CASES, { noTrailingNewline: true })).messages).toEqual(lf);
    // The last message's headers end the file: no blank line, no body, no line end.
    const headersOnly = Buffer.from('From x@y Mon Jan  1 10:00:00 2024\r\nSubject: last\r\nFrom: a@b.c');
    expect(scanBuffer(headersOnly).messages.map((m) => [m.subject, m.from[0]?.address])).toEqual([
      ['last', 'a@b.c'],
    ]);
  });

  it('takes an unquoted "From " body line after a blank line back as body text, and says so', () => {
    const read = scanBuffer(mbox(CASES, { quoting: 'none' }));
    expect(read.messages.map((m) => m.subject)).toEqual(['Message 1', 'Message 2', 'Message 3', 'Message 4']);
    // The body's first line (after the headers' blank line) and the paragraph after a blank line.
    const file = mbox(CASES, { quoting: 'none' }).toString('latin1');
    expect(read.problems.map((p) => [p.message, file.slice(p.offset, p.offset + 15), p.text])).toEqual(
      ['From the desk o', 'From here on, a'].map((line) => [
        1,
        line,
        'a body line begins with "From " unquoted and no message follows it; read as part of message 1',
      ]),
    );
  });

  it('splits at an envelope line even without the blank line before it', () => {
    const file = Buffer.from(
      [
        'From a@b Mon Jan  1 10:00:00 2024',
        'Subject: one',
        '',
        'body without a blank line after it',
        'From c@d Mon Jan  1 11:00:00 2024',
        'Subject: two',
        '',
        'x',
      ].join('\n'),
    );
    expect(subjects(file)).toEqual(['one', 'two']);
  });

  it('skips a separator with no headers behind it, counted', () => {
    const file = Buffer.from(
      [
        'From a@b Mon Jan  1 10:00:00 2024',
        '',
        'orphan body',
        '',
        ...mbox([plainMessage(1)])
          .toString()
          .split('\n'),
      ].join('\n'),
    );
    const read = scanBuffer(file);
    expect(read.messages.map((m) => m.subject)).toEqual(['Message 1']);
    expect(read.skipped).toBe(1);
  });

  it('ends headers that run into the body without a blank line, with a problem', () => {
    const file = Buffer.from(
      'From a@b Mon Jan  1 10:00:00 2024\nSubject: one\nFrom: a@b.c\nthis is the body\n',
    );
    const read = scanBuffer(file);
    expect(read.messages.map((m) => m.subject)).toEqual(['one']);
    expect(read.problems.map((p) => p.text)).toContain(
      'the headers end without a blank line; read on from here as the body',
    );
  });

  it('refuses a file that is not an mbox, naming the line', () => {
    expect(() => scanBuffer(Buffer.from('\n\nFirst Name,Last Name\nAda,Lovelace\n'))).toThrow(
      new MboxFormatError('not an mbox file: line 3 should begin a message with a "From " line', 3),
    );
    expect(() => scanBuffer(Buffer.from('x'.repeat(5000)), { chunkBytes: 100 })).toThrow(MboxFormatError);
  });
});

describe('bounded memory', () => {
  it('cuts a header block past the limit and reports it; the next message is read', () => {
    const big = {
      ...plainMessage(1),
      headers: [...plainMessage(1).headers, ...Array(200).fill(`X-Long: ${'y'.repeat(990)}`)],
    };
    const read = scanBuffer(mbox([big, plainMessage(2)]), { maxHeaderBytes: 64 * 1024 });
    expect(read.messages.map((m) => m.subject)).toEqual(['Message 1', 'Message 2']);
    expect(read.problems.map((p) => [p.message, p.text])).toEqual([
      [1, 'the headers are longer than 64 KB; cut here'],
    ]);
  });

  it('holds no more than a chunk and a header block, whatever the body (a 50 MB line, 10 MB of "From " lines)', () => {
    let most = 0;
    const scanner = new MboxScanner({ maxHeaderBytes: 256 * 1024, onProblem: () => {} });
    const held = () => {
      // The carried partial line is all the scanner keeps between chunks.
      const carry = (scanner as unknown as { carry: Buffer | null }).carry;
      most = Math.max(most, carry?.length ?? 0);
    };
    const chunk = 1024 * 1024;
    const push = (b: Buffer) => {
      scanner.push(b);
      held();
    };
    push(mbox([plainMessage(1)]).subarray(0, -8));
    push(Buffer.from('\n\n'));
    const noNewline = Buffer.alloc(chunk, 'A');
    const lines = Buffer.from('From the body, unquoted, 10 MB of it\n'.repeat(chunk / 37));
    for (let i = 0; i < 50; i++) push(noNewline);
    push(Buffer.from('\n'));
    for (let i = 0; i < 10; i++) push(lines);
    push(Buffer.from('\n'));
    push(mbox([plainMessage(2)]));
    scanner.end();
    expect(scanner.take().map((b) => b.index)).toEqual([1, 2]);
    expect(most).toBeLessThan(1000);
  });

  it('splits any sequence of messages cut anywhere (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ body: fc.string({ maxLength: 200 }), crlf: fc.boolean() }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.integer({ min: 1, max: 50 }),
        (messages, chunkBytes) => {
          const file = Buffer.concat(
            messages.map((m, i) =>
              mbox([{ ...plainMessage(i), body: m.body }], m.crlf ? { eol: '\r\n' } : {}),
            ),
          );
          expect(subjects(file, chunkBytes)).toEqual(messages.map((_, i) => `Message ${i}`));
        },
      ),
      { numRuns: 200 },
    );
  });
});
