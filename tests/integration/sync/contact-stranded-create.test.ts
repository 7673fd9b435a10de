import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { syncCards } from '../../../src/main/store/sync-cards-store.ts';
import { findOrMakeAddressbook } from '../../../src/main/sync/contacts/carddav.ts';
import { readCardFields } from '../../../src/main/sync/contacts/synced-fields.ts';
import { contactPass, convergeDevices, type Device, openDevice } from '../../helpers/contact-sync-devices.ts';
import { DAV_SERVERS, type DavServer } from '../../helpers/dav-servers.ts';
import { type FaultProxy, startFaultProxy } from '../../helpers/fault-proxy.ts';
import { tempDir } from '../../helpers/temp-app.ts';

/**
 * A new contact's create reaches the server and its answer is lost; before the next pass the
 * contact is linked to another card (a phone's card of the same person matched, or a merge with a
 * contact that had a card). The server must end with one card for the person, no side's edit
 * lost, the unanswered create settled, and both devices agreeing with the server.
 */

const BOOK = 'Followthrough contacts';
const pass = (d: Device) => contactPass(d, BOOK);

/** Every card in the address book, as a phone's full listing reads it (PROPFIND, then GET). */
async function cardsOnServer(server: DavServer, url: string): Promise<string[]> {
  const answer = await fetch(url, {
    method: 'PROPFIND',
    headers: { ...server.auth, depth: '1', 'content-type': 'application/xml; charset=utf-8' },
    body: '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>',
  });
  const hrefs = [...(await answer.text()).matchAll(/<(?:\w+:)?href>([^<]+)<\/(?:\w+:)?href>/g)]
    .map((m) => m[1] ?? '')
    .filter((h) => h.endsWith('.vcf'));
  const out: string[] = [];
  for (const href of hrefs) {
    const got = await fetch(new URL(href, url), { headers: server.auth });
    if (got.ok) out.push(await got.text());
  }
  return out;
}

const namesOnServer = async (server: DavServer, url: string) =>
  (await cardsOnServer(server, url)).map((c) => readCardFields(c).fields.displayName).sort();

const activeNamed = async (d: Device, query: string) =>
  (await d.app.api['contacts.list']({ query })).items.map((c) => c.displayName);

