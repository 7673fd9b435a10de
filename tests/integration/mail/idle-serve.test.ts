// While `serve` runs, an account's IDLE connection brings a new reply in as it arrives: the
// timeline shows it and the nudge waiting for it is gone, long before the poll would have run.
// The real CLI in a child process, a real Dovecot.
import { describe, expect, it } from 'vitest';
import { startMailWatch } from '../../../src/main/mail/watch.ts';
import type { FollowUp } from '../../../src/shared/domain/followup.ts';
import type { Interaction } from '../../../src/shared/domain/interaction.ts';
import type { MailAccount } from '../../../src/shared/domain/mail.ts';
import { rfc822 } from '../../helpers/dovecot.ts';
import { servedDatabase } from '../../helpers/served-database.ts';
import { openTempApp } from '../../helpers/temp-app.ts';
import { addAccount, dovecotForFile, myAddress, passwordVariable, USERS } from './mail-fixture.ts';

const mail = dovecotForFile();
const served = servedDatabase();

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('mail while serving', () => {
  it('IDLE delivers a new reply: on the timeline, and the nudge is gone', async () => {
    // The child inherits the variable that holds the password (never the database).
    process.env[passwordVariable('u11')] = USERS.u11;
    const app = await served.start({ now: '2026-11-17T09:00:00Z', timeZone: 'Europe/Berlin' });
    const ada = await app.call<{ id: number }>('contacts.create', {
      displayName: 'Ada',
      emails: [{ value: 'ada@example.com' }],
      metOn: '2026-11-16',
    });
    const [refresher] = await app.call<FollowUp[]>('followups.list', {
      contactId: ada.id,
      statuses: ['pending'],
    });
    const done = await app.call<{ interaction: Interaction }>('followups.done', { id: refresher?.id });

    await app.call('mail.accounts.add', {
      name: 'Home',
      host: '127.0.0.1',
      port: mail.server.port,
      security: 'insecure-local',
      user: 'u11',
      credential: { kind: 'env', variable: passwordVariable('u11') },
      myAddresses: [myAddress('u11')],
      idle: true,
    });
    // The watch opens its IDLE connection and catches up once (an empty INBOX).
    await until('the first pass', async () => {
      const [account] = await app.call<MailAccount[]>('mail.accounts.list', {});
      return account?.lastSyncAt ? account : undefined;
    });

    const sent = Date.now();
    await mail.server.appendMessage(
      'u11',
      'INBOX',
      rfc822({
        from: 'Ada <ada@example.com>',
        to: myAddress('u11'),
        subject: 'Re: Lovely to meet you',
        // Just after the refresher went out (the test clock runs from 09:00 at real speed).
        date: new Date(Date.parse(done.interaction.occurredAt) + 1000).toISOString(),
        messageId: 'idle-reply@example.com',
      }),
    );
    const cancelled = await until('the nudge cancelled', async () => {
      const steps = await app.call<FollowUp[]>('followups.list', {
        contactId: ada.id,
        statuses: ['cancelled'],
      });
      return steps[0];
    });
    // The poll runs every 5 minutes: only IDLE brings it this soon.
    expect(Date.now() - sent).toBeLessThan(15_000);
    expect(cancelled).toMatchObject({
      purpose: 'second',
      cancelReason: 'They replied by e-mail on {d:2026-11-17}.',
    });
    const timeline = await app.call<Interaction[]>('interactions.list', { contactId: ada.id });
    expect(timeline.find((i) => i.direction === 'inbound')).toMatchObject({
      channel: 'email',
      summary: 'Re: Lovely to meet you',
    });
    expect(
      await app.call<FollowUp[]>('followups.list', { contactId: ada.id, statuses: ['pending'] }),
    ).toEqual([]);
    const today = await app.call<{ overdue: FollowUp[]; dueToday: FollowUp[]; upcoming: FollowUp[] }>(
      'followups.today',
      {},
    );
    expect([...today.overdue, ...today.dueToday, ...today.upcoming].map((s) => s.contactId)).not.toContain(
      ada.id,
    );
  }, 60_000);
});

describe('mail accounts from a window', () => {
  it('may not name a password command (a program the app would run); a variable is fine', async () => {
    const app = await served.start();
    const draft = {
      name: 'Win',
      host: '127.0.0.1',
      port: mail.server.port,
      security: 'insecure-local',
      user: 'u10',
      verify: false,
    };
    await expect(
      app.call('mail.accounts.add', {
        ...draft,
        credential: { kind: 'command', command: 'touch /tmp/owned' },
      }),
    ).rejects.toThrow(
      'mail.accounts.add failed: invalid_input: A password command is set from the command line (`mail accounts add --password-command …`), not from a window: the app will run it.',
    );
    const added = await app.call<MailAccount>('mail.accounts.add', {
      ...draft,
      credential: { kind: 'env', variable: 'SOME_VARIABLE' },
    });
    await expect(
      app.call('mail.accounts.update', {
        id: added.id,
        patch: { credential: { kind: 'command', command: 'id' } },
      }),
    ).rejects.toThrow(/invalid_input: A password command is set from the command line/);
  }, 30_000);
});

describe('the mail watch', () => {
  it('reconnects with backoff after the server went away, and catches up on what came meanwhile', async () => {
    const app = openTempApp('2026-11-20T10:00:00Z', { timeZone: 'Europe/Berlin' });
    const errors: string[] = [];
    const watch = startMailWatch(app.context, {
      backoffMs: 100,
      maxBackoffMs: 400,
      onError: (message) => errors.push(message),
    });
    try {
      const ada = await app.api['contacts.create']({
        displayName: 'Ada',
        emails: [{ value: 'ada@example.com' }],
      });
      await addAccount(app, mail.server, 'u12', { idle: true });
      await until('the first pass', async () => {
        const [account] = await app.api['mail.accounts.list']({});
        return account?.lastSyncAt ?? undefined;
      });
      mail.server.kill();
      await until('the drop noticed', async () => (errors.length > 0 ? errors : undefined));
      await new Promise((r) => setTimeout(r, 1000)); // several retries, all refused
      expect(errors).toEqual([
        expect.stringMatching(/^Mail account "u12": could not talk to 127\.0\.0\.1:\d+: /),
      ]);

      await mail.server.start();
      await mail.server.appendMessage(
        'u12',
        'INBOX',
        rfc822({
          from: 'ada@example.com',
          to: myAddress('u12'),
          subject: 'Sent while you were away',
          date: '2026-11-20T09:00:00Z',
          messageId: 'away@example.com',
        }),
      );
      const found = await until('the message after the reconnect', async () => {
        const timeline = await app.api['interactions.list']({ contactId: ada.id });
        return timeline[0];
      });
      expect(found.summary).toBe('Sent while you were away');
    } finally {
      await watch.stop();
      app.cleanup();
    }
  }, 60_000);
});
