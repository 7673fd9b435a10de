import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MboxFormatError, readMbox } from '../../../src/main/mail/mbox/mbox-reader.ts';
import type { MessageHeaders } from '../../../src/main/mail/message-headers.ts';
import { tempDir } from '../../helpers/temp-app.ts';
import {
  encodedWord,
  type FixtureMessage,
  mbox,
  mboxMessage,
  plainMessage,
  SAMPLES,
} from '../../unit/mail/mbox-fixtures.ts';

const dir = tempDir('followthrough-mbox-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(path: string, options: { chunkBytes?: number } = {}) {
  const seen: { headers: MessageHeaders; index: number }[] = [];
  const result = await readMbox(path, {
    ...options,
    onMessage: (headers, index) => void seen.push({ headers, index }),
  });
  return { ...result, seen };
}

/** The file's lines, and the line each byte offset is on, counted here independently. */
function linesOf(file: Buffer) {
  const text = file.toString('latin1');
  const lines = text.split(/\r?\n/);
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return {
    text: (line: number) => lines[line - 1] ?? '',
    lineAt: (offset: number) => starts.filter((start) => start <= offset).length,
  };
}

/**
 * Message i of the generated mailbox: its subject cycles through the encodings of the issue
 * (RFC 2047 words in four charsets, raw UTF-8 and Windows-1252 bytes, plain ASCII), with broken
 * headers at fixed intervals; `expected` is what the reader must make of it.
 */
function oddMessage(i: number): { message: FixtureMessage; expected: Partial<MessageHeaders> } {
  const samples = [SAMPLES.utf8, SAMPLES.latin1, SAMPLES.windows1252, SAMPLES.iso2022jp];
  const charsets = ['UTF-8', 'ISO-8859-1', 'windows-1252', 'ISO-2022-JP'];
  const kind = i % 7;
  let subject: string | Buffer;
  let text: string;
  if (kind < 4) {
    subject = `Subject: ${encodedWord(charsets[kind]!, i % 2 ? 'Q' : 'B', samples[kind]!.bytes)} #${i}`;
    text = `${samples[kind]!.text} #${i}`;
  } else if (kind === 4) {
    subject = Buffer.from(`Subject: ${SAMPLES.utf8.text} #${i}`);
    text = `${SAMPLES.utf8.text} #${i}`;
  } else if (kind === 5) {
    subject = Buffer.concat([Buffer.from('Subject: '), SAMPLES.windows1252.bytes, Buffer.from(` #${i}`)]);
    text = `${SAMPLES.windows1252.text} #${i}`;
  } else {
    subject = `Subject: plain #${i}`;
    text = `plain #${i}`;
  }
  const brokenDate = i % 97 === 0;
  const noId = i % 89 === 0;
  const headers: (string | Buffer)[] = [
    `Received: from mx${i}.example.net by mx.example.org; Mon, 2 Mar 2026 14:55:06 +0000`,
    `From: ${encodedWord('UTF-8', 'Q', Buffer.from(`Zoë ${i}`))} <Zoe.${i}@Example.COM>`,
    'To: me@example.org',
    subject,
    brokenDate ? 'Date: the day after tomorrow' : `Date: Mon, 2 Mar 2026 14:55:06 +0100`,
    ...(noId ? [] : [`Message-ID: <m${i}@example.com>`]),
    ...(i > 1 ? [`In-Reply-To: <m${i - 1}@example.com>`] : []),
  ];
  return {
    message: {
      headers,
      body: `Hello ${i}.\nFrom the archive: a line mboxrd quotes.\n>From one already quoted.`,
    },
    expected: {
      subject: text,
      from: [{ address: `zoe.${i}@example.com`, name: `Zoë ${i}` }],
      date: brokenDate ? null : '2026-03-02T13:55:06.000Z',
      messageId: noId ? null : `m${i}@example.com`,
    },
  };
}

