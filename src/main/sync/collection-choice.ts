import {
  collectionPath,
  isCollectionAddress,
  matchCollection,
} from '../../shared/domain/sync-collections.ts';
import { SyncError, safeHost, statusWords } from './sync-error.ts';

export type CollectionField = 'calendar' | 'addressbook';

const NOUN: ReadonlyMap<CollectionField, string> = new Map([
  ['calendar', 'calendar'],
  ['addressbook', 'address book'],
]);
const nounOf = (field: CollectionField) => NOUN.get(field) ?? field;

/** The account names no one collection: the user must say which, so it names the field to fix. */
export class CollectionChoiceError extends SyncError {
  readonly field: CollectionField;
  constructor(field: CollectionField, message: string) {
    super('refused', message, false);
    this.name = 'CollectionChoiceError';
    this.field = field;
  }
}

/**
 * The collection the account's name or address stands for, or null for a name none has (the
 * caller makes it). Two of one name are refused, listed by address: linking to either could link
 * this device to one and another device to the other, or switch between passes.
 */
export function chooseCollection<C extends { url: string; name: string }>(
  list: readonly C[],
  wanted: string,
  field: CollectionField,
  server: string,
): C | null {
  const match = matchCollection(list, wanted);
  const noun = nounOf(field);
  if (match.kind === 'found') return match.collection;
  if (match.kind === 'ambiguous') {
    const paths = match.collections.map((c) => collectionPath(c.url));
    throw new CollectionChoiceError(
      field,
      `${match.collections.length} ${noun}s on ${safeHost(server)} are named "${wanted}": ${match.collections.map((c) => c.url).join(', ')}. Give the one to use by its address or path (e.g. --${field} ${paths[0]}).`,
    );
  }
  if (isCollectionAddress(wanted))
    throw new CollectionChoiceError(
      field,
      `There is no ${noun} at ${wanted} on ${safeHost(server)}${list.length ? `; there are: ${list.map((c) => `"${c.name}" ${collectionPath(c.url)}`).join(', ')}` : ''}.`,
    );
  return null;
}

/**
 * Whether the collection the account is linked to is still there (a Depth 0 PROPFIND). A pass
 * that found it gone stops in words: making another would leave the user's phone on the old one.
 */
export async function requireCollection(
  session: { headers: Record<string, string>; fetch: typeof fetch },
  url: string,
  field: CollectionField,
  name: string,
): Promise<void> {
  const response = await session.fetch(url, {
    method: 'PROPFIND',
    headers: { ...session.headers, depth: '0', 'content-type': 'application/xml; charset=utf-8' },
    body: '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>',
  });
  const body = await response.text().catch(() => '');
  if (response.status === 401) throw statusWords(401, `reading the ${nounOf(field)}`, url);
  // Xandikos 0.2 answers 207 with the response's own status 404 (RFC 4918 §14.24) and no propstat.
  const goneInside =
    response.status === 207 && !/propstat>/i.test(body) && /status>[^<]*\s(404|410)\s/.test(body);
  if (response.status === 404 || response.status === 410 || goneInside)
    throw new SyncError(
      'refused',
      `The ${nounOf(field)} "${name}" is no longer on ${safeHost(url)} (${url} answers ${goneInside ? 404 : response.status}); nothing was made in its place. Remove this account and add it again to choose or make one.`,
      false,
    );
}
