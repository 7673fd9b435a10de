import { type EmailAddress, simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import {
  encodedWord,
  type FixtureMessage,
  mbox,
  plainMessage,
  rfc822,
  SAMPLES,
  scanBuffer,
} from './mbox-fixtures.ts';

const one = (m: FixtureMessage) => {
  const read = scanBuffer(mbox([m]));
  expect(read.messages).toHaveLength(1);
  return { headers: read.messages[0]!, problems: read.problems };
};

/** Each charset of the issue, in both RFC 2047 encodings. */
const WORDS = (
  [
    ['UTF-8', SAMPLES.utf8],
    ['ISO-8859-1', SAMPLES.latin1],
    ['Windows-1252', SAMPLES.windows1252],
    ['ISO-2022-JP', SAMPLES.iso2022jp],
  ] as const
).flatMap(([charset, sample]) =>
  (['B', 'Q'] as const).map((encoding) => ({
    charset,
    encoding,
    sample,
    word: encodedWord(charset, encoding, sample.bytes),
  })),
);

describe('RFC 2047 encoded words, decoded by libmime', () => {
  it.each(WORDS)('$charset $encoding in the Subject and a display name', ({ word, sample }) => {
    const { headers, problems } = one({
      headers: [
        `From: ${word} <Sender@Example.COM>`,
        'To: me@example.org',
        `Subject: Re: ${word}`,
        'Date: Mon, 2 Mar 2026 14:55:06 +0100',
        'Message-ID: <a@example.com>',
      ],
    });
    expect(headers.subject).toBe(`Re: ${sample.text}`);
    expect(headers.from).toEqual([{ address: 'sender@example.com', name: sample.text }]);
    expect(problems).toEqual([]);
  });

  it('joins adjacent words across a folded line, keeping the space between plain words', () => {
    const text = 'Ünïcödé subjects are folded by long-line writers';
    const bytes = Buffer.from(text);
    const half = bytes.indexOf(' are');
    const { headers } = one({
      headers: [
        `Subject: ${encodedWord('utf-8', 'B', bytes.subarray(0, half))}`,
        ` ${encodedWord('utf-8', 'B', bytes.subarray(half))}`,
        'From: a@example.com',
      ],
    });
    expect(headers.subject).toBe(text);
  });

  // "Test against the library": the header-only reading must agree with mailparser's full parse
  // of the same message, for every fixture whose header bytes are ASCII or UTF-8.
  it('agrees with mailparser’s simpleParser on the whole message', async () => {
    const fixtures: FixtureMessage[] = [
      ...WORDS.map(({ word }, i) => ({
        headers: [
          `From: ${word} <s${i}@example.com>`,
          `To: =?utf-8?q?Zo=C3=AB?= <zoe@example.org>, "Group, Inc." <g@example.net>`,
          `Subject: ${word} and plain text ${i}`,
          'Date: Mon, 2 Mar 2026 14:55:06 +0100',
          `Message-ID: <id${i}@example.com>`,
        ],
      })),
      {
        headers: [
          Buffer.from(`Subject: raw UTF-8 ${SAMPLES.utf8.text}`),
          Buffer.from(`From: ${SAMPLES.utf8.text} <raw@example.com>`),
        ],
      },
      { headers: ['Subject: =?utf-8?Q?broken_word', 'From: plain@example.com'] },
      { headers: ['Subject: =?x-unknown?B?SGVsbG8=?=', 'From: plain@example.com'] },
      { headers: ['Subject:', 'From: Undisclosed recipients:;'] },
    ];
    for (const fixture of fixtures) {
      const { headers } = one(fixture);
      const parsed = await simpleParser(rfc822(fixture));
      const parsedFrom: EmailAddress[] = parsed.from?.value ?? [];
      expect(headers.subject, String(fixture.headers[0])).toBe(parsed.subject || null);
      expect(
        headers.from.map((a) => a.name ?? ''),
        String(fixture.headers[0]),
      ).toEqual(parsedFrom.filter((a) => a.address).map((a) => a.name));
      const parsedTo: EmailAddress[] = Array.isArray(parsed.to)
        ? parsed.to.flatMap((t) => t.value)
        : (parsed.to?.value ?? []);
      expect(headers.to.map((a) => a.address)).toEqual(parsedTo.map((a) => a.address?.toLowerCase()));
      expect(headers.messageId === null ? undefined : `<${headers.messageId}>`).toBe(parsed.messageId);
    }
  });
});

describe('raw 8-bit bytes in headers', () => {
  it('reads UTF-8 as UTF-8 (RFC 6532) without a problem', () => {
    const { headers, problems } = one({
      headers: [
        Buffer.from(`From: ${SAMPLES.utf8.text} <u@example.com>`),
        Buffer.from(`Subject: ${SAMPLES.utf8.text}`),
      ],
    });
    expect(headers.subject).toBe(SAMPLES.utf8.text);
    expect(headers.from[0]?.name).toBe(SAMPLES.utf8.text);
    expect(problems.map((p) => p.text)).not.toContainEqual(expect.stringMatching(/8-bit/));
  });

  it('reads bytes that are not UTF-8 as Windows-1252 (ISO-8859-1 text too) and says so', () => {
    const { headers, problems } = one({
      headers: [
        Buffer.concat([Buffer.from('Subject: '), SAMPLES.latin1.bytes]),
        Buffer.concat([Buffer.from('From: '), SAMPLES.windows1252.bytes, Buffer.from(' <w@example.com>')]),
        'Date: Mon, 2 Mar 2026 14:55:06 +0100',
        'Message-ID: <x@example.com>',
      ],
    });
    expect(headers.subject).toBe(SAMPLES.latin1.text);
    expect(headers.from).toEqual([{ address: 'w@example.com', name: SAMPLES.windows1252.text }]);
    expect(problems.map((p) => p.text)).toEqual([
      'Subject has 8-bit bytes that are not UTF-8; read as Windows-1252',
      'From has 8-bit bytes that are not UTF-8; read as Windows-1252',
    ]);
  });
});

describe('broken headers give nulls and problems, never a crash', () => {
  it('a message with none of the headers kept', () => {
    const { headers, problems } = one({ headers: ['X-Mailer: nothing else'] });
    expect(headers).toEqual({
      messageId: null,
      from: [],
      to: [],
      cc: [],
      date: null,
      subject: null,
      inReplyTo: null,
      references: [],
    });
    expect(problems.map((p) => p.text)).toEqual(['no From header', 'no Date header', 'no Message-ID header']);
    // All three at the message's separator line.
    expect(new Set(problems.map((p) => p.offset))).toEqual(new Set([0]));
  });

  it('an unreadable Date is null, with the problem at the Date line', () => {
    const file = mbox([
      plainMessage(1),
      { ...plainMessage(2), headers: ['From: a@example.com', 'Date: Someday soon'] },
    ]);
    const read = scanBuffer(file);
    expect(read.messages.map((m) => m.date)).toEqual(['2026-03-02T13:01:06.000Z', null]);
    const problem = read.problems.find((p) => p.text.includes('cannot be read'));
    expect(problem?.message).toBe(2);
    expect(file.toString('latin1', problem?.offset, (problem?.offset ?? 0) + 5)).toBe('Date:');
  });

  it('a missing or empty Message-ID is null; a bare id is taken', () => {
    expect(one({ headers: ['From: a@example.com', 'Message-ID:   '] }).headers.messageId).toBeNull();
    expect(one({ headers: ['From: a@example.com', 'Message-ID: bare@example.com'] }).headers.messageId).toBe(
      'bare@example.com',
    );
    const { headers, problems } = one({ headers: ['From: a@example.com'] });
    expect(headers.messageId).toBeNull();
    expect(problems.map((p) => p.text)).toContain('no Message-ID header');
  });

  it('folded headers are unfolded; duplicates keep the first, To and Cc add up', () => {
    const { headers, problems } = one({
      headers: [
        'From: "Ada',
        '\tLovelace" <ada@example.com>',
        'From: second@example.com',
        'To: one@example.com,',
        '  two@example.com',
        'Subject: first',
        'Subject: second',
        'To: Team: three@example.com, four@example.com;',
        'Cc: Five <FIVE@example.com>',
        'Date: Mon, 2 Mar 2026 14:55:06 +0100',
        'Message-ID: <m@x>',
        'In-Reply-To: <parent@x> (Your message of Monday)',
        'References: <root@x>',
        '  <parent@x> <root@x>',
      ],
    });
    expect(headers.from).toEqual([{ address: 'ada@example.com', name: 'Ada Lovelace' }]);
    expect(headers.subject).toBe('first');
    expect(headers.to.map((a) => a.address)).toEqual([
      'one@example.com',
      'two@example.com',
      'three@example.com',
      'four@example.com',
    ]);
    expect(headers.cc).toEqual([{ address: 'five@example.com', name: 'Five' }]);
    expect(headers.inReplyTo).toBe('parent@x');
    expect(headers.references).toEqual(['root@x', 'parent@x']);
    expect(problems.map((p) => p.text)).toEqual([
      'a second From header; the first is kept',
      'a second Subject header; the first is kept',
    ]);
  });
});
