import { createAccount, type DAVAccount, fetchAddressBooks, fetchVCards } from 'tsdav';
import type { SyncAddressBookFound } from '../../../shared/domain/sync-collections.ts';
import { hrefPath } from '../calendar-read.ts';
import { chooseCollection } from '../collection-choice.ts';
import { collectionLabel } from '../collection-names.ts';
import { SyncError } from '../sync-error.ts';

/**
 * The CardDAV requests of the contact pass (RFC 6352), through tsdav where it has them. The
 * session is taken structurally ({url, headers, fetch}): the calendar side's DavSession fits.
 */
export interface CardSession {
  url: string;
  headers: Record<string, string>;
  fetch: typeof fetch;
}

/** A server's answer the pass cannot go on from, in words (never the secret). */
export class CardDavError extends Error {
  readonly status: number | null;
  constructor(message: string, status: number | null = null) {
    super(message);
    this.name = 'CardDavError';
    this.status = status;
  }
}

const urlOf = (path: string, base: string): string => new URL(encodeURI(path), base).href;

/**
 * RFC 6764 discovery (/.well-known/carddav), then the principal's addressbook-home-set (RFC 6352
 * §7.1.1). The session's own words for a network failure pass through as they are.
 */
export async function addressBookHome(session: CardSession): Promise<DAVAccount & { homeUrl: string }> {
  const account = await createAccount({
    account: { serverUrl: session.url, accountType: 'carddav' },
    headers: session.headers,
    fetch: session.fetch,
  }).catch((error: unknown) => {
    if (error instanceof SyncError) throw error;
    throw new CardDavError(
      `No address book home was found from ${session.url} (by /.well-known/carddav and the principal): ${String((error as Error)?.message ?? error)}`,
    );
  });
  const { homeUrl } = account;
  if (!homeUrl) throw new CardDavError(`${session.url} has no address book home.`);
  return { ...account, homeUrl };
}

/** The address books at the home, in the server's order, named as the user sees them. */
export async function listAddressBooks(
  session: CardSession,
  account: DAVAccount,
): Promise<SyncAddressBookFound[]> {
  const books = await fetchAddressBooks({ account, headers: session.headers, fetch: session.fetch });
  return books.map((b) => ({ url: b.url, name: collectionLabel(b.displayName, b.url) }));
}

/**
 * The address book the account names (by name, URL or path), or one made for a name none has:
 * an extended MKCOL (RFC 5689) with the addressbook resource type, which Radicale and Xandikos
 * take. Two of one name are refused in words (CollectionChoiceError), as for calendars.
 */
export async function findOrMakeAddressbook(session: CardSession, wanted: string): Promise<string> {
  return (await resolveAddressbook(session, wanted, true))?.url as string;
}

/** The address book the account names, found (or made, with `make`), with its name as listed. */
export async function resolveAddressbook(
  session: CardSession,
  wanted: string,
  make: boolean,
): Promise<SyncAddressBookFound | null> {
  const account = await addressBookHome(session);
  const existing = chooseCollection(
    await listAddressBooks(session, account),
    wanted,
    'addressbook',
    session.url,
  );
  if (existing || !make) return existing;
  const name = wanted;
  const url = new URL(`${slug(name)}/`, account.homeUrl).href;
  const response = await session.fetch(url, {
    method: 'MKCOL',
    headers: { ...session.headers, 'content-type': 'application/xml; charset=utf-8' },
    body: `<?xml version="1.0" encoding="utf-8"?>
<D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:set><D:prop>
<D:resourcetype><D:collection/><C:addressbook/></D:resourcetype><D:displayname>${xml(name)}</D:displayname>
</D:prop></D:set></D:mkcol>`,
  });
  if (!response.ok && response.status !== 405)
    throw new CardDavError(
      `The server refused to create the address book "${name}" (HTTP ${response.status}).`,
      response.status,
    );
  return { url, name };
}

const xml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'followthrough-contacts';

export interface ServerCardText {
  path: string;
  etag: string | null;
  data: string;
}

/** The cards at these paths (addressbook-multiget, RFC 6352 §8.7). */
export async function readCards(
  session: CardSession,
  url: string,
  paths: readonly string[],
): Promise<ServerCardText[]> {
  if (paths.length === 0) return [];
  const cards = await fetchVCards({
    addressBook: { url },
    objectUrls: paths.map((p) => urlOf(p, url)),
    headers: session.headers,
    fetch: session.fetch,
  });
  return cards
    .filter((c) => typeof c.data === 'string' && /BEGIN:VCARD/i.test(c.data))
    .map((c) => ({ path: hrefPath(c.url, url), etag: c.etag ?? null, data: c.data as string }));
}

/**
 * One card by GET, or null when it is not there: a multiget naming only a missing card is
 * answered 404 as a whole by Radicale and Xandikos.
 */
export async function readCard(
  session: CardSession,
  base: string,
  path: string,
): Promise<ServerCardText | null> {
  const response = await session.fetch(urlOf(path, base), { headers: session.headers });
  const data = await response.text().catch(() => '');
  if (response.status === 404 || response.status === 410) return null;
  if (!response.ok)
    throw new CardDavError(
      `The server refused to read the card ${path} (HTTP ${response.status}).`,
      response.status,
    );
  return { path, etag: response.headers.get('etag'), data };
}

export type PutOutcome = { ok: true; etag: string | null } | { ok: false; status: number };

/**
 * PUT a card: `If-None-Match: *` for a new one (never overwriting a card another device made at
 * that path), `If-Match` on the ETag the merge was made against, so a phone's edit in between
 * answers 412 (RFC 7232 §3.1-2) and is merged in rather than overwritten.
 */
export async function putCard(
  session: CardSession,
  base: string,
  path: string,
  data: string,
  etag: string | null,
): Promise<PutOutcome> {
  const precondition: Record<string, string> =
    etag === null ? { 'if-none-match': '*' } : { 'if-match': etag };
  const response = await session.fetch(urlOf(path, base), {
    method: 'PUT',
    headers: { ...session.headers, ...precondition, 'content-type': 'text/vcard; charset=utf-8' },
    body: data,
  });
  await response.arrayBuffer().catch(() => undefined);
  if (response.status === 412) return { ok: false, status: 412 };
  if (!response.ok)
    throw new CardDavError(`The server refused the card ${path} (HTTP ${response.status}).`, response.status);
  return { ok: true, etag: response.headers.get('etag') };
}

/** DELETE with If-Match; a card already gone counts as deleted. */
export async function deleteCard(
  session: CardSession,
  base: string,
  path: string,
  etag: string | null,
): Promise<'deleted' | 'changed'> {
  const response = await session.fetch(urlOf(path, base), {
    method: 'DELETE',
    headers: { ...session.headers, ...(etag === null ? {} : { 'if-match': etag }) },
  });
  await response.arrayBuffer().catch(() => undefined);
  if (response.status === 412) return 'changed';
  if (!response.ok && response.status !== 404)
    throw new CardDavError(
      `The server refused to delete the card ${path} (HTTP ${response.status}).`,
      response.status,
    );
  return 'deleted';
}
