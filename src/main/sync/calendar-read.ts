import { type DAVResponse, fetchCalendarObjects, propfind, syncCollection } from 'tsdav';
import { calendarCtag, type DavSession } from './dav-session.ts';
import { statusWords } from './sync-error.ts';

/** How a calendar is read incrementally: RFC 6578 where the server answers it, else ctag + ETags. */
export type ReadMode = 'auto' | 'ctag';

export interface ReadState {
  syncToken: string | null;
  ctag: string | null;
}

export interface CalendarChanges {
  /** Objects added or changed since the last read, with their ETag now. */
  changed: { path: string; etag: string | null }[];
  /** Objects gone from the server (only those we know, in ctag mode). */
  deleted: string[];
  state: ReadState;
  mode: 'sync-collection' | 'ctag';
}

/** The decoded path of an href, so "/a/x%40y.ics" and "http://h/a/x@y.ics" are one object. */
export function hrefPath(href: string, base: string): string {
  const path = new URL(href, base).pathname;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

const etagOf = (r: DAVResponse): string | null => {
  const etag = r.props?.getetag;
  return etag === undefined || etag === null ? null : String(etag);
};

/**
 * What changed in the calendar since `state`. sync-collection where the collection offers it in
 * DAV:supported-report-set (RFC 6578 §3.1; an empty token on the first read lists everything;
 * Radicale and Xandikos offer it). A server that does not, refuses it, or forgot our token (§3.8,
 * valid-sync-token) is read by its ctag and a Depth 1 PROPFIND of ETags instead, which `known`
 * (path → ETag) is compared with.
 */
export async function readChanges(
  session: DavSession,
  url: string,
  state: ReadState,
  known: ReadonlyMap<string, string | null>,
  mode: ReadMode,
): Promise<CalendarChanges> {
  if (mode === 'auto' && (await offersSyncCollection(session, url))) {
    const incremental = await bySyncCollection(session, url, state.syncToken);
    if (incremental) return incremental;
  }
  return byCtag(session, url, state, known);
}

/**
 * Whether the collection lists sync-collection among its reports. Read here, not by tsdav's
 * supportedReportSet, which knows only RFC 3253's form (each in a DAV:report); Xandikos 0.2 lists
 * them bare (`<supported-report><sync-collection/></supported-report>`), so every pass on it read
 * all the collection's ETags although it answers the report.
 */
export async function offersSyncCollection(session: DavSession, url: string): Promise<boolean> {
  const [answer] = await propfind({
    url,
    props: { 'd:supported-report-set': {} },
    depth: '0',
    headers: session.headers,
    fetch: session.fetch,
  });
  const listed: unknown = answer?.props?.supportedReportSet?.supportedReport;
  const reports = Array.isArray(listed) ? listed : listed === undefined ? [] : [listed];
  return reports.some((r) => names(r, 'syncCollection') || names(r?.report, 'syncCollection'));
}

/** Whether a parsed XML element holds a child of this (camel-cased) name. */
function names(element: unknown, child: string): boolean {
  return typeof element === 'object' && element !== null && Object.hasOwn(element, child);
}

async function bySyncCollection(
  session: DavSession,
  url: string,
  token: string | null,
): Promise<CalendarChanges | null> {
  let responses: DAVResponse[];
  try {
    responses = await syncCollection({
      url,
      props: { 'd:getetag': {} },
      syncLevel: 1,
      syncToken: token ?? '',
      headers: session.headers,
      fetch: session.fetch,
    });
  } catch (error) {
    if ((error as { transient?: boolean }).transient) throw error;
    return null;
  }
  const first = responses[0];
  if (!first || (first.status !== 207 && !first.ok)) {
    if (first?.status === 401 || (first?.status ?? 0) >= 500)
      throw statusWords(first!.status, 'reading the calendar', url);
    return null;
  }
  const newToken = (first.raw as { multistatus?: { syncToken?: unknown } } | undefined)?.multistatus
    ?.syncToken;
  const changed: CalendarChanges['changed'] = [];
  const deleted: string[] = [];
  for (const r of responses) {
    if (!r.href) continue;
    const path = hrefPath(r.href, url);
    if (path.replace(/\/$/, '') === new URL(url).pathname.replace(/\/$/, '')) continue;
    // A removed member comes back with a 404 status of its own (RFC 6578 §3.5.2).
    const gone = r.status === 404 || /\b404\b/.test(String(r.statusText ?? '')) || rawStatus(r) === 404;
    if (gone) deleted.push(path);
    else changed.push({ path, etag: etagOf(r) });
  }
  return {
    changed,
    deleted,
    state: { syncToken: typeof newToken === 'string' ? newToken : token, ctag: null },
    mode: 'sync-collection',
  };
}

function rawStatus(r: DAVResponse): number | null {
  const status = (r.raw as { status?: unknown } | undefined)?.status;
  const m = typeof status === 'string' ? /\s(\d{3})\s/.exec(status) : null;
  return m ? Number(m[1]) : null;
}

async function byCtag(
  session: DavSession,
  url: string,
  state: ReadState,
  known: ReadonlyMap<string, string | null>,
): Promise<CalendarChanges> {
  const { dirty, ctag } = await calendarCtag(session, url, state.ctag);
  if (!dirty) return { changed: [], deleted: [], state: { syncToken: null, ctag }, mode: 'ctag' };
  const responses = await propfind({
    url,
    props: { 'd:getetag': {} },
    depth: '1',
    headers: session.headers,
    fetch: session.fetch,
  });
  const now = new Map<string, string | null>();
  for (const r of responses) {
    if (!r.href || !r.ok) continue;
    const path = hrefPath(r.href, url);
    if (path.endsWith('/')) continue;
    now.set(path, etagOf(r));
  }
  const changed = [...now]
    .filter(([path, etag]) => known.get(path) !== etag)
    .map(([path, etag]) => ({ path, etag }));
  const deleted = [...known.keys()].filter((path) => !now.has(path));
  return { changed, deleted, state: { syncToken: null, ctag }, mode: 'ctag' };
}

/** The objects' data and ETags now (calendar-multiget, RFC 4791 §7.9). */
export async function readObjects(
  session: DavSession,
  url: string,
  paths: readonly string[],
): Promise<{ path: string; etag: string | null; data: string }[]> {
  if (paths.length === 0) return [];
  const objects = await fetchCalendarObjects({
    calendar: { url },
    objectUrls: paths.map((p) => new URL(encodeURI(p), url).href),
    headers: session.headers,
    fetch: session.fetch,
  });
  return objects
    .filter((o) => typeof o.data === 'string' && o.data.includes('BEGIN:VCALENDAR'))
    .map((o) => ({ path: hrefPath(o.url, url), etag: o.etag ?? null, data: o.data as string }));
}
