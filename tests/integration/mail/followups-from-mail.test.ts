// The cycles follow the real conversation: a reply in the mailbox ends the nudges waiting for it,
// a message sent from the user's mail app completes the step it answers. Against a real Dovecot,
// mail put in place by IMAP APPEND.
import { afterEach, describe, expect, it } from 'vitest';
import { type DatedText, readDated } from '../../../src/shared/format/dated-text.ts';
import { rfc822 } from '../../helpers/dovecot.ts';
import type { TempApp } from '../../helpers/temp-app.ts';
import { berlinApp, brief, openSteps } from '../followups/helpers.ts';
import { addAccount, dovecotForFile, myAddress } from './mail-fixture.ts';

const mail = dovecotForFile();
let app: TempApp;
afterEach(() => app?.cleanup());

const gb = (text: DatedText | null | undefined) =>
  text ? readDated(text, { locale: 'en-GB', today: '2026-11-20', timeZone: 'Europe/Berlin' }) : text;

const deliver = (user: string, folder: string, m: Parameters<typeof rfc822>[0]) =>
  mail.server.appendMessage(user, folder, rfc822(m), new Date(m.date));

describe('mail moves the follow-up cycles on', () => {
  it('a reply from a contact cancels the pending second follow-up', async () => {
    // 2026-11-16 is a Monday; met that day, refresher marked done the next day by hand.
    app = berlinApp('2026-11-16T10:00:00Z');
    const ada = await app.api['contacts.create']({
      displayName: 'Ada Lovelace',
      emails: [{ value: 'Ada@Example.com' }],
      metOn: '2026-11-16',
    });
    const [refresher] = await openSteps(app, ada.id);
    app.setNow('2026-11-17T09:00:00Z');
    const done = await app.api['followups.done']({ id: refresher!.id });
    expect(done.next).toMatchObject({ purpose: 'second', dueOn: '2026-11-24' });

    await addAccount(app, mail.server, 'u1');
    // Her answer, from a plus-address and with her name in capitals.
    await deliver('u1', 'INBOX', {
      from: 'Ada Lovelace <ADA+work@example.com>',
      to: myAddress('u1'),
      subject: 'Re: Lovely to meet you',
      date: '2026-11-19T15:30:00Z',
      messageId: 'reply-1@example.com',
      inReplyTo: 'thanks-1@example.test',
    });
    app.setNow('2026-11-20T08:00:00Z');
    const result = await app.api['mail.sync']({});
    expect(result).toMatchObject({
      messages: 1,
      matched: 1,
      interactions: 1,
      replies: 1,
      stepsCompleted: 0,
      nudgesCancelled: 1,
    });
    expect(await openSteps(app, ada.id)).toEqual([]);
    const second = (await app.api['followups.list']({ contactId: ada.id })).find(
      (s) => s.purpose === 'second',
    );
    expect(second?.status).toBe('cancelled');
    expect(gb(second?.cancelReason)).toBe('They replied by e-mail on 19 Nov.');
    const timeline = await app.api['interactions.list']({ contactId: ada.id });
    expect(timeline[0]).toMatchObject({
      channel: 'email',
      direction: 'inbound',
      summary: 'Re: Lovely to meet you',
      occurredAt: '2026-11-19T15:30:00.000Z',
    });
    // The cycle ended "replied"; a second pass finds nothing new and changes nothing.
    expect(
      app.context.db.prepare('SELECT ending FROM cycles WHERE contact_id = ?').pluck().all(ada.id),
    ).toEqual(['replied']);
    expect(await app.api['mail.sync']({})).toMatchObject({ messages: 0, interactions: 0, replies: 0 });
  });

  it('a sent message to a met contact completes the refresher and plans the second', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const ada = await app.api['contacts.create']({
      displayName: 'Ada',
      emails: [{ value: 'ada@example.com' }],
      metOn: '2026-11-16',
    });
    // Ben's refresher is due on the 17th at 09:00 Berlin: the user writes the evening before.
    const ben = await app.api['contacts.create']({
      displayName: 'Ben',
      emails: [{ value: 'ben@example.org' }],
      metOn: '2026-11-16',
    });
    expect(brief(await openSteps(app, ben.id))).toEqual(['refresher@2026-11-17:pending']);
    await addAccount(app, mail.server, 'u2');
    await deliver('u2', 'Sent', {
      from: `Me <${myAddress('u2')}>`,
      to: 'ada@example.com',
      subject: 'Lovely to meet you',
      date: '2026-11-17T10:00:00Z',
      messageId: 'thanks-ada@example.test',
    });
    await deliver('u2', 'Sent', {
      from: myAddress('u2'),
      to: 'Ben <ben@example.org>',
      subject: 'Great talking yesterday',
      date: '2026-11-16T19:00:00Z',
      messageId: 'thanks-ben@example.test',
    });
    // A correction an hour later is not the second note.
    await deliver('u2', 'Sent', {
      from: myAddress('u2'),
      to: 'ada@example.com',
      subject: 'PS: the link',
      date: '2026-11-17T11:00:00Z',
      messageId: 'ps-ada@example.test',
    });
    app.setNow('2026-11-17T12:00:00Z');
    const result = await app.api['mail.sync']({});
    expect(result).toMatchObject({ messages: 3, matched: 3, interactions: 3, stepsCompleted: 2, replies: 0 });

    for (const [contact, sentOn] of [
      [ada, '17 Nov'],
      [ben, '16 Nov'],
    ] as const) {
      const steps = await app.api['followups.list']({ contactId: contact.id });
      const refresher = steps.find((s) => s.purpose === 'refresher');
      expect(refresher?.status).toBe('done');
      const second = steps.find((s) => s.purpose === 'second');
      expect(second?.status).toBe('pending');
      expect(gb(second?.reason)).toContain(`No reply to your message of ${sentOn}.`);
    }
    expect(brief(await openSteps(app, ada.id))).toEqual(['second@2026-11-24:pending']);
    expect(brief(await openSteps(app, ben.id))).toEqual(['second@2026-11-23:pending']);
    // The done refresher points at the message from the mail app.
    const linked = app.context.db
      .prepare(
        `SELECT i.summary, i.outcome FROM followups f JOIN interactions i ON i.id = f.interaction_id
          WHERE f.contact_id = ? AND f.purpose = 'refresher'`,
      )
      .get(ada.id);
    expect(linked).toEqual({ summary: 'Lovely to meet you', outcome: 'Sent from your mail app' });
  });

  it('old mail in the first sync starts nothing and ends nothing', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const cleo = await app.api['contacts.create']({
      displayName: 'Cleo',
      emails: [{ value: 'cleo@example.net' }],
      metOn: '2026-11-16',
    });
    await addAccount(app, mail.server, 'u3');
    // Months before we met: an exchange the timeline shows, but not an answer to anything now.
    await deliver('u3', 'INBOX', {
      from: 'cleo@example.net',
      to: myAddress('u3'),
      subject: 'Spring newsletter',
      date: '2026-04-02T08:00:00Z',
      messageId: 'old-in@example.net',
    });
    await deliver('u3', 'Sent', {
      from: myAddress('u3'),
      to: 'cleo@example.net',
      subject: 'Re: Spring newsletter',
      date: '2026-04-03T08:00:00Z',
      messageId: 'old-out@example.test',
    });
    const result = await app.api['mail.sync']({});
    expect(result).toMatchObject({ messages: 2, interactions: 2, replies: 0, stepsCompleted: 0 });
    expect(brief(await openSteps(app, cleo.id))).toEqual(['refresher@2026-11-17:pending']);
    expect((await app.api['interactions.list']({ contactId: cleo.id })).map((i) => i.direction)).toEqual([
      'outbound',
      'inbound',
    ]);
  });
});
