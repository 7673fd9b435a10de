// Mail credentials: a wrong password is said clearly and changes nothing; the password never
// reaches the database file, a JSON backup or any error text; plain IMAP only to this machine.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPasswordCommand } from '../../../src/main/mail/credentials.ts';
import { ApiError } from '../../../src/shared/api/errors.ts';
import { rfc822 } from '../../helpers/dovecot.ts';
import { refusal } from '../../helpers/refusal.ts';
import { cli } from '../../helpers/run-cli.ts';
import type { TempApp } from '../../helpers/temp-app.ts';
import { berlinApp } from '../followups/helpers.ts';
import { count, dovecotForFile, myAddress, passwordVariable, USERS } from './mail-fixture.ts';

const mail = dovecotForFile();
let app: TempApp;
afterEach(() => app?.cleanup());

/** Everything the app wrote about itself, as text: the database and its WAL, and a JSON backup. */
async function everythingStored(): Promise<string> {
  const files = readdirSync(app.dir).filter((f) => f.startsWith('followthrough.db'));
  const raw = files.map((f) => readFileSync(join(app.dir, f)).toString('latin1')).join('\n');
  const backup = await app.api['data.export']({ format: 'json' });
  return `${raw}\n${JSON.stringify(backup)}`;
}

describe('mail credentials', () => {
  it('a wrong password gives a clear error and changes nothing', async () => {
    app = berlinApp('2026-11-20T10:00:00Z');
    await app.api['contacts.create']({ displayName: 'Ada', emails: [{ value: 'ada@example.com' }] });
    await mail.server.appendMessage(
      'u8',
      'INBOX',
      rfc822({
        from: 'ada@example.com',
        to: myAddress('u8'),
        subject: 'Hi',
        date: '2026-11-19T10:00:00Z',
        messageId: 'w1@x',
      }),
    );
    process.env.FT_TEST_WRONG = 'not-the-password';
    const draft = {
      name: 'Work',
      host: '127.0.0.1',
      port: mail.server.port,
      security: 'insecure-local' as const,
      user: 'u8',
      credential: { kind: 'env' as const, variable: 'FT_TEST_WRONG' },
    };

    // Adding logs in first: refused, nothing saved.
    const refused = await refusal(app.api['mail.accounts.add'](draft));
    expect(refused.code).toBe('upstream');
    expect(refused.message).toMatch(
      /^Mail account "Work": 127\.0\.0\.1:\d+ refused the login for u8: check the user name and the password/,
    );
    expect(refused.message).not.toContain('not-the-password');
    expect(await app.api['mail.accounts.list']({})).toEqual([]);

    // Saved untried, a pass says the same and writes nothing but that it failed.
    const account = await app.api['mail.accounts.add']({ ...draft, verify: false });
    const before = [
      'interactions',
      'followups',
      'mail_messages',
      'mail_message_seen',
      'mail_folder_state',
    ].map((t) => count(app, t));
    const pass = await app.api['mail.sync']({});
    expect(pass).toMatchObject({ messages: 0, interactions: 0 });
    expect(pass.accounts[0]?.error).toMatch(/refused the login for u8/);
    expect(
      ['interactions', 'followups', 'mail_messages', 'mail_message_seen', 'mail_folder_state'].map((t) =>
        count(app, t),
      ),
    ).toEqual(before);
    expect((await app.api['mail.accounts.list']({}))[0]?.lastError).toBe(pass.accounts[0]?.error);
    const tested = await refusal(app.api['mail.accounts.test']({ id: account.id }));
    expect(tested.message).toMatch(/refused the login for u8/);

    // The CLI in another process: the same words on stderr, exit 1.
    const run = await cli(['--db', app.databasePath, 'mail', 'sync']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Error: Mail account "Work": 127\.0\.0\.1:\d+ refused the login for u8/);
  });

  it('the password is never in the database file, the JSON backup or an error', async () => {
    app = berlinApp('2026-11-20T10:00:00Z');
    await app.api['contacts.create']({ displayName: 'Ada', emails: [{ value: 'ada@example.com' }] });
    const password = USERS.u9 ?? '';
    const file = join(app.dir, 'u9.password');
    writeFileSync(file, `${password}\n`);
    const account = await app.api['mail.accounts.add']({
      name: 'Home',
      host: '127.0.0.1',
      port: mail.server.port,
      security: 'insecure-local',
      user: 'u9',
      credential: { kind: 'command', command: `cat ${file}` },
      myAddresses: [myAddress('u9')],
    });
    expect(account.credential).toEqual({ kind: 'command', command: `cat ${file}` });
    await mail.server.appendMessage(
      'u9',
      'INBOX',
      rfc822({
        from: 'ada@example.com',
        to: myAddress('u9'),
        subject: 'Hello',
        date: '2026-11-19T10:00:00Z',
        messageId: 's1@x',
      }),
    );
    expect(await app.api['mail.sync']({})).toMatchObject({ messages: 1, interactions: 1 });
    expect(await everythingStored()).not.toContain(password);

    // Errors: the server gone, a login refused, a command that prints the secret and fails.
    const errors: string[] = [];
    await mail.server.stop();
    errors.push((await app.api['mail.sync']({})).accounts[0]?.error ?? '');
    errors.push((await refusal(app.api['mail.accounts.test']({ id: account.id }))).message);
    await mail.server.start();
    process.env[passwordVariable('u10')] = password; // u9's password, refused for u10
    errors.push(
      (
        await refusal(
          app.api['mail.accounts.add']({
            name: 'Other',
            host: '127.0.0.1',
            port: mail.server.port,
            security: 'insecure-local',
            user: 'u10',
            credential: { kind: 'env', variable: passwordVariable('u10') },
          }),
        )
      ).message,
    );
    const leaky = await refusal(
      runPasswordCommand('Home', `echo ${password}; echo ${password} >&2; exit 3`, 10_000).catch(
        (e: Error) => {
          throw new ApiError('upstream', e.message);
        },
      ),
    );
    errors.push(leaky.message);
    expect(errors.every((e) => e.length > 0)).toBe(true);
    expect(errors[0]).toMatch(/could not talk to/);
    expect(errors[2]).toMatch(/refused the login for u10/);
    expect(leaky.message).toMatch(/^Mail account "Home": the password command failed \(exit 3\)/);
    for (const e of errors.slice(0, 3)) expect(e).not.toContain(password);
    expect(await everythingStored()).not.toContain(password);
  });

  it('the password command: first line, a timeout, a missing program, in words naming the account', async () => {
    expect(await runPasswordCommand('A', "printf '%s\\n%s\\n' first second", 10_000)).toBe('first');
    expect(await runPasswordCommand('A', 'echo plain-words', 10_000)).toBe('plain-words');
    await expect(runPasswordCommand('Slow', 'sleep 5', 300)).rejects.toThrow(
      'Mail account "Slow": the password command did not finish within 0 s.',
    );
    await expect(runPasswordCommand('Gone', 'no-such-program-xyz arg', 10_000)).rejects.toThrow(
      'Mail account "Gone": the password command could not be started (no-such-program-xyz: no such program).',
    );
    await expect(runPasswordCommand('Empty', 'true', 10_000)).rejects.toThrow(/printed nothing/);
  });

  it('refuses plain IMAP except to 127.0.0.1 or ::1, in words', async () => {
    app = berlinApp('2026-11-20T10:00:00Z');
    const refused = await refusal(
      app.api['mail.accounts.add']({
        name: 'Plain',
        host: 'mail.example.org',
        port: 143,
        security: 'insecure-local',
        user: 'me',
        credential: { kind: 'env', variable: 'X' },
        verify: false,
      }),
    );
    expect(refused.code).toBe('invalid_input');
    expect(refused.issues).toEqual([
      {
        path: 'security',
        message:
          'plain IMAP (no TLS) is allowed only to this machine, 127.0.0.1 or ::1, where nothing crosses a network; use TLS or STARTTLS for this host',
      },
    ]);
    // A safe-storage password is refused outside the desktop app, with what to use instead.
    const noStore = await refusal(
      app.api['mail.accounts.add']({
        name: 'Desk',
        host: 'imap.example.org',
        port: 993,
        security: 'tls',
        user: 'me',
        credential: { kind: 'safe-storage' },
        secret: 'x',
        verify: false,
      }),
    );
    expect(noStore.message).toMatch(/^Only the desktop app can keep a mail password/);
    expect(await app.api['mail.accounts.list']({})).toEqual([]);

    // An edit is held to the same rule, against the account as it would become.
    const local = await app.api['mail.accounts.add']({
      name: 'Bridge',
      host: '127.0.0.1',
      port: 1143,
      security: 'insecure-local',
      user: 'me',
      credential: { kind: 'command', command: 'pass show bridge' },
      verify: false,
    });
    const moved = await refusal(
      app.api['mail.accounts.update']({ id: local.id, patch: { host: 'imap.example.org' } }),
    );
    expect(moved.code).toBe('invalid_input');
    expect(moved.message).toContain('plain IMAP (no TLS) is allowed only to this machine');
    const tls = await app.api['mail.accounts.update']({
      id: local.id,
      patch: { host: 'imap.example.org', port: 993, security: 'tls', folders: ['INBOX', 'Sent Items'] },
    });
    expect(tls).toMatchObject({
      host: 'imap.example.org',
      port: 993,
      security: 'tls',
      folders: ['INBOX', 'Sent Items'],
    });
    const taken = await refusal(
      app.api['mail.accounts.add']({ ...local, name: 'bridge', credential: local.credential, verify: false }),
    );
    expect(taken.code).toBe('conflict');
  });
});
