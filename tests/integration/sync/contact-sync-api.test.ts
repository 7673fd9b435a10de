import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandlerDeps } from '../../../src/main/core/handler-deps.ts';
import { addressbookState, cardOfContact } from '../../../src/main/store/sync-cards-store.ts';
import { runContactPass } from '../../../src/main/sync/contacts/contact-session.ts';
import { DAV_PASSWORD, DAV_SERVERS, type DavServer } from '../../helpers/dav-servers.ts';
import { openTempApp, type TempApp, tempDir } from '../../helpers/temp-app.ts';

// The contact sync's user-facing calls through the real dispatcher: what waits for the user's
// word (deletes made here, guessed cards) and the answers, with the account's own password
// source and server (no proxy), as `sync run` will run the pass.

process.env.FT_TEST_DAV_PASSWORD = DAV_PASSWORD;
const credential = { kind: 'env', variable: 'FT_TEST_DAV_PASSWORD' } as const;

let app: TempApp;
let server: DavServer;

function handlerDeps(): HandlerDeps {
  const c = app.context;
  return {
    db: c.db,
    clock: c.clock,
    settings: c.settings,
    engine: c.engine,
    bus: c.bus,
    gate: c.gate,
    feed: c.feed,
    info: {
      version: 'test',
      shell: 'cli',
      dataDir: app.dir,
      databasePath: app.databasePath,
      schemaVersion: 15,
    },
  };
}

describe.each(DAV_SERVERS)('contact sync calls with $name', ({ start }) => {
  beforeEach(async () => {
    app = openTempApp('2026-03-10T09:00:00.000Z', { timeZone: 'Europe/Berlin' });
    server = await start(tempDir('ft-dav-'));
  });
  afterEach(async () => {
    await server?.stop();
    app?.cleanup();
  });

  it('sync run takes the address book along with the calendar: a contact made here gets its card', async () => {
    const account = await app.api['sync.accounts.add']({
      url: server.url,
      user: server.user,
      credential,
      addressbook: 'Followthrough contacts',
    });
    const ada = await app.api['contacts.create']({ displayName: 'Ada Lovelace', metOn: '2026-03-09' });
    const pass = await app.api['sync.run']({});
    expect(pass.errors).toEqual([]);
    expect(cardOfContact(app.context.db, account.id, ada.id)?.href).toBeTruthy();
    // Her refresher's event and her card: both sent by the one pass.
    expect(pass.pushed).toBeGreaterThanOrEqual(2);
    expect(await runContactPass(handlerDeps(), account.id)).toMatchObject({ pushed: 0, errors: [] });
  });

  it('a guessed card reviewed as the same person; a delete here confirmed, then done on the server', async () => {
    const account = await app.api['sync.accounts.add']({
      url: server.url,
      user: server.user,
      credential,
      addressbook: 'Followthrough contacts',
    });
    const alan = await app.api['contacts.create']({ displayName: 'Alan Turing', company: 'Bletchley' });
    const grace = await app.api['contacts.create']({ displayName: 'Grace Hopper' });
    expect(await runContactPass(handlerDeps(), account.id)).toMatchObject({ pushed: 2, errors: [] });
    expect(await app.api['sync.contacts.pending']({})).toEqual({ deletes: [], reviews: [] });

    // The phone has a card of its own for Alan, his company spelt otherwise: only a guess.
    const book = new URL(addressbookState(app.context.db, account.id)!.url!).pathname;
    const put = await fetch(new URL(`${book}alan-phone.vcf`, server.base), {
      method: 'PUT',
      headers: { ...server.auth, 'content-type': 'text/vcard' },
      body: 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-alan\r\nFN:Alan Turing\r\nN:Turing;Alan;;;\r\nORG:Bletchley Ltd\r\nTITLE:Codebreaker\r\nEND:VCARD\r\n',
    });
    expect(put.status).toBeLessThan(300);
    app.setNow('2026-03-10T09:30:00.000Z');
    // Alan's own card went up at the first pass, so his is linked: the phone's is a second card.
    expect(await runContactPass(handlerDeps(), account.id)).toMatchObject({ created: 1, errors: [] });
    expect((await app.api['contacts.list']({ query: 'Alan' })).total).toBe(2);

    // Someone new here, and a card for her on the phone under a company spelt otherwise: a guess.
    const kj = await app.api['contacts.create']({ displayName: 'Katherine Johnson', company: 'NASA' });
    await fetch(new URL(`${book}kj.vcf`, server.base), {
      method: 'PUT',
      headers: { ...server.auth, 'content-type': 'text/vcard' },
      body: 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-kj\r\nFN:Katherine Johnson\r\nORG:NASA Inc.\r\nTITLE:Mathematician\r\nEND:VCARD\r\n',
    }).then((r) => r.arrayBuffer());
    app.setNow('2026-03-10T09:40:00.000Z');
    expect(await runContactPass(handlerDeps(), account.id)).toMatchObject({
      reviews: 1,
      created: 0,
      pushed: 0,
    });
    const { reviews } = await app.api['sync.contacts.pending']({});
    expect(reviews).toEqual([
      {
        accountId: account.id,
        href: `${book}kj.vcf`,
        contactId: kj.id,
        contactName: 'Katherine Johnson',
        cardName: 'Katherine Johnson',
        reason: 'name',
      },
    ]);
    await app.api['sync.contacts.review']({ id: account.id, href: `${book}kj.vcf`, decision: 'same' });
    await expect(
      app.api['sync.contacts.review']({ id: account.id, href: `${book}kj.vcf`, decision: 'same' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    app.setNow('2026-03-10T09:50:00.000Z');
    expect(await runContactPass(handlerDeps(), account.id)).toMatchObject({
      reviews: 0,
      created: 0,
      errors: [],
    });
    expect((await app.api['contacts.get']({ id: kj.id })).title).toBe('Mathematician');
    expect((await app.api['contacts.list']({ query: 'Katherine' })).total).toBe(1);
    expect(alan.id).toBeGreaterThan(0);

    app.setNow('2026-03-10T10:00:00.000Z');
    await app.api['contacts.delete']({ id: grace.id, confirm: true });
    const pass = await runContactPass(handlerDeps(), account.id);
    expect(pass).toMatchObject({ awaitingDelete: 1, errors: [] });
    const pending = await app.api['sync.contacts.pending']({});
    expect(pending.deletes).toEqual([
      {
        accountId: account.id,
        contactId: grace.id,
        name: 'Grace Hopper',
        href: expect.stringMatching(/\.vcf$/),
      },
    ]);
    const href = pending.deletes[0]!.href;
    expect((await fetch(new URL(href, server.base), { headers: server.auth })).status).toBe(200);
    expect(await app.api['sync.contacts.deletes']({ id: account.id, confirm: true })).toEqual({
      deleted: 1,
      kept: 0,
      messages: [],
    });
    expect((await fetch(new URL(href, server.base), { headers: server.auth })).status).toBe(404);
    expect((await app.api['sync.contacts.pending']({})).deletes).toEqual([]);
  });
});
