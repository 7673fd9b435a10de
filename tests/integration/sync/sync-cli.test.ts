import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DAV_PASSWORD,
  DAV_SERVERS,
  type DavServer,
  makeAddressBookOnServer,
  makeCalendarOnServer,
} from '../../helpers/dav-servers.ts';
import { cli, cliInProcess } from '../../helpers/run-cli.ts';
import { tempDir } from '../../helpers/temp-app.ts';

let server: DavServer;
let db: string;
const env = { FT_CLI_DAV_PASSWORD: DAV_PASSWORD, TZ: 'Europe/Berlin' };
const NOW = '2026-03-10T09:00:00.000Z';
/** In the test's process (a child costs a second or more); `spawned` where the exit code is the point. */
const run = (...args: string[]) => cliInProcess(['--db', db, '--now', NOW, ...args], env);
const spawned = (...args: string[]) => cli(['--db', db, '--now', NOW, ...args], env);

describe.each(DAV_SERVERS)('sync on the command line with $name', ({ start }) => {
  beforeEach(async () => {
    const dir = tempDir('ft-sync-cli-');
    db = join(dir, 'followthrough.db');
    server = await start(dir);
  });
  afterEach(async () => {
    await server?.stop();
  });

  it('adds, lists, tests, runs and removes an account; the password is never stored', async () => {
    expect((await run('contacts', 'add', 'Ada Lovelace', '--met-on', '2026-03-09')).code).toBe(0);
    const added = await run(
      '--json',
      'sync',
      'accounts',
      'add',
      '--url',
      server.url,
      '--user',
      server.user,
      '--password-env',
      'FT_CLI_DAV_PASSWORD',
    );
    expect(added.stderr).toBe('');
    const account = JSON.parse(added.stdout) as { id: number; calendarUrl: string; credential: unknown };
    expect(account.credential).toEqual({ kind: 'env', variable: 'FT_CLI_DAV_PASSWORD' });
    expect(account.calendarUrl).toMatch(/followthrough-follow-ups\/$/);

    const list = await run('sync', 'accounts', 'list');
    expect(list.stdout).toContain('$FT_CLI_DAV_PASSWORD');
    const test = await run('sync', 'accounts', 'test', String(account.id));
    expect(test.stdout).toMatch(/Logged in\. Principal/);
    // What is there, by name: the calendar the add made, said to be the app's own where the
    // server keeps the description MKCALENDAR set (Radicale; Xandikos 0.2.8 drops it).
    const ours = server.name === 'Radicale' ? ' (made by Followthrough)' : '';
    expect(test.stdout).toMatch(/Calendars that take events \(\d+\):/);
    expect(test.stdout).toContain(`  Followthrough follow-ups${ours}  ${account.calendarUrl}`);
    expect(test.stdout).toMatch(/Address books \(\d+\):|No address books yet\./);
    const tested = JSON.parse((await run('--json', 'sync', 'accounts', 'test', String(account.id))).stdout);
    expect(tested.calendars).toContainEqual({
      url: account.calendarUrl,
      name: 'Followthrough follow-ups',
      ...(ours ? { followthroughMade: true } : {}),
    });
    expect(Array.isArray(tested.addressBooks)).toBe(true);

    const pass = await run('--json', 'sync', 'run');
    expect(pass.code).toBe(0);
    expect(JSON.parse(pass.stdout)).toMatchObject({ pending: 0, errors: [], conflicts: [] });
    expect(JSON.parse(pass.stdout).pushed).toBeGreaterThan(0);
    // --json: the answer alone, no progress lines beside it.
    expect(pass.stderr).toBe('');
    // Without it, the push's progress on stderr (as `mail sync` does); stdout only the summary.
    expect((await run('contacts', 'add', 'Alan Turing', '--met-on', '2026-03-09')).code).toBe(0);
    const told = await run('sync', 'run');
    expect(told.code).toBe(0);
    expect(told.stderr).toMatch(/^sending follow-ups to the calendar 1\/1$/m);
    expect(told.stdout).toMatch(/^Pushed 1, read \d+, 0 waiting\.\n$/);
    expect(JSON.parse((await run('--json', 'sync', 'conflicts')).stdout)).toEqual([]);
    expect(JSON.parse((await run('--json', 'sync', 'status')).stdout)).toMatchObject({ pending: 0 });

    // A pass with errors prints them and exits 1, so a script (cron) notices: here the password
    // variable is empty in the child's environment.
    const failed = await cli(['--db', db, '--now', NOW, '--json', 'sync', 'run'], {
      ...env,
      FT_CLI_DAV_PASSWORD: '',
    });
    expect(failed.code, failed.stderr).toBe(1);
    expect(JSON.parse(failed.stdout).errors).toEqual([
      expect.stringContaining('the environment variable FT_CLI_DAV_PASSWORD is not set'),
    ]);

    // Neither way of giving a password, or both: a usage error naming them.
    const neither = await spawned('sync', 'accounts', 'add', '--url', server.url, '--user', 'x');
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/--password-command and --password-env/);

    expect((await run('sync', 'accounts', 'remove', String(account.id))).code).toBe(0);
    expect((await run('sync', 'accounts', 'list')).stdout).toMatch(/No sync accounts/);
  });
  it('--calendar and --addressbook take a name, a URL or a path; a name two share is refused with both', async () => {
    const add = (...more: string[]) =>
      run(
        '--json',
        'sync',
        'accounts',
        'add',
        '--url',
        server.url,
        '--user',
        server.user,
        '--password-env',
        'FT_CLI_DAV_PASSWORD',
        ...more,
      );
    // Where the server keeps calendars and address books: Radicale under /<user>/, Xandikos apart.
    const [calendars, books] =
      server.name === 'Radicale'
        ? [`/${server.user}/`, `/${server.user}/`]
        : ['/user/calendars/', '/user/contacts/'];
    for (const n of [1, 2]) {
      expect(
        (await makeCalendarOnServer(server, `${server.base}${calendars}work-${n}/`, { name: 'Work' })).status,
      ).toBe(201);
      expect(
        (await makeAddressBookOnServer(server, `${server.base}${books}people-${n}/`, 'People')).status,
      ).toBe(201);
    }
    const refused = await spawned(
      'sync',
      'accounts',
      'add',
      '--url',
      server.url,
      '--user',
      server.user,
      '--password-env',
      'FT_CLI_DAV_PASSWORD',
      '--calendar',
      'Work',
    );
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`${calendars}work-1/`);
    expect(refused.stderr).toContain(`${calendars}work-2/`);
    expect(refused.stderr).toMatch(/by its address or path/);

    const added = await add(
      '--calendar',
      `${calendars}work-2/`,
      '--addressbook',
      `${server.base}${books}people-1/`,
    );
    expect(added.stderr).toBe('');
    const account = JSON.parse(added.stdout) as {
      calendar: string;
      calendarUrl: string;
      addressbookUrl: string;
    };
    expect(account.calendar).toBe('Work');
    expect(new URL(account.calendarUrl).pathname).toBe(`${calendars}work-2/`);
    expect(new URL(account.addressbookUrl).pathname).toBe(`${books}people-1/`);
    const test = await run('sync', 'accounts', 'test', '1');
    expect(test.stdout).toContain(`"Work": ${account.calendarUrl}`);
    expect(test.stdout).toContain(`Address book "People": ${account.addressbookUrl}`);
  });
});
