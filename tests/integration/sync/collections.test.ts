import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectionPath } from '../../../src/shared/domain/sync-collections.ts';
import {
  DAV_PASSWORD,
  DAV_SERVERS,
  type DavServer,
  listObjects,
  makeAddressBookOnServer,
  makeCalendarOnServer,
  uidOf,
} from '../../helpers/dav-servers.ts';
import { openTempApp, type TempApp, tempDir } from '../../helpers/temp-app.ts';

/**
 * Issue 14, "choose or create the calendar and the address book": Test lists what the server
 * has (calendars that take events, address books, by name), and an account named for one that
 * exists links to it rather than making another; two of one name are told apart by address,
 * the account is kept by the URL it linked to, and one gone from the server is said in words;
 * against both real servers.
 */

process.env.FT_TEST_DAV_COLLECTIONS = DAV_PASSWORD;
const credential = { kind: 'env', variable: 'FT_TEST_DAV_COLLECTIONS' } as const;

let laptop: TempApp;
let desktop: TempApp;
let server: DavServer;

describe.each(DAV_SERVERS)('the calendars and address books Test finds on $name', ({ start }) => {
  beforeEach(async () => {
    laptop = openTempApp('2026-03-10T09:00:00.000Z', { timeZone: 'Europe/Berlin' });
    desktop = openTempApp('2026-03-10T09:00:00.000Z', { timeZone: 'Europe/Berlin' });
    server = await start(tempDir('ft-dav-collections-'));
  });
  afterEach(async () => {
    await server?.stop();
    laptop?.cleanup();
    desktop?.cleanup();
  });

  it('lists every calendar that takes events and every address book by name; an account named for one links to it', async () => {
    // The first device makes the app's calendar.
    const first = await laptop.api['sync.accounts.add']({ url: server.url, user: server.user, credential });
    const made = first.calendarUrl as string;

    const draft = {
      url: server.url,
      user: server.user,
      credential,
      calendar: 'Team calendar',
      addressbook: 'Family',
    };
    const before = await desktop.api['sync.accounts.testDraft'](draft);
    expect(before).toMatchObject({
      ok: true,
      calendarExists: false,
      calendarUrl: null,
      addressbookUrl: null,
    });
    expect(before.addressBookHomeUrl).not.toBeNull();

    // Another client adds a calendar, one without a display name, one for tasks only, and an
    // address book.
    const team = new URL('team/', before.calendarHomeUrl).href;
    const nameless = new URL('nameless/', before.calendarHomeUrl).href;
    const tasks = new URL('tasks/', before.calendarHomeUrl).href;
    const family = new URL('family/', before.addressBookHomeUrl as string).href;
    expect((await makeCalendarOnServer(server, team, { name: 'Team calendar' })).status).toBe(201);
    expect((await makeCalendarOnServer(server, nameless)).status).toBe(201);
    expect((await makeCalendarOnServer(server, tasks, { name: 'Tasks', components: ['VTODO'] })).status).toBe(
      201,
    );
    expect((await makeAddressBookOnServer(server, family, 'Family')).status).toBe(201);

    const tested = await desktop.api['sync.accounts.testDraft'](draft);
    expect(tested).toMatchObject({ calendarExists: true, calendarUrl: team, addressbookUrl: family });
    const radicale = server.name === 'Radicale';
    expect(tested.calendars).toEqual(
      expect.arrayContaining([
        // Radicale keeps the calendar-description MKCALENDAR set, so the calendar another device
        // made says so; Xandikos 0.2.8 drops it (and refuses it by PROPPATCH: 409), so there it is
        // listed by its name alone.
        {
          url: made,
          name: 'Followthrough follow-ups',
          ...(radicale ? { followthroughMade: true } : {}),
        },
        { url: team, name: 'Team calendar' },
        // Without a display name: Radicale answers its path as one; Xandikos gives none, and the
        // last segment of the address stands for it.
        { url: nameless, name: radicale ? `${server.user}/nameless` : 'nameless' },
      ]),
    );
    expect(tested.calendars.filter((c) => c.followthroughMade)).toHaveLength(radicale ? 1 : 0);
    // A calendar for tasks only takes no events, so it is not offered; Xandikos ignores the
    // component set asked for and answers that it takes every component, events too.
    if (radicale) expect(tested.calendars.map((c) => c.url)).not.toContain(tasks);
    else expect(tested.calendars).toContainEqual({ url: tasks, name: 'Tasks' });
    expect(tested.addressBooks).toEqual(expect.arrayContaining([{ url: family, name: 'Family' }]));

    // Adding with the existing calendar's name links to it: nothing new is made there.
    const account = await desktop.api['sync.accounts.add'](draft);
    expect(account.calendarUrl).toBe(team);
    const run = await desktop.api['sync.run']({});
    expect(run.errors).toEqual([]);
    const after = await desktop.api['sync.accounts.test']({ id: account.id });
    expect(after).toMatchObject({ calendarExists: true, calendarUrl: team, addressbookUrl: family });
    expect(after.calendars.map((c) => c.url).sort()).toEqual(tested.calendars.map((c) => c.url).sort());
    expect(after.addressBooks.map((b) => b.url).sort()).toEqual(tested.addressBooks.map((b) => b.url).sort());

    // And the second device's pass wrote into it, beside what the first left in its own.
    await desktop.api['contacts.create']({ displayName: 'Ada Lovelace', metOn: '2026-03-09' });
    expect((await desktop.api['sync.run']({})).errors).toEqual([]);
    const [step] = await desktop.api['followups.list']({ statuses: ['pending'] });
    const objects = await listObjects(server, new URL(new URL(team).pathname, server.base).href);
    expect(objects.map((o) => uidOf(o.data))).toContain(`followup-${step?.id}@followthrough.app`);
  });

  it('Test makes nothing: a name not there is said to be missing, and stays missing', async () => {
    const draft = {
      url: server.url,
      user: server.user,
      credential,
      calendar: 'Not yet',
      addressbook: 'Later',
    };
    const first = await desktop.api['sync.accounts.testDraft'](draft);
    expect(first).toMatchObject({ calendarExists: false, calendarUrl: null, addressbookUrl: null });
    const again = await desktop.api['sync.accounts.testDraft'](draft);
    expect(again.calendars).toEqual(first.calendars);
    expect(again.addressBooks).toEqual(first.addressBooks);
    expect(again.calendars.map((c) => c.name)).not.toContain('Not yet');
    // Nothing saved either.
    expect(await desktop.api['sync.accounts.list']({})).toEqual([]);
  });

  it('refuses a draft the way adding would, before asking the server', async () => {
    await expect(
      desktop.api['sync.accounts.testDraft']({
        url: server.url,
        user: server.user,
        credential: { kind: 'env', variable: 'FT_TEST_DAV_UNSET_VARIABLE' },
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/FT_TEST_DAV_UNSET_VARIABLE is not set/),
    });
    await expect(
      desktop.api['sync.accounts.testDraft']({ url: 'ftp://example.org/', user: 'ada', credential }),
    ).rejects.toMatchObject({ code: 'invalid_input', issues: [expect.objectContaining({ path: 'url' })] });
  });
  it('two calendars and two address books of one name: the name is refused with both addresses; a path or URL links to one, and every pass stays on it', async () => {
    const probe = await desktop.api['sync.accounts.testDraft']({
      url: server.url,
      user: server.user,
      credential,
    });
    const calendarHome = probe.calendarHomeUrl;
    const bookHome = probe.addressBookHomeUrl as string;
    const [workA, workB] = ['work-a/', 'work-b/'].map((p) => new URL(p, calendarHome).href) as [
      string,
      string,
    ];
    const [peopleA, peopleB] = ['people-a/', 'people-b/'].map((p) => new URL(p, bookHome).href) as [
      string,
      string,
    ];
    for (const url of [workA, workB])
      expect((await makeCalendarOnServer(server, url, { name: 'Work' })).status).toBe(201);
    for (const url of [peopleA, peopleB])
      expect((await makeAddressBookOnServer(server, url, 'People')).status).toBe(201);

    const draft = { url: server.url, user: server.user, credential, calendar: 'Work', addressbook: 'People' };
    // Test refuses nothing: it says which share the name.
    const tested = await desktop.api['sync.accounts.testDraft'](draft);
    expect(tested).toMatchObject({ calendarExists: false, calendarUrl: null, addressbookUrl: null });
    expect(tested.calendarSameName.map(collectionPath).sort()).toEqual([workA, workB].map(collectionPath));
    expect(tested.addressbookSameName.map(collectionPath).sort()).toEqual(
      [peopleA, peopleB].map(collectionPath),
    );

    // Adding by the shared name is refused, under the field, with both addresses.
    await expect(desktop.api['sync.accounts.add'](draft)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(
        /2 calendars .* are named "Work": .*work-a\/.*work-b\/|2 calendars .* are named "Work": .*work-b\/.*work-a\//,
      ),
      issues: [expect.objectContaining({ path: 'calendar' })],
    });
    await expect(
      desktop.api['sync.accounts.add']({ ...draft, calendar: new URL(workB).pathname }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(
        /2 address books .* are named "People": .*people-.*people-.*by its address or path/,
      ),
      issues: [expect.objectContaining({ path: 'addressbook' })],
    });
    // An address with no collection is refused too, never made.
    await expect(
      desktop.api['sync.accounts.add']({ ...draft, calendar: new URL('nowhere/', calendarHome).pathname }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/There is no calendar at /),
    });
    expect(await desktop.api['sync.accounts.list']({})).toEqual([]);

    // By path for the calendar, by full URL for the address book: linked to those, by URL.
    const account = await desktop.api['sync.accounts.add']({
      ...draft,
      calendar: new URL(workB).pathname,
      addressbook: peopleA,
    });
    expect(account).toMatchObject({ calendar: 'Work', addressbook: 'People' });
    expect(collectionPath(account.calendarUrl as string)).toBe(collectionPath(workB));
    expect(collectionPath(account.addressbookUrl as string)).toBe(collectionPath(peopleA));

    await desktop.api['contacts.create']({
      displayName: 'Ada Lovelace',
      emails: [{ value: 'ada@example.org' }],
      metOn: '2026-03-09',
    });
    for (let pass = 0; pass < 2; pass++) expect((await desktop.api['sync.run']({})).errors).toEqual([]);
    const [step] = await desktop.api['followups.list']({ statuses: ['pending'] });
    const uid = `followup-${step?.id}@followthrough.app`;
    const at = (url: string) => new URL(new URL(url).pathname, server.base).href;
    expect((await listObjects(server, at(workB))).map((o) => uidOf(o.data))).toContain(uid);
    expect(await listObjects(server, at(workA))).toEqual([]);
    expect(await cardCount(server, at(peopleA))).toBe(1);
    expect(await cardCount(server, at(peopleB))).toBe(0);
    const again = await desktop.api['sync.accounts.test']({ id: account.id });
    expect(again).toMatchObject({ calendarExists: true, calendarSameName: [], addressbookSameName: [] });
    expect(collectionPath(again.calendarUrl as string)).toBe(collectionPath(workB));
    expect(collectionPath(again.addressbookUrl as string)).toBe(collectionPath(peopleA));
  });

  it('an account kept by name only (saved before links were kept) links by its name once, then keeps to that URL', async () => {
    const probe = await desktop.api['sync.accounts.testDraft']({
      url: server.url,
      user: server.user,
      credential,
    });
    const team = new URL('team/', probe.calendarHomeUrl).href;
    const family = new URL('family/', probe.addressBookHomeUrl as string).href;
    expect((await makeCalendarOnServer(server, team, { name: 'Team calendar' })).status).toBe(201);
    expect((await makeAddressBookOnServer(server, family, 'Family')).status).toBe(201);
    const draft = {
      url: server.url,
      user: server.user,
      credential,
      calendar: 'Team calendar',
      addressbook: 'Family',
    };
    // As an account stored before: its names, no URL.
    const old = await desktop.api['sync.accounts.add']({ ...draft, verify: false });
    expect(old).toMatchObject({ calendarUrl: null, addressbookUrl: null });
    await desktop.api['contacts.create']({ displayName: 'Ada Lovelace', metOn: '2026-03-09' });
    expect((await desktop.api['sync.run']({})).errors).toEqual([]);
    const [linked] = await desktop.api['sync.accounts.list']({});
    expect(collectionPath(linked?.calendarUrl as string)).toBe(collectionPath(team));
    expect(collectionPath(linked?.addressbookUrl as string)).toBe(collectionPath(family));

    // Another client adds a calendar and an address book of the same names: this account stays.
    const team2 = new URL('team-2/', probe.calendarHomeUrl).href;
    const family2 = new URL('family-2/', probe.addressBookHomeUrl as string).href;
    expect((await makeCalendarOnServer(server, team2, { name: 'Team calendar' })).status).toBe(201);
    expect((await makeAddressBookOnServer(server, family2, 'Family')).status).toBe(201);
    await desktop.api['contacts.create']({ displayName: 'Grace Hopper', metOn: '2026-03-09' });
    expect((await desktop.api['sync.run']({})).errors).toEqual([]);
    const at = (url: string) => new URL(new URL(url).pathname, server.base).href;
    expect(await cardCount(server, at(family))).toBe(2);
    expect(await cardCount(server, at(family2))).toBe(0);
    expect(await listObjects(server, at(team2))).toEqual([]);
    expect((await listObjects(server, at(team))).length).toBeGreaterThanOrEqual(2);

    // Another old account whose name is now shared: its pass refuses, in words, and makes nothing.
    const other = await laptop.api['sync.accounts.add']({ ...draft, verify: false });
    const run = await laptop.api['sync.run']({});
    expect(run.errors).toEqual([
      expect.stringMatching(/2 calendars .* are named "Team calendar": .*team.*team/),
    ]);
    const [still] = await laptop.api['sync.accounts.list']({});
    expect(still).toMatchObject({
      id: other.id,
      calendarUrl: null,
      lastError: expect.stringContaining('Team calendar'),
    });
  });

  it('a calendar or address book gone from the server: the pass says so in words and makes none in its place', async () => {
    const account = await desktop.api['sync.accounts.add']({
      url: server.url,
      user: server.user,
      credential,
      addressbook: 'Contacts',
    });
    await desktop.api['contacts.create']({ displayName: 'Ada Lovelace', metOn: '2026-03-09' });
    expect((await desktop.api['sync.run']({})).errors).toEqual([]);
    const [linked] = await desktop.api['sync.accounts.list']({});
    const book = linked?.addressbookUrl as string;
    const calendar = linked?.calendarUrl as string;
    const gone = async (url: string) =>
      expect((await fetch(url, { method: 'DELETE', headers: server.auth })).status).toBeLessThan(300);
    const at = (url: string) => new URL(new URL(url).pathname, server.base).href;

    await gone(at(book));
    const first = await desktop.api['sync.run']({});
    expect(first.errors).toEqual([
      expect.stringMatching(
        /The address book "Contacts" is no longer on .* \(.* answers 404\); nothing was made in its place/,
      ),
    ]);
    // The Settings page shows the last error.
    const status = await desktop.api['sync.status']({});
    expect(status.accounts[0]?.lastError).toMatch(/address book "Contacts" is no longer on/);

    await gone(at(calendar));
    const second = await desktop.api['sync.run']({});
    expect(second.errors).toEqual([
      expect.stringMatching(
        /The calendar "Followthrough follow-ups" is no longer on .*; nothing was made in its place/,
      ),
    ]);
    const after = await desktop.api['sync.accounts.test']({ id: account.id });
    expect(after).toMatchObject({ calendarExists: false, calendarUrl: null, addressbookUrl: null });
    expect(after.calendars.map((c) => c.name)).not.toContain('Followthrough follow-ups');
    expect(after.addressBooks.map((b) => b.name)).not.toContain('Contacts');
  });
});

/** How many cards an address book holds, as a phone's listing reads it. */
async function cardCount(server: DavServer, url: string): Promise<number> {
  const answer = await fetch(url, {
    method: 'PROPFIND',
    headers: { ...server.auth, depth: '1', 'content-type': 'application/xml; charset=utf-8' },
    body: '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>',
  });
  expect(answer.status).toBe(207);
  return [...(await answer.text()).matchAll(/<(?:\w+:)?href>([^<]+\.vcf)<\/(?:\w+:)?href>/g)].length;
}
