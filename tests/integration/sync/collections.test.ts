import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
 * exists links to it rather than making another; against both real servers.
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
});
