import {
  createAccount,
  type DAVAccount,
  type DAVCalendar,
  fetchCalendars,
  isCollectionDirty,
  makeCalendar,
} from 'tsdav';
import type { SyncCalendarFound } from '../../shared/domain/sync-collections.ts';
import { chooseCollection } from './collection-choice.ts';
import { collectionLabel } from './collection-names.ts';
import { httpFetch } from './http-fetch.ts';
import { networkWords, SyncError, safeHost, statusWords } from './sync-error.ts';

/** One account's way to the server: its Basic auth header and a fetch that gives up in time. */
export interface DavSession {
  url: string;
  headers: Record<string, string>;
  fetch: typeof fetch;
  timeoutMs: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export function davSession(
  url: string,
  user: string,
  secret: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): DavSession {
  const send = httpFetch(timeoutMs);
  const timed: typeof fetch = async (input, init) => {
    const target = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    try {
      return await send(input, init);
    } catch (error) {
      throw networkWords(error, target, timeoutMs);
    }
  };
  return {
    url,
    // RFC 7617; UTF-8 for the user name and password, as every DAV server we target expects.
    headers: { authorization: `Basic ${Buffer.from(`${user}:${secret}`, 'utf8').toString('base64')}` },
    fetch: timed,
    timeoutMs,
  };
}

export interface Discovered {
  account: DAVAccount;
  principalUrl: string;
  calendarHomeUrl: string;
}

/**
 * RFC 6764: /.well-known/caldav (a redirect to the context path), then the principal
 * (current-user-principal, RFC 5397) and its calendar-home-set (RFC 4791 §6.2.1), by tsdav.
 */
export async function discoverCalendars(session: DavSession): Promise<Discovered> {
  try {
    const account = await createAccount({
      account: { serverUrl: session.url, accountType: 'caldav' },
      headers: session.headers,
      fetch: session.fetch,
    });
    if (!account.principalUrl || !account.homeUrl) throw new Error('cannot find homeUrl');
    return { account, principalUrl: account.principalUrl, calendarHomeUrl: account.homeUrl };
  } catch (error) {
    throw discoveryWords(error, session.url);
  }
}

function discoveryWords(error: unknown, url: string): SyncError {
  if (error instanceof SyncError) return error;
  const message = String((error as Error)?.message ?? error);
  if (/401/.test(message)) return statusWords(401, 'logging in', url);
  return new SyncError(
    'discovery',
    `${safeHost(url)} does not look like a CalDAV server: no calendar home was found from ${url} (by /.well-known/caldav and the principal). Check the address, or give the full CalDAV URL your provider documents.`,
  );
}

/** A calendar at the home that can hold events, as tsdav read it and as the user sees it. */
export interface EventCalendar {
  dav: DAVCalendar;
  found: SyncCalendarFound;
}

/**
 * Marks a calendar this app made (RFC 4791 §5.2.1 calendar-description, set by MKCALENDAR), so
 * another device's Test can say so: the server keeps it, where a local note would stay here.
 */
const MADE_HERE = 'Made by Followthrough';
const MADE_DESCRIPTION = `${MADE_HERE}: follow-ups, meetings and promises, kept in step with the app.`;

/** The home's calendars that take VEVENTs; no component set means all of them (RFC 4791 §5.2.3). */
export async function listCalendars(session: DavSession, account: DAVAccount): Promise<EventCalendar[]> {
  const all = await fetchCalendars({ account, headers: session.headers, fetch: session.fetch });
  return all
    .filter((c) => !c.components?.length || c.components.includes('VEVENT'))
    .map((dav) => ({
      dav,
      found: {
        url: dav.url,
        name: collectionLabel(dav.displayName, dav.url),
        ...(typeof dav.description === 'string' && dav.description.startsWith(MADE_HERE)
          ? { followthroughMade: true as const }
          : {}),
      },
    }));
}

/**
 * The calendar the account's name or address stands for; null for a name none has. Two of one
 * name, or an address with none, are refused in words (CollectionChoiceError).
 */
export function chooseCalendar(
  list: readonly EventCalendar[],
  wanted: string,
  server: string,
): EventCalendar | null {
  const found = chooseCollection(
    list.map((c) => c.found),
    wanted,
    'calendar',
    server,
  );
  return list.find((c) => c.found === found) ?? null;
}

/** The calendar the account names, or one made for a name none has (MKCALENDAR, RFC 4791 §5.3.1). */
export async function findOrMakeCalendar(
  session: DavSession,
  found: Discovered,
  wanted: string,
): Promise<EventCalendar> {
  const existing = chooseCalendar(await listCalendars(session, found.account), wanted, session.url);
  if (existing) return existing;
  // chooseCalendar refuses an address with no calendar there: what is made is always a name's.
  const name = wanted;
  const url = new URL(`${slug(name)}/`, found.calendarHomeUrl).href;
  const [answer] = await makeCalendar({
    url,
    props: {
      displayname: name,
      'c:calendar-description': MADE_DESCRIPTION,
      'c:supported-calendar-component-set': { 'c:comp': { _attributes: { name: 'VEVENT' } } },
    },
    headers: session.headers,
    fetch: session.fetch,
  });
  if (answer && !answer.ok && answer.status !== 405)
    throw statusWords(answer.status, `creating the calendar "${name}"`, url);
  const made = (await listCalendars(session, found.account)).find((c) => sameCollection(c.dav.url, url));
  if (!made)
    throw new SyncError('refused', `${safeHost(url)} did not create the calendar "${name}" at ${url}`);
  return made;
}

export const sameCollection = (a: string, b: string) => a.replace(/\/?$/, '/') === b.replace(/\/?$/, '/');

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'followthrough';

/** The collection's ctag (calendarserver.org getctag), for servers read without sync-collection. */
export async function calendarCtag(
  session: DavSession,
  url: string,
  ctag: string | null,
): Promise<{ dirty: boolean; ctag: string | null }> {
  const { isDirty, newCtag } = await isCollectionDirty({
    collection: { url, ctag: ctag ?? undefined },
    headers: session.headers,
    fetch: session.fetch,
  });
  return { dirty: isDirty || ctag === null, ctag: newCtag ?? null };
}
