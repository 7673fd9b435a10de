/**
 * The calendars and address books a sync account's Test finds on the server, so the user can
 * choose one that exists rather than guess its name. Kept apart from sync.ts (zod) so the
 * renderer matches names by the same rule as main without bundling the schemas.
 */

/** A calendar that can hold events (VEVENT in its supported-calendar-component-set, RFC 4791 §5.2.3). */
export interface SyncCalendarFound {
  url: string;
  /** Its display name, or the last segment of its address when it has none. */
  name: string;
  /** Made by Followthrough, on this device or another: its description says so. */
  followthroughMade?: true;
}

export interface SyncAddressBookFound {
  url: string;
  /** Its display name, or the last segment of its address when it has none. */
  name: string;
}

/**
 * How an account names its calendar or address book: a name (the display name), or the
 * collection's address, a full URL or a path on the server (starting with /). Two collections may
 * share a name; an address names one.
 */
export function isCollectionAddress(wanted: string): boolean {
  return wanted.startsWith('/') || /^https?:\/\//i.test(wanted);
}

/** A collection's path, decoded and with its trailing slash, so hrefs of one compare equal. */
export function collectionPath(url: string): string {
  const path = new URL(url, 'http://x').pathname;
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed %-escape: compared as written.
  }
  return decoded.endsWith('/') ? decoded : `${decoded}/`;
}

export type CollectionMatch<C> =
  | { kind: 'found'; collection: C }
  /** No collection has that name (one can be made), or none is at that address. */
  | { kind: 'missing' }
  /** More than one has that name: the account must give one by its address. */
  | { kind: 'ambiguous'; collections: C[] };

/**
 * The collection an account's name or address stands for. Main links by this rule, and the
 * dialog says by it whether a name exists, will be made, or is shared. An address is matched by
 * its path: a server may answer with another host name for itself than the one typed.
 */
export function matchCollection<C extends { url: string; name: string }>(
  list: readonly C[],
  wanted: string,
): CollectionMatch<C> {
  const matches = isCollectionAddress(wanted)
    ? list.filter((c) => collectionPath(c.url) === collectionPath(wanted))
    : list.filter((c) => c.name === wanted);
  const [first] = matches;
  if (!first) return { kind: 'missing' };
  return matches.length === 1
    ? { kind: 'found', collection: first }
    : { kind: 'ambiguous', collections: matches };
}
