// People written with both ways who are not contacts are offered, with their thread count, and a
// dismissed one stays dismissed. The CLI drives accounts, a pass and the suggestions on the same
// file, against a real Dovecot: in the test's process (cliInProcess; a child costs a second or
// more), and in a child for the exit codes a script sees.
import { afterEach, describe, expect, it } from 'vitest';
import { rfc822 } from '../../helpers/dovecot.ts';
import { cli, cliInProcess } from '../../helpers/run-cli.ts';
import type { TempApp } from '../../helpers/temp-app.ts';
import { berlinApp } from '../followups/helpers.ts';
import { addAccount, dovecotForFile, myAddress, passwordVariable, USERS } from './mail-fixture.ts';

const mail = dovecotForFile();
let app: TempApp;
afterEach(() => app?.cleanup());

let n = 0;
/** One message of a thread: `out` from me to them, else from them to me. */
async function message(user: string, other: string, thread: string, out: boolean, subject = `Re: ${thread}`) {
  n++;
  const me = myAddress(user);
  await mail.server.appendMessage(
    user,
    out ? 'Sent' : 'INBOX',
    rfc822({
      from: out ? me : other,
      to: out ? other : me,
      subject,
      date: new Date(Date.parse('2026-11-01T08:00:00Z') + n * 3_600_000).toISOString(),
      messageId: `s${n}@example.org`,
      references: subject.startsWith('Re: ') ? [`${thread}@example.org`] : [],
      ...(subject.startsWith('Re: ') ? {} : { messageId: `${thread}@example.org` }),
    }),
  );
}

describe('people you write to but have not added', () => {
  it('offers correspondents with several two-way threads, with the thread count; dismissed stay dismissed', async () => {
    app = berlinApp('2026-11-20T10:00:00Z');
    await app.api['contacts.create']({ displayName: 'Ada', emails: [{ value: 'ada@example.com' }] });
    await addAccount(app, mail.server, 'u12');
    const bob = 'Bob Stone <bob@example.org>';
    // Bob: two threads both ways, one only from him.
    await message('u12', bob, 'kickoff', false, 'Project kickoff');
    await message('u12', bob, 'kickoff', true);
    await message('u12', bob, 'budget', true, 'Budget');
    await message('u12', bob, 'budget', false);
    await message('u12', bob, 'party', false, 'Party');
    // Carol: one exchange only. A newsletter: never answered. Ada: a contact already.
    await message('u12', 'carol@example.net', 'lunch', false, 'Lunch?');
    await message('u12', 'carol@example.net', 'lunch', true);
    for (const t of ['n1', 'n2', 'n3']) await message('u12', 'news@example.com', t, false, `News ${t}`);
    await message('u12', 'ada@example.com', 'a1', false, 'Hi');
    await message('u12', 'ada@example.com', 'a1', true);
    await message('u12', 'ada@example.com', 'a2', true, 'Again');
    await message('u12', 'ada@example.com', 'a2', false);

    expect(await app.api['mail.sync']({})).toMatchObject({ messages: 14, matched: 4, interactions: 4 });
    expect(await app.api['mail.suggestions']({})).toEqual([
      {
        address: 'bob@example.org',
        name: 'Bob Stone',
        twoWayThreads: 2,
        threads: 3,
        messages: 5,
        firstSubject: 'Project kickoff',
        firstAt: expect.any(String),
        lastAt: expect.any(String),
      },
    ]);
    expect(await app.api['mail.dismissSuggestion']({ address: 'Bob@Example.org' })).toEqual({
      dismissed: true,
    });
    await message('u12', bob, 'offsite', false, 'Offsite');
    await message('u12', bob, 'offsite', true);
    await app.api['mail.sync']({});
    expect(await app.api['mail.suggestions']({})).toEqual([]);
  });
});

describe('mail on the command line', () => {
  it('adds, lists, tests, syncs and removes an account; plain IMAP elsewhere is refused (exit 2)', async () => {
    app = berlinApp('2026-11-20T10:00:00Z');
    await app.api['contacts.create']({ displayName: 'Ada', emails: [{ value: 'ada@example.com' }] });
    const db = ['--db', app.databasePath];
    const env = { [passwordVariable('u10')]: USERS.u10 ?? '' };
    await mail.server.appendMessage(
      'u10',
      'INBOX',
      rfc822({
        from: 'ada@example.com',
        to: myAddress('u10'),
        subject: 'Hello',
        date: '2026-11-19T10:00:00Z',
        messageId: 'c1@x',
      }),
    );
    const base = [
      'mail',
      'accounts',
      'add',
      '--name',
      'Work',
      '--user',
      'u10',
      '--password-env',
      passwordVariable('u10'),
    ];

    const plain = await cli(
      [...db, ...base, '--host', 'mail.example.org', '--port', '143', '--insecure-local'],
      env,
    );
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('plain IMAP (no TLS) is allowed only to this machine, 127.0.0.1 or ::1');

    const added = await cliInProcess(
      [
        ...db,
        ...base,
        '--host',
        '127.0.0.1',
        '--port',
        String(mail.server.port),
        '--insecure-local',
        '--address',
        myAddress('u10'),
      ],
      env,
    );
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/^Added mail account "Work" \(u10 at 127\.0\.0\.1:\d+\)\./);

    const list = JSON.parse((await cliInProcess([...db, '--json', 'mail', 'accounts', 'list'], env)).stdout);
    expect(list).toMatchObject([
      {
        name: 'Work',
        user: 'u10',
        security: 'insecure-local',
        credential: { kind: 'env', variable: passwordVariable('u10') },
      },
    ]);
    const tested = await cliInProcess([...db, 'mail', 'accounts', 'test', 'work'], env);
    expect(tested.stdout).toContain('* INBOX');
    expect(tested.stdout).toContain('* Sent (\\Sent)');

    const sync = await cliInProcess([...db, 'mail', 'sync', '--json'], env);
    expect(sync.code).toBe(0);
    expect(JSON.parse(sync.stdout)).toMatchObject({
      messages: 1,
      matched: 1,
      interactions: 1,
      replies: 0,
      stepsCompleted: 0,
      nudgesCancelled: 0,
    });
    expect((await cliInProcess([...db, 'mail', 'sync'], env)).stdout).toContain('0 new message(s)');
    expect(JSON.parse((await cliInProcess([...db, '--json', 'mail', 'suggestions'], env)).stdout)).toEqual(
      [],
    );

    const removed = await cliInProcess([...db, 'mail', 'accounts', 'remove', 'Work'], env);
    expect(removed.stdout).toBe('Removed mail account "Work".\n');
    // What it synced stays on the timeline.
    const [ada] = (await app.api['contacts.list']({})).items;
    expect(await app.api['interactions.list']({ contactId: ada?.id ?? 0 })).toHaveLength(1);
    const missing = await cli([...db, 'mail', 'sync', '--account', 'Work'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no mail account called "Work".');
  }, 60_000);
});
