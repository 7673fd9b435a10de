import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncCards } from '../../../src/main/store/sync-cards-store.ts';
import { findOrMakeAddressbook } from '../../../src/main/sync/contacts/carddav.ts';
import { contactPass, convergeDevices, type Device, openDevice } from '../../helpers/contact-sync-devices.ts';
import { DAV_SERVERS, type DavServer } from '../../helpers/dav-servers.ts';
import { tempDir } from '../../helpers/temp-app.ts';

/**
 * A merge of two contacts, one of them on the server, undone: each contact must have its own card
 * again (the one phones hold for that person, at the same address), nothing waits to delete a card
 * of someone who is back, a conflict the merged contact had comes back, and both devices and the
 * server agree.
 */

const BOOK = 'Followthrough contacts';
const pass = (d: Device) => contactPass(d, BOOK);
const hrefOf = (d: Device, contactId: number) =>
  syncCards(d.app.context.db, d.accountId).find((c) => c.contactId === contactId && c.state === 'linked')
    ?.href;

describe.each(DAV_SERVERS)('a merge undone, with contact sync on $name', ({ start }) => {
  let server: DavServer;
  let a: Device;
  let b: Device;
  let book: string;

  beforeAll(async () => {
    server = await start(tempDir('ft-dav-merge-undo-'));
    a = await openDevice(server, server.base);
    b = await openDevice(server, server.base);
    book = await findOrMakeAddressbook(a.session, BOOK);
  });
  afterAll(async () => {
    await server?.stop();
    a?.app.cleanup();
    b?.app.cleanup();
  });

  /** Both devices pass until quiet; then each holds what the server holds, and nothing waits. */
  async function converge() {
    const inA = await convergeDevices(a, b, BOOK);
    expect(await a.app.api['sync.contacts.pending']({})).toMatchObject({ deletes: [], reviews: [] });
    return inA;
  }

  /** B's contact linked to the card at `href`, as B has it now. */
  const onB = (href: string) => {
    const card = syncCards(b.app.context.db, b.accountId).find((c) => c.href === href);
    return card
      ? b.app.context.db.prepare('SELECT display_name FROM contacts WHERE id = ?').pluck().get(card.contactId)
      : undefined;
  };

  it('into a contact with no card yet: the card goes back to its person, the kept one gets its own', async () => {
    const ada = await a.app.api['contacts.create']({
      displayName: 'Ada Lovelace',
      emails: [{ value: 'ada@example.org' }],
      discussed: 'Engines',
    });
    expect(await pass(a)).toMatchObject({ errors: [] });
    expect(await pass(b)).toMatchObject({ errors: [], created: 1 });
    const adaHref = hrefOf(a, ada.id) as string;
    expect(adaHref).toBeTruthy();
    // Typed in again under another name, before any pass: no card of its own.
    a.tick();
    const augusta = await a.app.api['contacts.create']({
      displayName: 'Augusta King',
      phones: [{ value: '+44 20 7946 0111' }],
    });
    a.tick();
    await a.app.api['contacts.merge']({ keepId: augusta.id, mergeId: ada.id, take: [] });
    // The merge reaches the server and the other device: Ada's card now says Augusta King.
    expect(await pass(a)).toMatchObject({ errors: [], pushed: 1 });
    expect(await pass(b)).toMatchObject({ errors: [], pulled: 1 });
    expect(onB(adaHref)).toBe('Augusta King');

    a.tick();
    await a.app.api['contacts.undoMerge']({});
    const inA = await converge();
    expect([...inA.keys()].sort()).toEqual(['Ada Lovelace', 'Augusta King']);
    expect(inA.get('Ada Lovelace')).toMatchObject({ discussed: 'Engines' });
    expect(inA.get('Augusta King')?.emails).toEqual([]);
    // Ada's card is Ada's again, at the address phones know; Augusta has a card of her own.
    expect(hrefOf(a, ada.id)).toBe(adaHref);
    expect(hrefOf(a, augusta.id)).toBeTruthy();
    expect(hrefOf(a, augusta.id)).not.toBe(adaHref);
    // The other device's contact for that card is Ada again, not a new contact beside her.
    expect(onB(adaHref)).toBe('Ada Lovelace');
  });

  it('into a contact with a card: the merged one no longer waits to be deleted there', async () => {
    const grace = await a.app.api['contacts.create']({
      displayName: 'Grace Hopper',
      emails: [{ value: 'grace@example.org' }],
    });
    const amazing = await a.app.api['contacts.create']({
      displayName: 'Amazing Grace',
      emails: [{ value: 'amazing.grace@example.org' }],
    });
    expect(await pass(a)).toMatchObject({ errors: [] });
    expect(await pass(b)).toMatchObject({ errors: [], created: 2 });
    const href = hrefOf(a, amazing.id) as string;
    a.tick();
    await a.app.api['contacts.merge']({ keepId: grace.id, mergeId: amazing.id, take: [] });
    expect(await pass(a)).toMatchObject({ errors: [], awaitingDelete: 1 });

    a.tick();
    await a.app.api['contacts.undoMerge']({});
    const inA = await converge();
    expect(inA.get('Amazing Grace')?.emails).toEqual([{ value: 'amazing.grace@example.org', label: null }]);
    expect(inA.get('Grace Hopper')?.emails).toEqual([{ value: 'grace@example.org', label: null }]);
    expect(hrefOf(a, amazing.id)).toBe(href);
    expect(onB(href)).toBe('Amazing Grace');
  });

  it("the merged contact's conflict comes back with both values", async () => {
    const mary = await a.app.api['contacts.create']({ displayName: 'Mary Somerville', title: 'Writer' });
    expect(await pass(a)).toMatchObject({ errors: [] });
    const href = hrefOf(a, mary.id) as string;
    // The same field changed on both sides: a conflict kept for the user.
    a.tick();
    await a.app.api['contacts.update']({ id: mary.id, patch: { title: 'Astronomer' } });
    const url = new URL(href, book);
    const got = await fetch(url, { headers: server.auth });
    const card = (await got.text()).replace(/TITLE:[^\r\n]*/, 'TITLE:Mathematician');
    const put = await fetch(url, {
      method: 'PUT',
      headers: { ...server.auth, 'if-match': got.headers.get('etag') ?? '*', 'content-type': 'text/vcard' },
      body: card,
    });
    expect(put.ok).toBe(true);
    expect((await pass(a)).conflicts).toHaveLength(1);
    const before = await a.app.api['sync.conflicts.list']({});
    expect(before).toMatchObject([
      { contactId: mary.id, field: 'title', local: 'Astronomer', remote: 'Mathematician' },
    ]);

    const fresh = await a.app.api['contacts.create']({ displayName: 'M. Somerville' });
    a.tick();
    await a.app.api['contacts.merge']({ keepId: fresh.id, mergeId: mary.id, take: [] });
    a.tick();
    await a.app.api['contacts.undoMerge']({});
    expect(await a.app.api['sync.conflicts.list']({})).toMatchObject([
      { contactId: mary.id, field: 'title', base: 'Writer', local: 'Astronomer', remote: 'Mathematician' },
    ]);
    expect(hrefOf(a, mary.id)).toBe(href);
  });
});
