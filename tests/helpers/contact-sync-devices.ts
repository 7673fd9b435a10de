// Followthrough databases linked to one test DAV server, for the contact sync's two-device tests:
// each with its own clock (a minute on per pass or edit) and its own way to the server.
import { expect } from 'vitest';
import { fillPhoneKeys } from '../../src/main/contacts/phone-keys.ts';
import { getContacts, listContacts } from '../../src/main/store/contacts-store.ts';
import { syncCards } from '../../src/main/store/sync-cards-store.ts';
import { canonicalFields } from '../../src/main/sync/contacts/card-write.ts';
import { findOrMakeAddressbook, readCards } from '../../src/main/sync/contacts/carddav.ts';
import { syncContacts } from '../../src/main/sync/contacts/contacts-pass.ts';
import {
  contactFields,
  readCardFields,
  type SyncedFields,
} from '../../src/main/sync/contacts/synced-fields.ts';
import type { DavSession } from '../../src/main/sync/dav-session.ts';
import { DAV_PASSWORD, type DavServer } from './dav-servers.ts';
import { openTempApp, type TempApp } from './temp-app.ts';

process.env.FT_TEST_DAV_PASSWORD = DAV_PASSWORD;
const credential = { kind: 'env', variable: 'FT_TEST_DAV_PASSWORD' } as const;
export const DEVICE_START = '2026-03-10T09:00:00.000Z';

export interface Device {
  app: TempApp;
  accountId: number;
  session: DavSession;
  /** Moves this device's clock a minute on. */
  tick(): void;
}

/** A fresh database with a sync account for `server`, reaching it through `via` (a proxy or the server). */
export async function openDevice(server: DavServer, via: string): Promise<Device> {
  const app = openTempApp(DEVICE_START, { timeZone: 'Europe/Berlin' });
  const account = await app.api['sync.accounts.add']({ url: server.url, user: server.user, credential });
  let minutes = 0;
  return {
    app,
    accountId: account.id,
    session: { url: `${via}/`, headers: server.auth, fetch, timeoutMs: 3000 },
    tick: () => app.setNow(new Date(Date.parse(DEVICE_START) + ++minutes * 60_000).toISOString()),
  };
}

/** One contact pass of the device, a minute after its last event. */
export function contactPass(d: Device, addressbook: string) {
  const { db, engine, clock } = d.app.context;
  d.tick();
  return syncContacts(
    { db, engine, now: () => clock().toISOString(), keyPhones: () => fillPhoneKeys(db, 'GB'), region: 'GB' },
    d.session,
    { id: d.accountId, addressbook },
  );
}

/** Every active contact's synced fields by name, as a card would say them. */
export function deviceBook(d: Device): Map<string, SyncedFields> {
  const db = d.app.context.db;
  const ids = listContacts(db, { sort: 'name', status: 'active', offset: 0, limit: 500 }).items.map(
    (c) => c.id,
  );
  return new Map(
    getContacts(db, ids).map((c) => [c.displayName, canonicalFields(contactFields(c), DEVICE_START)]),
  );
}

/** The fields of the cards the device has linked, read from the server, by name. */
export async function serverBook(d: Device, addressbook: string): Promise<Map<string, SyncedFields>> {
  const url = await findOrMakeAddressbook(d.session, addressbook);
  const paths = syncCards(d.app.context.db, d.accountId).map((r) => r.href);
  const cards = await readCards(d.session, url, paths);
  return new Map(
    cards.map((c) => {
      const { fields } = readCardFields(c.data);
      return [fields.displayName, fields];
    }),
  );
}

/**
 * Both devices pass twice each, every pass clean (no error, conflict or review); then each holds
 * what the server holds. The book as all three have it, by name.
 */
export async function convergeDevices(
  a: Device,
  b: Device,
  addressbook: string,
): Promise<Map<string, SyncedFields>> {
  for (let round = 0; round < 2; round++) {
    expect(await contactPass(a, addressbook)).toMatchObject({ errors: [], conflicts: [], reviews: 0 });
    expect(await contactPass(b, addressbook)).toMatchObject({ errors: [], conflicts: [], reviews: 0 });
  }
  const [inA, inB, there] = [deviceBook(a), deviceBook(b), await serverBook(a, addressbook)];
  expect(inB).toEqual(inA);
  expect(there).toEqual(inA);
  return inA;
}
