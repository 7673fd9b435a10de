// mail.importMbox through the real dispatcher, and `import-mbox` run as a user would.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppContext } from '../../../src/main/app/context.ts';
import { inMemorySettings } from '../../../src/main/settings/settings-store.ts';
import { ApiError } from '../../../src/shared/api/errors.ts';
import { readDated } from '../../../src/shared/format/dated-text.ts';
import { cli } from '../../helpers/run-cli.ts';
import { openTempApp, tempDir } from '../../helpers/temp-app.ts';
import { mbox, plainMessage } from '../../unit/mail/mbox-fixtures.ts';
import { berlinApp, brief, openSteps } from '../followups/helpers.ts';

const app = openTempApp();
afterAll(() => app.cleanup());

const write = (name: string, content: string | Buffer) => {
  const path = join(app.dir, name);
  writeFileSync(path, content);
  return path;
};
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof ApiError ? { code: error.code, message: error.message } : error),
  );

const FILE = mbox([
  plainMessage(1),
  { headers: ['From: a@example.com', 'Subject: no date, no id'] },
  plainMessage(3),
]);

describe('mail.importMbox', () => {
  it('reads the file and says what it read, problems placed by message, line and byte', async () => {
    const path = write('Takeout.mbox', FILE);
    const progress: number[] = [];
    const stop = app.context.bus.subscribe((event) => {
      if (event.type === 'progress' && event.phase === 'reading') progress.push(event.done);
    });
    const result = await app.api['mail.importMbox']({ path });
    stop();
    expect(result).toMatchObject({
      fileName: 'Takeout.mbox',
      bytes: FILE.length,
      messages: 3,
      skipped: 0,
      withoutDate: 1,
      withoutMessageId: 1,
      problemsNotListed: 0,
    });
    const second = FILE.indexOf('From 1789', 1);
    expect(result.problems).toEqual([
      { message: 2, line: 10, offset: second, text: 'no Date header' },
      { message: 2, line: 10, offset: second, text: 'no Message-ID header' },
    ]);
    expect(progress).toEqual([FILE.length]);
  });

  it('refuses a missing file, a file that is not an mbox and an empty one, naming them', async () => {
    expect(await refusal(app.api['mail.importMbox']({ path: join(app.dir, 'nope.mbox') }))).toEqual({
      code: 'invalid_input',
      message: 'nope.mbox: cannot read it (no such file).',
    });
    expect(await refusal(app.api['mail.importMbox']({ path: write('contacts.csv', 'Name\nAda\n') }))).toEqual(
      {
        code: 'invalid_input',
        message: 'contacts.csv: not an mbox file: line 1 should begin a message with a "From " line',
      },
    );
    expect(await refusal(app.api['mail.importMbox']({ path: write('empty.mbox', '\n') }))).toEqual({
      code: 'invalid_input',
      message: 'empty.mbox: no messages in this file.',
    });
    expect(await refusal(app.api['mail.importMbox']({ path: '' }))).toMatchObject({ code: 'invalid_input' });
  });

  it('takes a path only from the command line, not from the window or the HTTP shell', async () => {
    const dir = tempDir();
    const context = openAppContext({
      shell: 'http',
      dataDir: dir,
      databasePath: join(dir, 'http.db'),
      settings: inMemorySettings(),
    });
    try {
      const reply = await context.dispatch('mail.importMbox', { path: write('x.mbox', FILE) });
      expect(reply).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', issues: [{ path: 'path', message: 'not accepted from this shell' }] },
      });
    } finally {
      context.close();
    }
  });
});

