import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ProgressPayload, readPush } from '../../../src/shared/api/pushes.ts';
import {
  DAV_PASSWORD,
  DAV_SERVERS,
  type DavServer,
  makeAddressBookOnServer,
  putPhoneCards,
} from '../../helpers/dav-servers.ts';
import { openTempApp, type TempApp, tempDir } from '../../helpers/temp-app.ts';

// A first link big enough for several addressbook-multiget batches (100 cards each), through the
// real dispatcher against a real Radicale: the window's 'dav-sync' progress comes in order, each
// count within its total, and ends in 'done'.

process.env.FT_TEST_DAV_PASSWORD = DAV_PASSWORD;
const credential = { kind: 'env', variable: 'FT_TEST_DAV_PASSWORD' } as const;
const CARDS = 250;
const BOOK = 'Followthrough contacts';

let app: TempApp;
let server: DavServer;
const radicale = DAV_SERVERS.filter((s) => s.name === 'Radicale');

describe.each(radicale)('sync progress with $name', ({ start }) => {
  beforeEach(async () => {
    app = openTempApp('2026-03-10T09:00:00.000Z', { timeZone: 'Europe/Berlin' });
    server = await start(tempDir('ft-dav-'));
  });
  afterEach(async () => {
    await server?.stop();
    app?.cleanup();
  });

  it('a first link of 250 cards reports reading, matching and sending in order, then done', async () => {
    // Checks the login and makes the user's home; the address book is not there yet.
    const account = await app.api['sync.accounts.add']({
      url: server.url,
      user: server.user,
      credential,
      addressbook: BOOK,
    });
    const bookUrl = new URL(`/${server.user}/phone-book/`, server.base).href;
    expect((await makeAddressBookOnServer(server, bookUrl, BOOK)).status).toBe(201);
    await putPhoneCards(server, bookUrl, CARDS);
    // Two contacts here with nobody on the phone: their cards are sent, their steps go out.
    for (const name of ['Ada Lovelace', 'Alan Turing'])
      await app.api['contacts.create']({ displayName: name, metOn: '2026-03-09' });

    const events: ProgressPayload[] = [];
    const stop = app.context.bus.subscribe((event) => {
      if (event.type !== 'progress' || event.task !== 'dav-sync') return;
      const { type: _type, ...payload } = event;
      events.push(payload);
    });
    let pass: Awaited<ReturnType<(typeof app.api)['sync.run']>>;
    try {
      pass = await app.api['sync.run']({});
    } finally {
      stop();
    }
    expect(pass.errors).toEqual([]);

    // What the window gets is what was sent: each event passes the renderer's reader unchanged.
    for (const e of events) expect(readPush('progress', e)).toEqual(e);
    expect(events.every((e) => e.accountId === account.id)).toBe(true);
    expect(events.every((e) => e.done >= 0 && e.done <= e.total)).toBe(true);
    expect(events.at(-1)).toMatchObject({ phase: 'done' });
    expect(events.filter((e) => e.phase === 'done')).toHaveLength(1);

    // Steps in the pass's order, each counting up; none comes back once left.
    const order = [
      'calendar reading',
      'calendar writing',
      'contacts reading',
      'contacts matching',
      'contacts writing',
      'undefined done',
    ];
    const steps = events.map((e) => `${e.side} ${e.phase}`);
    const at = steps.map((s) => order.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    for (const step of order) {
      const counts = events.filter((e) => `${e.side} ${e.phase}` === step).map((e) => e.done);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
    }
    expect(new Set(steps)).toEqual(new Set(order));

    // The cards were read in several multiget batches, the last count reaching all of them.
    const reading = events.filter((e) => e.side === 'contacts' && e.phase === 'reading' && e.total > 0);
    expect(reading.at(-1)).toMatchObject({ done: CARDS, total: CARDS });
    expect(events.filter((e) => e.side === 'contacts' && e.phase === 'matching').at(-1)).toMatchObject({
      done: CARDS,
      total: CARDS,
    });
    // The two contacts here were sent as cards; their follow-ups went to the calendar.
    expect(events.filter((e) => e.side === 'contacts' && e.phase === 'writing').at(-1)).toMatchObject({
      done: 2,
      total: 2,
    });
    const writing = events.filter((e) => e.side === 'calendar' && e.phase === 'writing');
    expect(writing.at(-1)?.done).toBe(writing.at(-1)?.total);
    expect(writing.at(-1)?.total).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