describe.each(DAV_SERVERS)(
  'a create whose answer was lost, its contact linked to another card, on $name',
  ({ start }) => {
    let server: DavServer;
    let proxy: FaultProxy;
    let a: Device;
    let b: Device;
    let book: string;

    beforeAll(async () => {
      server = await start(tempDir('ft-dav-stranded-'));
      proxy = await startFaultProxy(server.base);
      a = await openDevice(server, proxy.base);
      b = await openDevice(server, server.base);
      await a.app.api['contacts.create']({
        displayName: 'Ada Lovelace',
        emails: [{ value: 'ada@example.org' }],
      });
      expect(await pass(a)).toMatchObject({ errors: [] });
      expect(await pass(b)).toMatchObject({ errors: [], created: 1 });
      book = await findOrMakeAddressbook(b.session, BOOK);
    });
    afterEach(() => proxy.clear());
    afterAll(async () => {
      await proxy?.close();
      await server?.stop();
      a?.app.cleanup();
      b?.app.cleanup();
    });

    /** Both devices pass until quiet; then each holds what the server holds, and nothing waits. */
    async function converge() {
      const inA = await convergeDevices(a, b, BOOK);
      // Every card on the server is one a device has linked: no stray second card.
      expect(await namesOnServer(server, book)).toEqual([...inA.keys()].sort());
      expect(syncCards(a.app.context.db, a.accountId).filter((c) => c.state === 'linked')).toHaveLength(
        inA.size,
      );
      for (const d of [a, b])
        expect(d.app.context.db.prepare('SELECT count(*) AS n FROM sync_card_puts').get()).toEqual({ n: 0 });
      return inA;
    }

    it("matched to a phone's card of the same person: the phone's card is kept, the lost create removed, both sides' fields in it", async () => {
      const mary = await a.app.api['contacts.create']({
        displayName: 'Mary Somerville',
        emails: [{ value: 'mary@example.org' }],
      });
      // A's create reaches the server; its answer does not.
      const lost = proxy.inject({ method: 'PUT', path: /\.vcf$/, fault: { kind: 'drop-after' } });
      await expect(pass(a)).rejects.toThrow();
      await lost.fired;
      // Meanwhile the user adds her on the phone too (same e-mail, a phone number), and edits her here.
      const phoneCard = [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'UID:phone-mary-somerville',
        'FN:Mary Somerville',
        'N:Somerville;Mary;;;',
        'EMAIL;TYPE=INTERNET:mary@example.org',
        'TEL;TYPE=CELL:+44 20 7946 0123',
        'END:VCARD',
        '',
      ].join('\r\n');
      const put = await fetch(new URL('phone-mary-somerville.vcf', book), {
        method: 'PUT',
        headers: { ...server.auth, 'if-none-match': '*', 'content-type': 'text/vcard; charset=utf-8' },
        body: phoneCard,
      });
      expect(put.status).toBe(201);
      a.tick();
      await a.app.api['contacts.update']({ id: mary.id, patch: { discussed: 'Tides' } });
      expect(await namesOnServer(server, book)).toEqual([
        'Ada Lovelace',
        'Mary Somerville',
        'Mary Somerville',
      ]);
      // B reads both cards before A settles them: two Marys there for a while.
      await pass(b);

      const book_ = await converge();
      expect(book_.get('Mary Somerville')).toMatchObject({
        discussed: 'Tides',
        emails: [{ value: 'mary@example.org', label: null }],
        phones: [expect.objectContaining({ value: '+44 20 7946 0123' })],
      });
      expect(await activeNamed(a, 'Mary')).toEqual(['Mary Somerville']);
      expect(await activeNamed(b, 'Mary')).toEqual(['Mary Somerville']);
      // A's contact took the phone's card; the card its lost create made is gone.
      const cards = syncCards(a.app.context.db, a.accountId);
      expect(cards.find((c) => c.contactId === mary.id)?.href).toMatch(/phone-mary-somerville\.vcf$/);
    });

    it.each([
      { keeps: 'the new contact', keepNew: true },
      { keeps: 'the contact that had a card', keepNew: false },
    ])(
      'merged with a contact that had a card, keeping $keeps: one card, everything of both',
      async ({ keepNew }) => {
        const who = keepNew ? 'Grace Hopper' : 'Alan Turing';
        const linked = await a.app.api['contacts.create']({
          displayName: who,
          emails: [{ value: `${keepNew ? 'grace' : 'alan'}@example.org` }],
        });
        expect(await pass(a)).toMatchObject({ errors: [] });
        expect(await pass(b)).toMatchObject({ errors: [], created: 1 });
        const original = syncCards(a.app.context.db, a.accountId).find(
          (c) => c.contactId === linked.id,
        )?.href;
        // The same person typed in again with other details; its create's answer is lost.
        const fresh = await a.app.api['contacts.create']({
          displayName: who,
          phones: [{ value: '+44 20 7946 0999' }],
          discussed: 'Compilers',
        });
        const lost = proxy.inject({ method: 'PUT', path: /\.vcf$/, fault: { kind: 'drop-after' } });
        await expect(pass(a)).rejects.toThrow();
        await lost.fired;
        expect((await namesOnServer(server, book)).filter((n) => n === who)).toHaveLength(2);
        // The user merges the two here.
        a.tick();
        const [keepId, mergeId] = keepNew ? [fresh.id, linked.id] : [linked.id, fresh.id];
        await a.app.api['contacts.merge']({ keepId, mergeId, take: [] });

        const inA = await converge();
        expect(inA.get(who)).toMatchObject({
          discussed: 'Compilers',
          emails: [{ value: `${keepNew ? 'grace' : 'alan'}@example.org`, label: null }],
          phones: [expect.objectContaining({ value: '+44 20 7946 0999' })],
        });
        expect(await activeNamed(a, who)).toEqual([who]);
        expect(await activeNamed(b, who)).toEqual([who]);
        // The card phones already had is the one kept, and nothing waits for a delete.
        const card = syncCards(a.app.context.db, a.accountId).find((c) => c.contactId === keepId);
        expect(card).toMatchObject({ state: 'linked', href: original });
        expect(await a.app.api['sync.contacts.pending']({})).toMatchObject({ deletes: [], reviews: [] });
      },
    );
  },
);
