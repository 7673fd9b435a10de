// A Gmail Takeout mbox through mail.importMbox: a message labelled Sent is mine whatever address
// it is from (Takeout holds every alias and the old addresses), and a message without a Date
// header is placed at the date of its "From " line.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TempApp } from '../../helpers/temp-app.ts';
import { mbox } from '../../unit/mail/mbox-fixtures.ts';
import { berlinApp, brief, openSteps } from '../followups/helpers.ts';

let app: TempApp;
afterEach(() => app?.cleanup());

describe('a Gmail Takeout mbox', () => {
  it('counts a message labelled Sent as mine and dates one without Date by its "From " line', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const ben = await app.api['contacts.create']({
      displayName: 'Ben',
      emails: [{ value: 'ben@example.org' }],
      metOn: '2026-11-16',
    });
    const ada = await app.api['contacts.create']({
      displayName: 'Ada',
      emails: [{ value: 'ada@example.com' }],
    });
    expect(brief(await openSteps(app, ben.id))).toEqual(['refresher@2026-11-17:pending']);
    const path = join(app.dir, 'All mail Including Spam and Trash.mbox');
    writeFileSync(
      path,
      mbox([
        {
          envelope: 'From 1817000000000000001@xxx Mon Nov 16 19:00:00 +0000 2026',
          headers: [
            'X-GM-THRID: 1817000000000000001',
            'X-Gmail-Labels: Sent,Opened',
            // An old alias, listed nowhere as mine.
            'From: Sam <sam.old@alias.example>',
            'To: Ben <ben@example.org>',
            'Subject: Great talking yesterday',
            'Date: Mon, 16 Nov 2026 20:00:00 +0100',
            'Message-ID: <thanks-ben@alias.example>',
          ],
        },
        {
          envelope: 'From 1817000000000000002@xxx Wed Nov 18 07:45:00 +0000 2026',
          headers: [
            'X-Gmail-Labels: Inbox,Important',
            'From: Ada <ada@example.com>',
            'To: sam@gmail.example',
            'Subject: Notes without a date',
            'Message-ID: <undated@example.com>',
          ],
        },
      ]),
    );
    app.setNow('2026-11-20T08:00:00Z');
    const result = await app.api['mail.importMbox']({ path });
    expect(result).toMatchObject({
      messages: 2,
      withoutDate: 1,
      matched: 2,
      interactions: 2,
      stepsCompleted: 1,
    });

    const refresher = (await app.api['followups.list']({ contactId: ben.id })).find(
      (s) => s.purpose === 'refresher',
    );
    expect(refresher?.status).toBe('done');
    expect((await app.api['interactions.list']({ contactId: ben.id }))[0]).toMatchObject({
      direction: 'outbound',
      summary: 'Great talking yesterday',
      occurredAt: '2026-11-16T19:00:00.000Z',
      outcome: 'Sent from your mail app',
    });
    expect((await app.api['interactions.list']({ contactId: ada.id }))[0]).toMatchObject({
      direction: 'inbound',
      summary: 'Notes without a date',
      occurredAt: '2026-11-18T07:45:00.000Z',
    });
    rmSync(path);
  });
});
