import { afterEach, describe, expect, it } from 'vitest';
import { syncCards } from '../../../src/main/store/sync-cards-store.ts';
import { createSyncService } from '../../../src/main/sync/sync-service.ts';
import {
  DAV_PASSWORD,
  DAV_SERVERS,
  type DavServer,
  listObjects,
  moveOnServer,
  uidOf,
} from '../../helpers/dav-servers.ts';
import { type FaultProxy, startFaultProxy } from '../../helpers/fault-proxy.ts';
import { openTempApp, type TempApp, tempDir } from '../../helpers/temp-app.ts';

/**
 * Both test servers offer sync-collection, so every other sync test reads them by it. A server
 * that does not (or refuses it, or forgot the token) is read by its ctag and a Depth 1 PROPFIND of
 * ETags: this runs that path, calendar and address book, on each server as if it offered nothing.
 */

process.env.FT_TEST_DAV_PASSWORD = DAV_PASSWORD;
const BOOK = 'Followthrough contacts';

let app: TempApp | undefined;
let server: DavServer | undefined;
let proxy: FaultProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  await server?.stop();
  app?.cleanup();
});

describe.each(DAV_SERVERS)('read by ctag and ETags ($name)', ({ start }) => {
  it('pushes, stays quiet, takes a move, a phone edit and a delete back', async () => {
    app = openTempApp('2026-03-10T09:00:00.000Z', { timeZone: 'Europe/Berlin' });
    server = await start(tempDir('ft-dav-ctag-'));
    proxy = await startFaultProxy(server.base);
    const ada = await app.api['contacts.create']({ displayName: 'Ada Lovelace', metOn: '2026-03-09' });
    const account = await app.api['sync.accounts.add']({
      url: `${proxy.base}/`,
      user: server.user,
      credential: { kind: 'env', variable: 'FT_TEST_DAV_PASSWORD' },
      addressbook: BOOK,
    });
    const service = createSyncService(
      { ...app.context, info: await app.api['app.info']({}) },
      { readMode: 'ctag' },
    );
    const first = await service.run();
    expect(first).toMatchObject({ errors: [], pending: 0 });
    const steps = await app.api['followups.list']({ statuses: ['pending'] });
    const collection = new URL(new URL(account.calendarUrl!).pathname, server.base).href;
    expect(await listObjects(server, collection)).toHaveLength(steps.length);
    const card = syncCards(app.context.db, account.id).find((c) => c.contactId === ada.id);
    expect(card?.state).toBe('linked');

    // Nothing changed: each collection's ctag is read, and nothing else (no REPORT of any kind).
    proxy.clearLog();
    expect(await service.run()).toMatchObject({ errors: [], pushed: 0, pulled: 0 });
    expect(proxy.log.filter((r) => r.method !== 'PROPFIND').map((r) => r.method)).toEqual([]);

    // A follow-up dragged on the phone comes back as a move, through the engine.
    const step = steps[0]!;
    const object = (await listObjects(server, collection)).find(
      (o) => uidOf(o.data) === `followup-${step.id}@followthrough.app`,
    )!;
    expect((await moveOnServer(server, object, '2026-03-12T14:00:00.000Z')).ok).toBe(true);
    const moved = await service.run();
    expect(moved).toMatchObject({ errors: [], moved: [{ followUpId: step.id, dueOn: '2026-03-12' }] });

    // The card edited on the phone: the edit is merged in.
    const url = new URL(card!.href, server.base);
    const got = await fetch(url, { headers: server.auth });
    const text = (await got.text()).replace('END:VCARD', 'TITLE:Countess\r\nEND:VCARD');
    const put = await fetch(url, {
      method: 'PUT',
      headers: { ...server.auth, 'if-match': got.headers.get('etag') ?? '*', 'content-type': 'text/vcard' },
      body: text,
    });
    expect(put.ok).toBe(true);
    expect(await service.run()).toMatchObject({ errors: [], pulled: 1 });
    expect((await app.api['contacts.get']({ id: ada.id })).title).toBe('Countess');

    // Deleted on the phone: archived here.
    const removed = await fetch(url, { method: 'DELETE', headers: server.auth });
    expect(removed.ok).toBe(true);
    expect(await service.run()).toMatchObject({ errors: [] });
    expect((await app.api['contacts.get']({ id: ada.id })).archivedAt).not.toBeNull();
  });
});
