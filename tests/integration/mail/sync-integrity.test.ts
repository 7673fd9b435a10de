// What a sync keeps when the mailbox is awkward: the same message in several folders and
// accounts, a folder recreated under a new UIDVALIDITY, the server gone in the middle of a FETCH.
// Each counts every message once and loses none. Against a real Dovecot.
import { afterEach, describe, expect, it } from 'vitest';
import { syncAccounts } from '../../../src/main/mail/sync.ts';
import { rfc822 } from '../../helpers/dovecot.ts';
import type { TempApp } from '../../helpers/temp-app.ts';
import { berlinApp } from '../followups/helpers.ts';
import { addAccount, count, dovecotForFile, myAddress, USERS } from './mail-fixture.ts';

const mail = dovecotForFile();
let app: TempApp;
afterEach(() => app?.cleanup());

const deliver = (user: string, folder: string, m: Parameters<typeof rfc822>[0]) =>
  mail.server.appendMessage(user, folder, rfc822(m), new Date(m.date));

const timeline = async (contactId: number) =>
  (await app.api['interactions.list']({ contactId })).map((i) => `${i.direction} ${i.summary}`);

describe('each message counts once', () => {
  it('across INBOX, Sent and two accounts', async () => {
    app = berlinApp('2026-11-20T10:00:00Z');
    const ada = await app.api['contacts.create']({
      displayName: 'Ada',
      emails: [{ value: 'ada@example.com' }],
    });
    await addAccount(app, mail.server, 'u4');
    await addAccount(app, mail.server, 'u5');
    const mine = {
      from: myAddress('u4'),
      to: 'ada@example.com',
      cc: [myAddress('u4'), myAddress('u5')],
      subject: 'Agenda for Thursday',
      date: '2026-11-18T09:00:00Z',
      messageId: 'agenda@example.test',
    };
    const hers = {
      from: 'ada@example.com',
      to: [myAddress('u4'), myAddress('u5')],
      subject: 'Re: Agenda for Thursday',
      date: '2026-11-18T12:00:00Z',
      messageId: 'agenda-reply@example.com',
      inReplyTo: 'agenda@example.test',
      references: ['agenda@example.test'],
    };
    await deliver('u4', 'Sent', mine);
    await deliver('u4', 'INBOX', mine); // cc'd to myself
    await deliver('u5', 'INBOX', mine); // and to my other account
    await deliver('u4', 'INBOX', hers);
    await deliver('u5', 'INBOX', hers);

    const first = await app.api['mail.sync']({});
    expect(first).toMatchObject({ messages: 2, matched: 2, interactions: 2 });
    expect(first.accounts.map((a) => [a.name, a.error])).toEqual([
      ['u4', null],
      ['u5', null],
    ]);
    expect(await timeline(ada.id)).toEqual([
      'inbound Re: Agenda for Thursday',
      'outbound Agenda for Thursday',
    ]);
    expect(count(app, 'mail_messages')).toBe(2);
    expect(count(app, 'mail_message_seen')).toBe(5);

    expect(await app.api['mail.sync']({})).toMatchObject({ messages: 0, interactions: 0 });
    expect(await timeline(ada.id)).toHaveLength(2);
  });

  it('after a JSON backup is restored: what was synced comes back with it, and is not taken in twice', async () => {
    app = berlinApp('2026-11-20T10:00:00Z');
    const ada = await app.api['contacts.create']({
      displayName: 'Ada',
      emails: [{ value: 'ada@example.com' }],
    });
    await addAccount(app, mail.server, 'u8');
    await deliver('u8', 'INBOX', {
      from: 'ada@example.com',
      to: myAddress('u8'),
      subject: 'Before the backup',
      date: '2026-11-18T09:00:00Z',
      messageId: 'kept@example.com',
    });
    expect(await app.api['mail.sync']({})).toMatchObject({ messages: 1, interactions: 1 });
    const backup = await app.api['data.export']({ format: 'json' });
    const tables = JSON.parse(backup.content).tables as Record<string, unknown[]>;
    expect(tables.mail_accounts).toHaveLength(1);
    expect(tables.mail_messages).toHaveLength(1);

    await app.api['mail.accounts.remove']({ id: (await app.api['mail.accounts.list']({}))[0]?.id ?? 0 });
    await app.api['data.restore']({ fileName: backup.fileName, content: backup.content, confirm: true });
    expect((await app.api['mail.accounts.list']({})).map((a) => a.name)).toEqual(['u8']);
    expect(await app.api['mail.sync']({})).toMatchObject({ messages: 0, interactions: 0 });
    expect(await timeline(ada.id)).toEqual(['inbound Before the backup']);
  });

  it('after UIDVALIDITY changes (the folder recreated): a rescan without doubles', async () => {
    app = berlinApp('2026-11-20T10:00:00Z');
    const ada = await app.api['contacts.create']({
      displayName: 'Ada',
      emails: [{ value: 'ada@example.com' }],
    });
    const account = await addAccount(app, mail.server, 'u6');
    const sent = [1, 2].map((n) =>
      rfc822({
        from: myAddress('u6'),
        to: 'ada@example.com',
        subject: `Note ${n}`,
        date: `2026-11-1${n}T09:00:00Z`,
        messageId: `note-${n}@example.test`,
      }),
    );
    for (const m of sent) await mail.server.appendMessage('u6', 'Sent', m);
    expect(await app.api['mail.sync']({})).toMatchObject({ messages: 2, interactions: 2 });
    const before = await mail.server.uidValidity('u6', 'Sent');

    await new Promise((r) => setTimeout(r, 1100)); // Dovecot's UIDVALIDITY is a time in seconds
    const third = rfc822({
      from: myAddress('u6'),
      to: 'ada@example.com',
      subject: 'Note 3',
      date: '2026-11-19T09:00:00Z',
      messageId: 'note-3@example.test',
    });
    await mail.server.recreateMailbox('u6', 'Sent', [...sent, third]);
    const after = await mail.server.uidValidity('u6', 'Sent');
    expect(after).not.toBe(before);

    expect(await app.api['mail.sync']({})).toMatchObject({ messages: 1, interactions: 1 });
    expect(await timeline(ada.id)).toEqual(['outbound Note 3', 'outbound Note 2', 'outbound Note 1']);
    const seen = app.context.db
      .prepare("SELECT DISTINCT uidvalidity FROM mail_message_seen WHERE account_id = ? AND folder = 'Sent'")
      .pluck()
      .all(account.id);
    expect(seen).toEqual([String(after)]);
    expect(count(app, 'mail_messages')).toBe(3);
  });

  it('when the server goes away mid-FETCH: the next pass resumes, nothing lost, nothing doubled', async () => {
    app = berlinApp('2026-11-20T10:00:00Z');
    const ada = await app.api['contacts.create']({
      displayName: 'Ada',
      emails: [{ value: 'ada@example.com' }],
    });
    const account = await addAccount(app, mail.server, 'u7');
    for (let n = 1; n <= 40; n++) {
      await deliver('u7', 'INBOX', {
        from: 'ada@example.com',
        to: myAddress('u7'),
        subject: `Message ${n}`,
        date: new Date(Date.parse('2026-11-01T08:00:00Z') + n * 3_600_000).toISOString(),
        messageId: `m${n}@example.com`,
      });
    }
    let stopped = false;
    const deps = {
      ...app.context,
      credentials: { secretFor: async () => USERS.u7 ?? '' },
      chunkSize: 5,
      progress: (p: { done: number }) => {
        if (stopped || p.done < 10) return;
        stopped = true;
        // Between two FETCHes: the server and its sessions die at once, as in a crash.
        mail.server.kill();
      },
    };
    const cut = await syncAccounts(deps, [account]);
    expect(stopped).toBe(true);
    expect(cut.accounts[0]?.error).toMatch(/^Mail account "u7": could not talk to 127\.0\.0\.1:\d+: /);
    expect(cut.messages).toBe(10);
    expect(count(app, 'interactions')).toBe(10);
    expect((await app.api['mail.accounts.list']({}))[0]?.lastError).toBe(cut.accounts[0]?.error);

    await mail.server.start();
    const resumed = await app.api['mail.sync']({});
    expect(resumed).toMatchObject({ messages: 30, interactions: 30 });
    expect(resumed.accounts[0]?.error).toBeNull();
    const summaries = (await app.api['interactions.list']({ contactId: ada.id })).map((i) => i.summary);
    expect(summaries).toHaveLength(40);
    expect(new Set(summaries).size).toBe(40);
    expect(count(app, 'mail_message_seen')).toBe(40);
    expect((await app.api['mail.accounts.list']({}))[0]?.lastError).toBeNull();
  }, 30_000);
});
