import { afterEach, describe, expect, it } from 'vitest';
import { type SyncWatch, startSyncWatch } from '../../../src/main/sync/sync-watch.ts';
import { DAV_PASSWORD, DAV_SERVERS, type DavServer, listObjects } from '../../helpers/dav-servers.ts';
import { openTempApp, type TempApp, tempDir } from '../../helpers/temp-app.ts';

process.env.FT_TEST_DAV_PASSWORD = DAV_PASSWORD;

let app: TempApp | undefined;
let server: DavServer | undefined;
let watch: SyncWatch | undefined;
afterEach(async () => {
  await watch?.stop();
  await server?.stop();
  app?.cleanup();
});

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.each(DAV_SERVERS)('the sync watch with $name', ({ start }) => {
  it('pushes what a change queued shortly after it, with no one running sync', async () => {
    app = openTempApp('2026-03-10T09:00:00.000Z', { timeZone: 'Europe/Berlin' });
    server = await start(tempDir('ft-dav-'));
    const account = await app.api['sync.accounts.add']({
      url: server.url,
      user: server.user,
      credential: { kind: 'env', variable: 'FT_TEST_DAV_PASSWORD' },
    });
    const errors: string[] = [];
    watch = startSyncWatch(app.context, { debounceMs: 50, everyMs: 60_000, onError: (e) => errors.push(e) });
    await app.api['contacts.create']({ displayName: 'Ada Lovelace', metOn: '2026-03-09' });
    const steps = await app.api['followups.list']({ statuses: ['pending'] });
    await until(
      async () => (await listObjects(server!, account.calendarUrl!)).length === steps.length,
      'the push',
    );
    await until(async () => (await app!.api['sync.status']({})).pending === 0, 'an empty outbox');
    expect(errors).toEqual([]);
  });
});
