// What an mbox says besides the headers: the "From " line's date, and Gmail Takeout's labels.

import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gmailLabels, type RawField } from '../../../src/main/mail/mbox/header-decode.ts';
import { type MboxEnvelope, readMbox } from '../../../src/main/mail/mbox/mbox-reader.ts';
import { tempDir } from '../../helpers/temp-app.ts';
import { mbox } from './mbox-fixtures.ts';

const field = (line: string): RawField[] => [
  { name: 'x-gmail-labels', lines: [Buffer.from(line)], offset: 0 },
];

describe('gmailLabels', () => {
  it('reads Takeout’s comma-separated labels, quoted ones and encoded words', () => {
    expect(gmailLabels(field('X-Gmail-Labels: Sent,Important,Opened'))).toEqual([
      'Sent',
      'Important',
      'Opened',
    ]);
    expect(gmailLabels(field('X-Gmail-Labels: Archived, "Work, old",Sent'))).toEqual([
      'Archived',
      'Work, old',
      'Sent',
    ]);
    expect(gmailLabels(field('X-Gmail-Labels: =?UTF-8?Q?Gesch=C3=A4ft?=,Inbox'))).toEqual([
      'Geschäft',
      'Inbox',
    ]);
    expect(gmailLabels(field('X-Gmail-Labels: '))).toEqual([]);
    expect(gmailLabels([])).toEqual([]);
  });
});

describe('readMbox: the envelope', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives each message the date of its "From " line and whether Takeout labelled it Sent', async () => {
    const path = join(dir, 'Takeout.mbox');
    writeFileSync(
      path,
      mbox([
        // Takeout's own separator: an id, then asctime with a zone before the year.
        {
          envelope: 'From 1789340570484378362@xxx Tue Nov 17 08:15:00 +0000 2026',
          headers: [
            'X-Gmail-Labels: Sent,Opened',
            'From: me@gmail.example',
            'To: ada@example.com',
            'Subject: no date',
          ],
        },
        // A classic separator (RFC 4155): sender, asctime without a zone, read as UTC.
        {
          envelope: 'From ada@example.com Wed Nov 18 21:05:09 2026',
          headers: ['From: ada@example.com', 'Subject: Re: no date', 'X-Gmail-Labels: Inbox, "Sent items"'],
        },
        // A separator with no date at all: nothing to fall back on.
        { envelope: 'From ', headers: ['From: b@example.com', 'Subject: none'] },
      ]),
    );
    const seen: MboxEnvelope[] = [];
    const read = await readMbox(path, { onMessage: (_h, _i, envelope) => void seen.push(envelope) });
    expect(read.messages).toBe(3);
    expect(seen).toEqual([
      { deliveredAt: '2026-11-17T08:15:00.000Z', sentByMe: true },
      { deliveredAt: '2026-11-18T21:05:09.000Z', sentByMe: false },
      { deliveredAt: null, sentByMe: false },
    ]);
  });
});
