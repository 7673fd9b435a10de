// The test server itself: it starts, takes mail by APPEND with special-use folders, changes
// UIDVALIDITY when a folder is recreated, and comes back with its mail after a stop.
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alive, type Dovecot, rfc822, startDovecot } from '../../helpers/dovecot.ts';

let server: Dovecot;
beforeAll(async () => {
  server = await startDovecot({ alice: 'alice-pw' });
});
afterAll(async () => {
  await server?.cleanup();
});

const message = (id: string) =>
  rfc822({
    from: 'Bob <bob@example.com>',
    to: 'alice@example.com',
    subject: 'Hi',
    date: '2026-03-01T10:00:00Z',
    messageId: id,
  });

describe('the test Dovecot', () => {
  it('has INBOX, Sent and Drafts with their special-use flags and takes APPENDs', async () => {
    expect(await server.appendMessage('alice', 'INBOX', message('h1@example.com'))).toBe(1);
    expect(await server.appendMessage('alice', 'Sent', message('h2@example.com'))).toBe(1);
    const client = new ImapFlow({
      host: server.host,
      port: server.port,
      secure: false,
      auth: { user: 'alice', pass: 'alice-pw' },
      logger: false,
    });
    await client.connect();
    const list = await client.list();
    await client.logout();
    expect(new Map(list.map((m) => [m.path, m.specialUse]))).toEqual(
      new Map([
        ['INBOX', '\\Inbox'],
        ['Sent', '\\Sent'],
        ['Drafts', '\\Drafts'],
      ]),
    );
  });

  it('gives a recreated folder a new UIDVALIDITY', async () => {
    const before = await server.uidValidity('alice', 'Sent');
    await new Promise((r) => setTimeout(r, 1100)); // UIDVALIDITY is a timestamp in seconds
    await server.recreateMailbox('alice', 'Sent', [message('h3@example.com')]);
    expect(await server.uidValidity('alice', 'Sent')).not.toBe(before);
  });

  it('stops by its pid and starts again with its mail', async () => {
    const pid = server.pid;
    expect(pid).toBeGreaterThan(0);
    await server.stop();
    expect(alive(pid as number)).toBe(false);
    await server.start();
    expect(await server.appendMessage('alice', 'INBOX', message('h4@example.com'))).toBe(2);
  });
});
