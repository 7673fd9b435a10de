import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addressbookState } from '../../../src/main/store/sync-cards-store.ts';
import { DAV_PASSWORD, DAV_SERVERS, type DavServer } from '../../helpers/dav-servers.ts';
import { cli, cliInProcess } from '../../helpers/run-cli.ts';
import { openTempApp, type TempApp, tempDir } from '../../helpers/temp-app.ts';

// What the contact sync waits for the user's word on, answered from the command line: the CLI
// runs on the database file the test also opens (for what the CLI has no command for: deleting a
// contact, editing a field), against a real server.

let app: TempApp;
let server: DavServer;
const env = { FT_CLI_DAV_PASSWORD: DAV_PASSWORD, TZ: 'Europe/Berlin' };
let minute = 0;
const next = () => new Date(Date.parse('2026-03-10T09:00:00Z') + ++minute * 60_000).toISOString();
/**
 * The CLI on the test's database, a minute later each time (the pass tells edits by time), in
 * the test's process; `spawned` runs a child, for a usage error's exit code as a script sees it.
 */
const run = (...args: string[]) => cliInProcess(['--db', app.databasePath, '--now', next(), ...args], env);
const spawned = (...args: string[]) => cli(['--db', app.databasePath, '--now', next(), ...args], env);
/** A pass in-process (`sync run` has its own CLI test): each CLI start costs a second. */
process.env.FT_CLI_DAV_PASSWORD = DAV_PASSWORD;
const syncRun = () => {
  app.setNow(next());
  return app.api['sync.run']({});
};
const json = async (...args: string[]) => {
  const r = await run('--json', ...args);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
};

describe.each(DAV_SERVERS)(
  'sync pending, deletes, review and resolve on the command line with $name',
  ({ start }) => {
    beforeEach(async () => {
      app = openTempApp('2026-03-10T08:00:00.000Z', { timeZone: 'Europe/Berlin' });
      server = await start(tempDir('ft-dav-'));
    });
    afterEach(async () => {
      await server?.stop();
      app?.cleanup();
    });

    it('a guessed card reviewed, a delete confirmed, a conflict settled for the server', async () => {
      const grace = await app.api['contacts.create']({ displayName: 'Grace Hopper' });
      const flags = { '--url': server.url, '--user': server.user, '--password-env': 'FT_CLI_DAV_PASSWORD' };
      const account = await json(
        ...['sync', 'accounts', 'add', ...Object.entries(flags).flat()],
        ...['--addressbook', 'Followthrough contacts'],
      );
      expect(await syncRun()).toMatchObject({ errors: [] });
      expect(await json('sync', 'pending')).toEqual({ deletes: [], reviews: [] });

      // Someone new here, and a card for her on the phone with her company spelt otherwise: a guess.
      app.setNow(next());
      const kj = await app.api['contacts.create']({ displayName: 'Katherine Johnson', company: 'NASA' });
      const book = new URL(addressbookState(app.context.db, account.id)!.url!).pathname;
      const href = `${book}kj.vcf`;
      const card = (title: string) =>
        `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-kj\r\nFN:Katherine Johnson\r\nORG:NASA Inc.\r\nTITLE:${title}\r\nEND:VCARD\r\n`;
      const put = (title: string) =>
        fetch(new URL(href, server.base), {
          method: 'PUT',
          headers: { ...server.auth, 'content-type': 'text/vcard' },
          body: card(title),
        }).then((r) => r.arrayBuffer());
      await put('Mathematician');
      expect(await syncRun()).toMatchObject({ errors: [] });
      const pending = await json('sync', 'pending');
      expect(pending.reviews).toEqual([
        expect.objectContaining({ href, contactId: kj.id, cardName: 'Katherine Johnson' }),
      ]);
      expect((await run('sync', 'pending')).stdout).toContain(`sync review ${account.id} '${href}' --same`);

      // A choice is one flag, exactly: a usage error (exit 2) names them.
      const neither = await spawned('sync', 'review', String(account.id), href);
      expect(neither.code).toBe(2);
      expect(neither.stderr).toMatch(/--same, --different/);
      expect((await run('sync', 'review', String(account.id), href, '--same', '--different')).code).toBe(2);
      expect(await json('sync', 'review', String(account.id), href, '--same')).toEqual({ contactId: kj.id });
      // The same person; the company spelt two ways is a conflict kept for the user.
      expect(await syncRun()).toMatchObject({
        errors: [],
        conflicts: [{ field: 'company', local: 'NASA', remote: 'NASA Inc.' }],
      });
      expect((await json('sync', 'pending')).reviews).toEqual([]);
      expect((await app.api['contacts.get']({ id: kj.id })).title).toBe('Mathematician');

      // Grace deleted here: her card waits for the word, then goes.
      app.setNow(next());
      await app.api['contacts.delete']({ id: grace.id, confirm: true });
      expect(await syncRun()).toMatchObject({ errors: [] });
      expect((await json('sync', 'pending')).deletes).toEqual([
        expect.objectContaining({ accountId: account.id, contactId: grace.id, name: 'Grace Hopper' }),
      ]);
      expect((await run('sync', 'deletes', String(account.id))).code).toBe(2);
      expect(await json('sync', 'deletes', String(account.id), '--confirm')).toEqual({
        deleted: 1,
        kept: 0,
        messages: [],
      });
      expect((await json('sync', 'pending')).deletes).toEqual([]);

      // Her title changed on both sides too: settled for the server's, the company with words of one's own.
      app.setNow(next());
      await app.api['contacts.update']({ id: kj.id, patch: { title: 'Engineer' } });
      await put('Physicist');
      const r = await syncRun();
      expect(r.conflicts).toEqual([
        expect.objectContaining({ field: 'company', local: 'NASA', remote: 'NASA Inc.' }),
        expect.objectContaining({ field: 'title', local: 'Engineer', remote: 'Physicist' }),
      ]);
      const conflicts = new Map<string, number>(
        (await json('sync', 'conflicts')).map((c: { field: string; id: number }) => [c.field, c.id]),
      );
      const title = String(conflicts.get('title'));
      expect((await run('sync', 'resolve', title)).code).toBe(2);
      expect(await json('sync', 'resolve', title, '--there')).toEqual({ resolved: true, id: Number(title) });
      expect(
        await json('sync', 'resolve', String(conflicts.get('company')), '--value', 'NASA Langley'),
      ).toMatchObject({
        resolved: true,
      });
      expect(await syncRun()).toMatchObject({ errors: [], conflicts: [] });
      expect(await app.api['contacts.get']({ id: kj.id })).toMatchObject({
        title: 'Physicist',
        company: 'NASA Langley',
      });
      expect(await json('sync', 'conflicts')).toEqual([]);
      const there = await fetch(new URL(href, server.base), { headers: server.auth }).then((x) => x.text());
      expect(there).toMatch(/ORG:NASA Langley/);
      expect(there).toMatch(/TITLE:Physicist/);
    }, 120_000);
  },
);