describe('readMbox on files', () => {
  it('imports a generated mbox of 3,000 messages with odd encodings: every one, in order, decoded', async () => {
    const count = 3000;
    const made = Array.from({ length: count }, (_, i) => oddMessage(i + 1));
    const path = join(dir, 'odd.mbox');
    const file = Buffer.concat(made.map((m, i) => mboxMessage(m.message, i % 2 ? { eol: '\r\n' } : {})));
    writeFileSync(path, file);
    // Small chunks, so that messages straddle them.
    const read = await readAll(path, { chunkBytes: 4096 });
    expect(read.messages).toBe(count);
    expect(read.skipped).toBe(0);
    expect(read.seen.map((s) => s.index)).toEqual(made.map((_, i) => i + 1));
    for (const [i, { expected }] of made.entries()) {
      expect(read.seen[i]?.headers, `message ${i + 1}`).toMatchObject(expected);
    }
    expect(read.withoutDate).toBe(Math.floor(count / 97));
    expect(read.withoutMessageId).toBe(Math.floor(count / 89));
    // Each problem names its message and the line it is at, counted in the file.
    const dateProblems = read.problems.filter((p) => p.text.includes('cannot be read'));
    expect(dateProblems.map((p) => p.message)).toEqual(
      made.flatMap((_, i) => ((i + 1) % 97 === 0 ? [i + 1] : [])),
    );
    const lines = linesOf(file);
    for (const p of dateProblems) expect(lines.text(p.line)).toBe('Date: the day after tomorrow');
    const eightBit = read.problems.filter((p) => p.text.includes('8-bit'));
    expect(eightBit).toHaveLength(made.filter((_, i) => (i + 1) % 7 === 5).length);
    for (const p of eightBit) expect(lines.text(p.line)).toMatch(/^Subject: /);
    for (const p of read.problems.filter((_, i) => i % 10 === 0)) expect(lines.lineAt(p.offset)).toBe(p.line);
  });

  it('streams past a message with a 50 MB body, holding none of it', async () => {
    const path = join(dir, 'big-body.mbox');
    const fd = openSync(path, 'w');
    writeSync(fd, mboxMessage(plainMessage(1)));
    writeSync(fd, mboxMessage({ ...plainMessage(2), body: '' }).subarray(0, -2));
    const base64ish = Buffer.from(
      `${'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAx'.slice(0, 76)}\n`,
    );
    const mb = Buffer.concat(Array(Math.ceil((1024 * 1024) / base64ish.length)).fill(base64ish));
    for (let i = 0; i < 50; i++) writeSync(fd, mb);
    writeSync(fd, Buffer.from('\n'));
    writeSync(fd, mboxMessage(plainMessage(3)));
    closeSync(fd);
    let progressCalls = 0;
    let last = 0;
    const subjects: (string | null)[] = [];
    const read = await readMbox(path, {
      onMessage: (h) => void subjects.push(h.subject),
      onProgress: (done, total) => {
        progressCalls++;
        last = done;
        expect(total).toBeGreaterThan(50e6);
      },
    });
    expect(subjects).toEqual(['Message 1', 'Message 2', 'Message 3']);
    expect(read.problems).toEqual([]);
    expect(progressCalls).toBeGreaterThan(40);
    expect(last).toBe(read.bytes);
  });

  it('reads a CRLF file without a trailing newline, and an Apple Mail export folder', async () => {
    const messages = [plainMessage(1), plainMessage(2)];
    const crlf = join(dir, 'crlf.mbox');
    writeFileSync(crlf, mbox(messages, { eol: '\r\n', noTrailingNewline: true }));
    const folder = join(dir, 'Inbox.mbox');
    mkdirSync(folder);
    writeFileSync(join(folder, 'mbox'), mbox(messages));
    writeFileSync(join(folder, 'Info.plist'), '<plist/>');
    const fromCrlf = await readAll(crlf);
    const fromFolder = await readAll(folder);
    expect(fromCrlf.seen.map((s) => s.headers.subject)).toEqual(['Message 1', 'Message 2']);
    expect(fromFolder.seen).toEqual(fromCrlf.seen);
    expect(fromFolder.path).toBe(join(folder, 'mbox'));
  });

  it('waits for each message to be taken before reading on', async () => {
    const path = join(dir, 'slow.mbox');
    writeFileSync(path, mbox(Array.from({ length: 50 }, (_, i) => plainMessage(i + 1))));
    const order: string[] = [];
    await readMbox(path, {
      chunkBytes: 512,
      onMessage: async (_h, index) => {
        order.push(`start ${index}`);
        await new Promise((resolve) => setTimeout(resolve, 1));
        order.push(`end ${index}`);
      },
    });
    expect(order).toEqual(Array.from({ length: 50 }, (_, i) => [`start ${i + 1}`, `end ${i + 1}`]).flat());
  });

  it('stops at a file that is not an mbox, and passes on a consumer’s error', async () => {
    const csv = join(dir, 'contacts.csv');
    writeFileSync(csv, 'First Name,Last Name\nAda,Lovelace\n');
    await expect(readAll(csv)).rejects.toThrow(MboxFormatError);
    const path = join(dir, 'fine.mbox');
    writeFileSync(path, mbox([plainMessage(1), plainMessage(2)]));
    await expect(
      readMbox(path, {
        onMessage: () => {
          throw new Error('the store is full');
        },
      }),
    ).rejects.toThrow('the store is full');
  });
});
