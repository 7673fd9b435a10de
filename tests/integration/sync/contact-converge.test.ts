import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncCards } from '../../../src/main/store/sync-cards-store.ts';
import {
  contactPass,
  type Device,
  deviceBook,
  openDevice,
  serverBook,
} from '../../helpers/contact-sync-devices.ts';
import { DAV_SERVERS, type DavServer } from '../../helpers/dav-servers.ts';
import { type FaultProxy, startFaultProxy } from '../../helpers/fault-proxy.ts';
import { tempDir } from '../../helpers/temp-app.ts';

const BOOK = 'Followthrough contacts';
const pass = (d: Device) => contactPass(d, BOOK);

describe.each(DAV_SERVERS)('two devices, one $name', ({ start }) => {
  let server: DavServer;
  let proxy: FaultProxy;
  let a: Device;
  let b: Device;

  beforeAll(async () => {
    server = await start(tempDir('ft-dav-'));
    proxy = await startFaultProxy(server.base);
    a = await openDevice(server, proxy.base);
    b = await openDevice(server, server.base);
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.stop();
    a?.app.cleanup();
    b?.app.cleanup();
  });

  it('converge: edits on both, a network failing in between, no edit lost or doubled', async () => {
    const ada = await a.app.api['contacts.create']({
      displayName: 'Ada Lovelace',
      emails: [{ value: 'ada@example.org' }],
    });
    await a.app.api['contacts.create']({ displayName: 'Grace Hopper', tags: ['Navy'] });
    // B knew Ada already (the same e-mail): the first link matches her, never a second Ada.
    await b.app.api['contacts.create']({
      displayName: 'Ada Lovelace',
      emails: [{ value: 'ada@example.org' }],
      title: 'Countess',
    });
    await b.app.api['contacts.create']({ displayName: 'Alan Turing' });
    expect(await pass(a)).toMatchObject({ errors: [] });
    expect(await pass(b)).toMatchObject({ errors: [], created: 1 });
    expect(await pass(a)).toMatchObject({ errors: [], created: 1 });

    // Edits on both sides, then A's PUT reaches the server but its answer is lost.
    a.tick();
    await a.app.api['contacts.update']({ id: ada.id, patch: { discussed: 'Engines', tags: ['Math'] } });
    const [bAda] = (await b.app.api['contacts.list']({ query: 'Ada' })).items;
    b.tick();
    await b.app.api['contacts.update']({
      id: bAda!.id,
      patch: { notes: 'Met at the RI', tags: ['Science'] },
    });
    proxy.inject({ method: 'PUT', fault: { kind: 'drop-after' } });
    await expect(pass(a)).rejects.toThrow();
    // A's next PUT answered 503 once: the pass fails in words and the next one goes on.
    proxy.inject({ method: 'PUT', fault: { kind: 'status', status: 503 } });
    await pass(b);
    await pass(a).catch(() => undefined);
    for (let round = 0; round < 2; round++) {
      expect(await pass(a)).toMatchObject({ errors: [], conflicts: [] });
      expect(await pass(b)).toMatchObject({ errors: [], conflicts: [] });
    }

    const [inA, inB, there] = [deviceBook(a), deviceBook(b), await serverBook(a, BOOK)];
    expect([...inA.keys()].sort()).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
    expect(inB).toEqual(inA);
    expect(there).toEqual(inA);
    expect(inA.get('Ada Lovelace')).toMatchObject({
      title: 'Countess',
      discussed: 'Engines',
      notes: 'Met at the RI',
      emails: [{ value: 'ada@example.org', label: null }],
    });
    expect(new Set(inA.get('Ada Lovelace')!.tags)).toEqual(new Set(['Math', 'Science']));
    // One card per person on the server.
    expect(syncCards(a.app.context.db, a.accountId)).toHaveLength(3);
  });

  it('a PUT whose answer is lost: a new card is linked, never doubled, and an edit made meanwhile is no conflict', async () => {
    proxy.clear();
    await pass(a);
    await pass(b);
    const before = syncCards(a.app.context.db, a.accountId).length;
    // A's create reaches the server; its answer does not. Then A edits her before the next pass.
    const mary = await a.app.api['contacts.create']({ displayName: 'Mary Somerville' });
    proxy.inject({ method: 'PUT', fault: { kind: 'drop-after' } });
    await expect(pass(a)).rejects.toThrow();
    a.tick();
    await a.app.api['contacts.update']({ id: mary.id, patch: { discussed: 'Tides' } });
    // Her card is known as her own: not a stranger's taken in, not a look-alike for review.
    expect(await pass(a)).toMatchObject({ errors: [], conflicts: [], created: 0, reviews: 0 });
    // An update's answer lost the same way, then another edit of that field here.
    a.tick();
    await a.app.api['contacts.update']({ id: mary.id, patch: { discussed: 'Comets' } });
    proxy.inject({ method: 'PUT', fault: { kind: 'drop-after' } });
    await expect(pass(a)).rejects.toThrow();
    a.tick();
    await a.app.api['contacts.update']({ id: mary.id, patch: { discussed: 'Mechanism of the Heavens' } });
    for (let round = 0; round < 2; round++) {
      expect(await pass(a)).toMatchObject({ errors: [], conflicts: [], created: 0 });
      expect(await pass(b)).toMatchObject({ errors: [], conflicts: [] });
    }
    const [inA, inB, there] = [deviceBook(a), deviceBook(b), await serverBook(a, BOOK)];
    expect(inA.get('Mary Somerville')).toMatchObject({ discussed: 'Mechanism of the Heavens' });
    expect(inB).toEqual(inA);
    expect(there).toEqual(inA);
    expect(syncCards(a.app.context.db, a.accountId)).toHaveLength(before + 1);
    expect(syncCards(b.app.context.db, b.accountId)).toHaveLength(before + 1);
    expect(a.app.context.db.prepare('SELECT count(*) AS n FROM sync_card_puts').get()).toEqual({ n: 0 });
  });
});
