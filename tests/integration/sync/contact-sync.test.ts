import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillPhoneKeys } from '../../../src/main/contacts/phone-keys.ts';
import { getContact } from '../../../src/main/store/contacts-store.ts';
import { listConflicts, syncCards } from '../../../src/main/store/sync-cards-store.ts';
import { findOrMakeAddressbook } from '../../../src/main/sync/contacts/carddav.ts';
import {
  confirmDeletes,
  keepServerCards,
  listContactConflicts,
  resolveConflict,
} from '../../../src/main/sync/contacts/conflicts.ts';
import { type ContactPassDeps, syncContacts } from '../../../src/main/sync/contacts/contacts-pass.ts';
import { resolveReview } from '../../../src/main/sync/contacts/reviews.ts';
import { readCardFields } from '../../../src/main/sync/contacts/synced-fields.ts';
import type { DavSession } from '../../../src/main/sync/dav-session.ts';
import { DAV_PASSWORD, DAV_SERVERS, type DavServer } from '../../helpers/dav-servers.ts';
import { type FaultProxy, startFaultProxy } from '../../helpers/fault-proxy.ts';
import { openTempApp, type TempApp, tempDir } from '../../helpers/temp-app.ts';
import { phoneCard } from '../../unit/sync/contacts/fields-fixture.ts';

process.env.FT_TEST_DAV_PASSWORD = DAV_PASSWORD;
const credential = { kind: 'env', variable: 'FT_TEST_DAV_PASSWORD' } as const;
const BOOK = 'Followthrough contacts';

let app: TempApp;
let server: DavServer;
let proxy: FaultProxy;
let accountId: number;

function deps(): ContactPassDeps {
  const { db, engine, clock } = app.context;
  return {
    db,
    engine,
    now: () => clock().toISOString(),
    keyPhones: () => fillPhoneKeys(db, 'GB'),
    region: 'GB',
  };
}
const session = (): DavSession => ({ url: `${proxy.base}/`, headers: server.auth, fetch, timeoutMs: 10_000 });
const pass = () => syncContacts(deps(), session(), { id: accountId, addressbook: BOOK });

/** What a phone does: plain HTTP against the server itself, not through the proxy. */
const onServer = (path: string) => new URL(path, server.base).href;
async function phonePut(path: string, data: string, etag?: string | null): Promise<void> {
  const response = await fetch(onServer(path), {
    method: 'PUT',
    headers: { ...server.auth, 'content-type': 'text/vcard', ...(etag ? { 'if-match': etag } : {}) },
    body: data,
  });
  expect(response.status, await response.text()).toBeLessThan(300);
}
async function phoneGet(path: string): Promise<{ data: string; etag: string | null }> {
  const response = await fetch(onServer(path), { headers: server.auth });
  expect(response.status).toBe(200);
  return { data: await response.text(), etag: response.headers.get('etag') };
}
async function phoneDelete(path: string): Promise<void> {
  const response = await fetch(onServer(path), { method: 'DELETE', headers: server.auth });
  expect(response.status).toBeLessThan(300);
}

/** Ada's card as iOS wrote it (tests/fixtures), minus the app's lines: a card the app never wrote. */
const iosAda = (uid: string) =>
  phoneCard('ios-dropped.vcf').replace('UID:contact-7@followthrough.app', `UID:${uid}`);

const contact = (id: number) => getContact(app.context.db, id)!;

