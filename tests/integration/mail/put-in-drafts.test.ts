// "Put in Drafts": the composer's e-mail lands in the account's Drafts folder (flagged \Drafts)
// with the \Draft flag, built by nodemailer and read back by mailparser; once the user's mail
// app sends it (its copy APPENDed to Sent, as a client does) the sync completes the step.
import type { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { draftsFolder } from '../../../src/main/mail/drafts/put-in-drafts.ts';
import type { TempApp } from '../../helpers/temp-app.ts';
import { berlinApp, brief, openSteps } from '../followups/helpers.ts';
import { addAccount, dovecotForFile, myAddress, passwordVariable, USERS } from './mail-fixture.ts';

const mail = dovecotForFile();
let app: TempApp;
afterEach(() => app?.cleanup());

/** The user's own mail app, logged in to the same mailbox. */
const asMailApp = <T>(user: string, fn: (client: ImapFlow) => Promise<T>): Promise<T> =>
  mail.server.withClient(user, fn);

async function draftsOf(user: string): Promise<{ source: Buffer; flags: Set<string> }[]> {
  return asMailApp(user, async (client) => {
    const lock = await client.getMailboxLock('Drafts');
    try {
      const all = await client.fetchAll('1:*', { source: true, flags: true }).catch(() => []);
      return all.map((m) => ({ source: m.source ?? Buffer.alloc(0), flags: m.flags ?? new Set<string>() }));
    } finally {
      lock.release();
    }
  });
}

describe('Put in Drafts', () => {
  it('appends the message to Drafts, and the sync completes the step once it is in Sent', async () => {
    app = berlinApp('2026-11-16T10:00:00Z', {});
    await app.api['settings.update']({ composer: { myName: 'Sam Rivers' } });
    const ada = await app.api['contacts.create']({
      displayName: 'Ada Lovelace',
      emails: [{ value: 'ada@example.com' }],
      metOn: '2026-11-16',
    });
    const [refresher] = await openSteps(app, ada.id);
    await addAccount(app, mail.server, 'u3');
    const body = 'Hi Ada,\n\nLovely to meet you at the Brücke meetup — here is the paper.\n\nBest,\nSam\n';
    await app.api['compose.save']({
      stepId: refresher!.id,
      channel: 'email',
      variant: 0,
      subject: 'Lovely to meet you',
      body,
    });

    app.setNow('2026-11-16T18:30:00Z');
    const put = await app.api['mail.putInDrafts']({
      stepId: refresher!.id,
      subject: 'Schön, Sie kennenzulernen',
      body,
    });
    expect(put).toMatchObject({
      account: 'u3',
      folder: 'Drafts',
      from: myAddress('u3'),
      to: 'ada@example.com',
    });
    expect(put.messageId).toMatch(/^<[0-9a-f-]{36}@example\.test>$/);

    const [draft, ...more] = await draftsOf('u3');
    expect(more).toEqual([]);
    expect(draft?.flags.has('\\Draft')).toBe(true);
    const parsed = await simpleParser(draft!.source);
    expect(parsed.from?.value).toEqual([{ address: myAddress('u3'), name: 'Sam Rivers' }]);
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    expect(to?.value).toEqual([{ address: 'ada@example.com', name: 'Ada Lovelace' }]);
    expect(parsed.subject).toBe('Schön, Sie kennenzulernen');
    expect(parsed.text?.replace(/\r\n/g, '\n').trimEnd()).toBe(body.trimEnd());
    expect(parsed.date?.toISOString()).toBe('2026-11-16T18:30:00.000Z');
    expect(parsed.messageId).toBe(put.messageId);
    // The mail app holds the text now: the composer's saved copy is gone.
    const fresh = await app.api['compose.draft']({ stepId: refresher!.id });
    expect(fresh.saved).toBe(false);

    // A draft is not a message sent: the step waits.
    expect(await app.api['mail.sync']({})).toMatchObject({ messages: 0, stepsCompleted: 0 });
    expect(brief(await openSteps(app, ada.id))).toEqual([`refresher@${refresher!.dueOn}:pending`]);

    // The user sends it from their mail app, which files its copy in Sent and drops the draft.
    await asMailApp('u3', async (client) => {
      await client.append('Sent', draft!.source, ['\\Seen'], new Date('2026-11-16T19:00:00Z'));
      const lock = await client.getMailboxLock('Drafts');
      try {
        await client.messageDelete('1:*');
      } finally {
        lock.release();
      }
    });
    app.setNow('2026-11-16T19:05:00Z');
    const synced = await app.api['mail.sync']({});
    expect(synced).toMatchObject({ messages: 1, matched: 1, interactions: 1, stepsCompleted: 1 });
    const steps = await app.api['followups.list']({ contactId: ada.id });
    expect(steps.find((s) => s.purpose === 'refresher')?.status).toBe('done');
    expect(brief(await openSteps(app, ada.id))).toEqual(['second@2026-11-23:pending']);
    const linked = app.context.db
      .prepare(
        `SELECT i.summary, i.outcome, i.occurred_at FROM followups f
           JOIN interactions i ON i.id = f.interaction_id
          WHERE f.contact_id = ? AND f.purpose = 'refresher'`,
      )
      .get(ada.id);
    expect(linked).toEqual({
      summary: 'Schön, Sie kennenzulernen',
      outcome: 'Sent from your mail app',
      occurred_at: '2026-11-16T18:30:00.000Z',
    });
    // The same Message-ID is what the sync kept (stored without its angle brackets).
    expect(app.context.db.prepare('SELECT message_key FROM mail_messages').pluck().all()).toEqual([
      `id:${put.messageId.slice(1, -1)}`,
    ]);
  });

  it('says in words what stops it, and puts nothing anywhere', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const ada = await app.api['contacts.create']({
      displayName: 'Ada',
      emails: [{ value: 'ada@example.com' }],
    });
    const noMail = await app.api['contacts.create']({ displayName: 'Ben' });
    await expect(app.api['mail.putInDrafts']({ contactId: ada.id, body: 'Hi' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^No mail account is connected: add yours in Settings › Mail/),
    });
    await addAccount(app, mail.server, 'u4');
    await expect(app.api['mail.putInDrafts']({ contactId: noMail.id, body: 'Hi' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'Ben has no e-mail address to write to: add one on their page first.',
    });
    await expect(
      app.api['mail.putInDrafts']({ contactId: ada.id, accountId: 999, body: 'Hi' }),
    ).rejects.toMatchObject({ code: 'not_found' });

    process.env[passwordVariable('u4')] = 'not-the-password';
    try {
      const refused = app.api['mail.putInDrafts']({ contactId: ada.id, subject: 'Hello', body: 'Hi' });
      await expect(refused).rejects.toMatchObject({
        code: 'upstream',
        message: expect.stringMatching(/^Mail account "u4": 127\.0\.0\.1:\d+ refused the login for u4/),
      });
      await expect(refused).rejects.not.toMatchObject({
        message: expect.stringContaining('not-the-password'),
      });
    } finally {
      process.env[passwordVariable('u4')] = USERS.u4;
    }
    expect(await draftsOf('u4')).toEqual([]);
  });

  it('finds Drafts by its \\Drafts flag, not by its name, and says so when there is none', () => {
    const box = (path: string, specialUse?: string) => ({ path, specialUse }) as never;
    expect(
      draftsFolder([box('INBOX', '\\Inbox'), box('Entwürfe', '\\Drafts'), box('Drafts')], { name: 'W' }),
    ).toBe('Entwürfe');
    expect(() => draftsFolder([box('INBOX', '\\Inbox'), box('Drafts')], { name: 'Work' })).toThrow(
      'Mail account "Work": the server names no Drafts folder (none is flagged \\Drafts; it has INBOX, Drafts).',
    );
  });
});