describe('import-mbox (CLI)', { timeout: 60_000 }, () => {
  it('prints what it read, and all of it with --json', async () => {
    const path = write('Inbox.mbox', FILE);
    const db = join(app.dir, 'cli.db');
    const human = await cli(['import-mbox', path, '--db', db]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain('Inbox.mbox: 3 messages read from 1 KB');
    expect(human.stdout).toContain('Inbox.mbox:10 (message 2, byte');
    expect(human.stdout).toContain('): no Date header');
    expect(human.stdout).toContain(
      'new 3 · already recorded 0 · from or to a contact 0 (0 timeline entries)',
    );
    const json = await cli(['import-mbox', path, '--db', db, '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      messages: 3,
      withoutDate: 1,
      problems: [{ line: 10 }, { line: 10 }],
    });
    const bad = await cli(['import-mbox', join(app.dir, 'missing.mbox'), '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('missing.mbox: cannot read it (no such file).');
  });
});

describe('an mbox backfills the timelines as a sync does', () => {
  const message = (from: string, to: string, subject: string, date: string, id: string) => ({
    envelope: `From ${id} Mon Nov 16 10:00:00 2026`,
    headers: [`From: ${from}`, `To: ${to}`, `Subject: ${subject}`, `Date: ${date}`, `Message-ID: <${id}>`],
    body: 'From the archive.',
  });

  it('her reply ends the nudges waiting for it, my message completes his refresher; a re-import adds nothing', async () => {
    const berlin = berlinApp('2026-11-16T10:00:00Z');
    try {
      const ada = await berlin.api['contacts.create']({
        displayName: 'Ada Lovelace',
        emails: [{ value: 'Ada@Example.com' }],
        metOn: '2026-11-16',
      });
      const ben = await berlin.api['contacts.create']({
        displayName: 'Ben',
        emails: [{ value: 'ben@example.org' }],
        metOn: '2026-11-16',
      });
      const [refresher] = await openSteps(berlin, ada.id);
      berlin.setNow('2026-11-17T09:00:00Z');
      expect((await berlin.api['followups.done']({ id: refresher!.id })).next).toMatchObject({
        purpose: 'second',
      });
      expect(brief(await openSteps(berlin, ben.id))).toEqual(['refresher@2026-11-17:pending']);

      const path = join(berlin.dir, 'Takeout.mbox');
      writeFileSync(
        path,
        mbox([
          message(
            'Me <me@example.net>',
            'Ben <ben@example.org>',
            'Great talking yesterday',
            'Mon, 16 Nov 2026 20:00:00 +0100',
            'thanks-ben@example.net',
          ),
          message(
            '=?UTF-8?Q?Ada_Lovelace?= <ADA+work@example.com>',
            'me@example.net',
            'Re: Lovely to meet you',
            'Thu, 19 Nov 2026 16:30:00 +0100',
            'reply-1@example.com',
          ),
          message(
            'Stranger <who@example.info>',
            'me@example.net',
            'Hello',
            'Thu, 19 Nov 2026 17:00:00 +0100',
            'spam@example.info',
          ),
        ]),
      );
      berlin.setNow('2026-11-20T08:00:00Z');
      const result = await berlin.api['mail.importMbox']({ path, me: ['Me@Example.net'] });
      expect(result).toMatchObject({
        messages: 3,
        newMessages: 3,
        duplicates: 0,
        matched: 2,
        interactions: 2,
        replies: 1,
        stepsCompleted: 1,
        nudgesCancelled: 1,
      });
      const second = (await berlin.api['followups.list']({ contactId: ada.id })).find(
        (s) => s.purpose === 'second',
      );
      expect(second?.status).toBe('cancelled');
      expect(
        readDated(second!.cancelReason!, { locale: 'en-GB', today: '2026-11-20', timeZone: 'Europe/Berlin' }),
      ).toBe('They replied by e-mail on 19 Nov.');
      expect((await berlin.api['interactions.list']({ contactId: ada.id }))[0]).toMatchObject({
        channel: 'email',
        direction: 'inbound',
        summary: 'Re: Lovely to meet you',
        occurredAt: '2026-11-19T15:30:00.000Z',
      });
      const benSteps = await berlin.api['followups.list']({ contactId: ben.id });
      expect(benSteps.find((s) => s.purpose === 'refresher')?.status).toBe('done');

      expect(await berlin.api['mail.importMbox']({ path })).toMatchObject({
        messages: 3,
        newMessages: 0,
        duplicates: 3,
        interactions: 0,
        replies: 0,
        stepsCompleted: 0,
      });
      // Her timeline: the refresher marked done by hand, and her reply, once.
      expect((await berlin.api['interactions.list']({ contactId: ada.id })).map((i) => i.summary)).toEqual([
        'Re: Lovely to meet you',
        expect.any(String),
      ]);
    } finally {
      berlin.cleanup();
    }
  });
});