describe.each(DAV_SERVERS)('contact sync with $name', ({ start }) => {
  let book: string;

  beforeEach(async () => {
    app = openTempApp('2026-03-10T09:00:00.000Z', { timeZone: 'Europe/Berlin' });
    server = await start(tempDir('ft-dav-'));
    proxy = await startFaultProxy(server.base);
    const account = await app.api['sync.accounts.add']({ url: server.url, user: server.user, credential });
    accountId = account.id;
    book = new URL(await findOrMakeAddressbook(session(), BOOK)).pathname.replace(/\/?$/, '/');
  });
  /** Ada, known here by e-mail and on the server as iOS wrote her, linked by a first pass. */
  async function linkedAda(uid: string) {
    const ada = await app.api['contacts.create']({
      displayName: 'Ada Lovelace',
      emails: [{ value: 'ada@example.org' }],
    });
    await phonePut(`${book}ada.vcf`, iosAda(uid));
    await pass();
    return ada;
  }
  /** The phone changes one line of Ada's card (If-Match on what it read). */
  async function phoneEdit(from: string, to: string) {
    const before = await phoneGet(`${book}ada.vcf`);
    await phonePut(`${book}ada.vcf`, before.data.replace(from, to), before.etag);
  }

  afterEach(async () => {
    await proxy?.close();
    await server?.stop();
    app?.cleanup();
  });

  it('first link: matches by e-mail (no duplicate), takes in the rest, creates the rest there', async () => {
    const ada = await app.api['contacts.create']({
      displayName: 'Ada Lovelace',
      emails: [{ value: 'ada@example.org' }],
      discussed: 'Difference engines',
    });
    const grace = await app.api['contacts.create']({ displayName: 'Grace Hopper', company: 'US Navy' });
    await phonePut(`${book}ada.vcf`, iosAda('ios-ada-1'));
    await phonePut(
      `${book}alan.vcf`,
      'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ios-alan\r\nFN:Alan Turing\r\nN:Turing;Alan;;;\r\nTEL;type=CELL:+44 20 7946 0123\r\nEND:VCARD\r\n',
    );
    const first = await pass();
    expect(first).toMatchObject({ created: 1, errors: [], conflicts: [], reviews: 0 });
    const contacts = await app.api['contacts.list']({ status: 'all' });
    expect(contacts.items.map((c) => c.displayName).sort()).toEqual([
      'Ada Lovelace',
      'Alan Turing',
      'Grace Hopper',
    ]);
    // Ada: the phone's fields merged in, the app's kept, the card's PHOTO still on the server.
    expect(contact(ada.id)).toMatchObject({ company: 'Analytical Engines', discussed: 'Difference engines' });
    const adaCard = await phoneGet(`${book}ada.vcf`);
    expect(adaCard.data).toContain('PHOTO;ENCODING=b;TYPE=JPEG:');
    expect(adaCard.data).toContain('UID:ios-ada-1');
    expect(readCardFields(adaCard.data).fields.discussed).toBe('Difference engines');
    // Grace went there with If-None-Match: *.
    const rows = syncCards(app.context.db, accountId);
    const graceRow = rows.find((r) => r.contactId === grace.id)!;
    expect(readCardFields((await phoneGet(graceRow.href)).data).fields.company).toBe('US Navy');
    expect(
      proxy.log.filter((r) => r.method === 'PUT' && r.path.endsWith(graceRow.href.split('/').pop()!)),
    ).toEqual([expect.objectContaining({ ifNoneMatch: '*', ifMatch: null })]);
    expect(rows).toHaveLength(3);
    // Nothing changed since: the next pass writes nothing.
    proxy.clearLog();
    expect(await pass()).toMatchObject({ pushed: 0, created: 0, conflicts: [], errors: [] });
    expect(proxy.log.filter((r) => r.method === 'PUT')).toEqual([]);
  });

  it('a card matched only by name and company waits for the user, then links as they say', async () => {
    const alan = await app.api['contacts.create']({ displayName: 'Alan Turing', company: 'Bletchley' });
    const card = (title: string) =>
      `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ios-alan\r\nFN:Alan Turing\r\nN:Turing;Alan;;;\r\nORG:Bletchley Ltd\r\nTITLE:${title}\r\nEND:VCARD\r\n`;
    await phonePut(`${book}alan.vcf`, card('Codebreaker'));
    expect(await pass()).toMatchObject({ reviews: 1, created: 0, pushed: 0 });
    // The phone edits it meanwhile (the address book changed): still not taken in on its own.
    const now = await phoneGet(`${book}alan.vcf`);
    await phonePut(`${book}alan.vcf`, card('Mathematician'), now.etag);
    app.setNow('2026-03-10T10:00:00.000Z');
    expect(await pass()).toMatchObject({ reviews: 1, created: 0 });
    expect((await app.api['contacts.list']({ status: 'all' })).total).toBe(1);
    // The user says it is Alan: linked, merged as at a first link (his empty title filled).
    resolveReview(deps(), accountId, `${book}alan.vcf`, 'same');
    app.setNow('2026-03-10T11:00:00.000Z');
    expect(await pass()).toMatchObject({ reviews: 0, created: 0, errors: [] });
    expect(contact(alan.id).title).toBe('Mathematician');
    expect((await app.api['contacts.list']({ status: 'all' })).total).toBe(1);
    expect(syncCards(app.context.db, accountId).map((r) => r.contactId)).toEqual([alan.id]);
  });

  it('a person added on both sides between two passes is linked, not doubled', async () => {
    await pass();
    const grace = await app.api['contacts.create']({
      displayName: 'Grace Hopper',
      emails: [{ value: 'grace@example.org' }],
    });
    await phonePut(
      `${book}grace-phone.vcf`,
      'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-grace\r\nFN:Grace Hopper\r\nN:Hopper;Grace;;;\r\nEMAIL;type=INTERNET:grace@example.org\r\nTITLE:Rear Admiral\r\nEND:VCARD\r\n',
    );
    app.setNow('2026-03-10T10:00:00.000Z');
    expect(await pass()).toMatchObject({ created: 0, errors: [] });
    expect((await app.api['contacts.list']({ status: 'all' })).total).toBe(1);
    expect(contact(grace.id).title).toBe('Rear Admiral');
    expect(syncCards(app.context.db, accountId).map((r) => [r.contactId, r.href])).toEqual([
      [grace.id, `${book}grace-phone.vcf`],
    ]);
  });

  it('both ways: a phone edit merged in, an edit here PUT with If-Match, both kept', async () => {
    const ada = await linkedAda('ios-ada-2');
    await phoneEdit('TITLE:Mathematician', 'TITLE:Countess');
    app.setNow('2026-03-10T10:00:00.000Z');
    await app.api['contacts.update']({ id: ada.id, patch: { nextStep: 'Send the paper' } });
    proxy.clearLog();
    const run = await pass();
    expect(run).toMatchObject({ pulled: 1, pushed: 1, conflicts: [], errors: [] });
    expect(contact(ada.id)).toMatchObject({ title: 'Countess', nextStep: 'Send the paper' });
    const after = await phoneGet(`${book}ada.vcf`);
    expect(readCardFields(after.data).fields).toMatchObject({
      title: 'Countess',
      nextStep: 'Send the paper',
    });
    expect(after.data).toContain('PHOTO;');
    const put = proxy.log.find((r) => r.method === 'PUT');
    expect(put?.ifMatch).toBeTruthy();
  });

  it('a phone edit between the read and the PUT: 412, read again, merged, nothing lost', async () => {
    const ada = await linkedAda('ios-ada-3');
    app.setNow('2026-03-10T10:00:00.000Z');
    await app.api['contacts.update']({ id: ada.id, patch: { howMet: 'Through Babbage' } });
    proxy.inject({
      method: 'PUT',
      fault: {
        kind: 'before',
        run: async () => {
          const now = await phoneGet(`${book}ada.vcf`);
          await phonePut(
            `${book}ada.vcf`,
            now.data.replace('NOTE:Prefers e-mail.', 'NOTE:Call first.'),
            now.etag,
          );
        },
      },
    });
    proxy.clearLog();
    expect(await pass()).toMatchObject({ errors: [], conflicts: [] });
    // The first PUT met the phone's edit (412); the second carried both.
    expect(proxy.log.filter((r) => r.method === 'PUT').map((r) => r.fault)).toEqual(['before', null]);
    expect(contact(ada.id)).toMatchObject({ notes: 'Call first.', howMet: 'Through Babbage' });
    const card = readCardFields((await phoneGet(`${book}ada.vcf`)).data).fields;
    expect(card).toMatchObject({ notes: 'Call first.', howMet: 'Through Babbage' });
  });

  it('the same field changed on both sides is a conflict with both values; each side keeps its own', async () => {
    const ada = await linkedAda('ios-ada-4');
    await phoneEdit('TITLE:Mathematician', 'TITLE:Countess');
    app.setNow('2026-03-10T10:00:00.000Z');
    await app.api['contacts.update']({ id: ada.id, patch: { title: 'Analyst' } });
    const run = await pass();
    expect(run.conflicts).toEqual([
      { accountId, kind: 'contact', entityId: ada.id, field: 'title', local: 'Analyst', remote: 'Countess' },
    ]);
    expect(listConflicts(app.context.db)).toMatchObject([{ field: 'title', base: 'Mathematician' }]);
    expect(contact(ada.id).title).toBe('Analyst');
    expect(readCardFields((await phoneGet(`${book}ada.vcf`)).data).fields.title).toBe('Countess');
    // Held until the user chooses: another pass (an edit here of another field) changes neither side.
    app.setNow('2026-03-10T11:00:00.000Z');
    await app.api['contacts.update']({ id: ada.id, patch: { howMet: 'Through Babbage' } });
    expect(await pass()).toMatchObject({
      pushed: 1,
      conflicts: [expect.objectContaining({ field: 'title' })],
    });
    expect(contact(ada.id).title).toBe('Analyst');
    expect(readCardFields((await phoneGet(`${book}ada.vcf`)).data).fields.title).toBe('Countess');

    // The user keeps this side's value: the next pass PUTs it, and the conflict is gone.
    const [open] = listContactConflicts(deps());
    expect(open).toMatchObject({ contactName: 'Ada Lovelace', local: 'Analyst', remote: 'Countess' });
    resolveConflict(deps(), open!.id, { take: 'local' });
    app.setNow('2026-03-10T12:00:00.000Z');
    expect(await pass()).toMatchObject({ pushed: 1, conflicts: [] });
    expect(readCardFields((await phoneGet(`${book}ada.vcf`)).data).fields.title).toBe('Analyst');
  });

  it("a conflict resolved for the server's value: taken here, nothing PUT", async () => {
    const ada = await linkedAda('ios-ada-6');
    await phoneEdit('NOTE:Prefers e-mail.', 'NOTE:Phone');
    app.setNow('2026-03-10T10:00:00.000Z');
    await app.api['contacts.update']({ id: ada.id, patch: { notes: 'Here' } });
    await pass();
    const [open] = listContactConflicts(deps());
    resolveConflict(deps(), open!.id, { take: 'remote' });
    expect(contact(ada.id).notes).toBe('Phone');
    app.setNow('2026-03-10T11:00:00.000Z');
    proxy.clearLog();
    expect(await pass()).toMatchObject({ conflicts: [], errors: [] });
    expect(proxy.log.filter((r) => r.method === 'PUT')).toEqual([]);
  });

  it('deleted on the server: archived here, and unarchiving puts the card back; deleted here waits for the user', async () => {
    const grace = await app.api['contacts.create']({ displayName: 'Grace Hopper' });
    const ada = await linkedAda('ios-ada-5');
    await phoneDelete(`${book}ada.vcf`);
    app.setNow('2026-03-10T10:00:00.000Z');
    expect(await pass()).toMatchObject({ archived: 1, errors: [] });
    expect(contact(ada.id).archivedAt).not.toBeNull();
    await app.api['contacts.setArchived']({ id: ada.id, archived: false });
    app.setNow('2026-03-10T11:00:00.000Z');
    await pass();
    expect(readCardFields((await phoneGet(`${book}ada.vcf`)).data).fields.displayName).toBe('Ada Lovelace');

    const graceRow = syncCards(app.context.db, accountId).find((r) => r.contactId === grace.id)!;
    await app.api['contacts.delete']({ id: grace.id, confirm: true });
    app.setNow('2026-03-10T12:00:00.000Z');
    expect(await pass()).toMatchObject({ awaitingDelete: 1 });
    expect((await phoneGet(graceRow.href)).data).toContain('FN:Grace Hopper');
    // Confirmed: deleted there with If-Match.
    const url = new URL(book, `${proxy.base}/`).href;
    proxy.clearLog();
    expect(await confirmDeletes(deps(), session(), accountId, url)).toEqual({ deleted: 1, kept: [] });
    expect(proxy.log.find((r) => r.method === 'DELETE')?.ifMatch).toBeTruthy();
    const gone = await fetch(onServer(graceRow.href), { headers: server.auth });
    expect(gone.status).toBe(404);
  });

  it('a delete here the user declines: the card stays there and comes back as a contact', async () => {
    const grace = await app.api['contacts.create']({ displayName: 'Grace Hopper' });
    await pass();
    // A second pass: the sync token now postdates Grace's card, which a listing from it omits.
    app.setNow('2026-03-10T09:30:00.000Z');
    await pass();
    await app.api['contacts.delete']({ id: grace.id, confirm: true });
    expect(keepServerCards(deps(), accountId)).toBe(1);
    app.setNow('2026-03-10T10:00:00.000Z');
    expect(await pass()).toMatchObject({ created: 1, awaitingDelete: 0 });
    const list = await app.api['contacts.list']({ status: 'all' });
    expect(list.items.map((c) => c.displayName)).toEqual(['Grace Hopper']);
  });
});
