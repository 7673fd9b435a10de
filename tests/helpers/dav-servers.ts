// Both real DAV servers behind one face, so every sync test runs against each (describe.each),
// and what a phone would do to the calendar (read, move, edit, delete an event) as plain HTTP.
import ICAL from 'ical.js';
import { startRadicale } from './radicale.ts';
import { startXandikos } from './xandikos.ts';

export const DAV_PASSWORD = 'correct horse battery';

export interface DavServer {
  name: string;
  base: string;
  /** Where the app's discovery starts. */
  url: string;
  user: string;
  auth: Record<string, string>;
  stop(): Promise<void>;
}

const basic = (user: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});

export const DAV_SERVERS: { name: string; start(dir: string): Promise<DavServer> }[] = [
  {
    name: 'Radicale',
    async start(dir) {
      const r = await startRadicale(dir, { users: { alice: DAV_PASSWORD } });
      return {
        name: 'Radicale',
        base: r.base,
        url: `${r.base}/`,
        user: 'alice',
        auth: basic('alice', DAV_PASSWORD),
        stop: r.stop,
      };
    },
  },
  {
    name: 'Xandikos',
    async start(dir) {
      const x = await startXandikos(dir);
      return {
        name: 'Xandikos',
        base: x.base,
        url: `${x.base}/`,
        user: 'user',
        auth: basic('user', DAV_PASSWORD),
        stop: x.stop,
      };
    },
  },
];

export interface ServerObject {
  href: string;
  etag: string | null;
  data: string;
}

/** Every object in a calendar collection, read as a phone would (PROPFIND, then GET each). */
export async function listObjects(server: DavServer, collectionUrl: string): Promise<ServerObject[]> {
  const answer = await fetch(collectionUrl, {
    method: 'PROPFIND',
    headers: { ...server.auth, depth: '1', 'content-type': 'application/xml; charset=utf-8' },
    body: '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>',
  });
  const xml = await answer.text();
  const hrefs = [...xml.matchAll(/<(?:\w+:)?href>([^<]+)<\/(?:\w+:)?href>/g)]
    .map((m) => m[1] ?? '')
    .filter((h) => h.endsWith('.ics'));
  const out: ServerObject[] = [];
  for (const href of hrefs) {
    const url = new URL(href, collectionUrl).href;
    const got = await fetch(url, { headers: server.auth });
    if (got.ok) out.push({ href: url, etag: got.headers.get('etag'), data: await got.text() });
  }
  return out;
}

export function uidOf(ics: string): string {
  const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent');
  return String(event?.getFirstPropertyValue('uid'));
}

export function startOf(ics: string): string {
  const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent');
  const start = event?.getFirstPropertyValue('dtstart');
  if (!(start instanceof ICAL.Time)) throw new Error('the event has no DTSTART');
  return start.toJSDate().toISOString();
}

/** What a phone writes when the user drags the event: a new DTSTART/DTEND, its own PUT with If-Match. */
export async function moveOnServer(
  server: DavServer,
  object: ServerObject,
  startIso: string,
): Promise<Response> {
  const start = compact(startIso);
  const end = compact(new Date(new Date(startIso).getTime() + 30 * 60_000).toISOString());
  const data = object.data
    .replace(/^DTSTART[^\r\n]*/m, `DTSTART:${start}`)
    .replace(/^DTEND[^\r\n]*/m, `DTEND:${end}`)
    .replace(/^SEQUENCE:(\d+)/m, (_m, n: string) => `SEQUENCE:${Number(n) + 1}`);
  return putOnServer(server, object, data);
}

export async function putOnServer(server: DavServer, object: ServerObject, data: string): Promise<Response> {
  return fetch(object.href, {
    method: 'PUT',
    headers: {
      ...server.auth,
      'content-type': 'text/calendar; charset=utf-8',
      ...(object.etag ? { 'if-match': object.etag } : {}),
    },
    body: data,
  });
}

const compact = (iso: string) => `${iso.replace(/[-:]/g, '').slice(0, 15)}Z`;

/** What another client does to add a calendar: MKCALENDAR (RFC 4791 §5.3.1), its name if given. */
export async function makeCalendarOnServer(
  server: DavServer,
  url: string,
  { name, components = ['VEVENT'] }: { name?: string; components?: string[] } = {},
): Promise<Response> {
  const props = [
    name === undefined ? '' : `<D:displayname>${name}</D:displayname>`,
    `<C:supported-calendar-component-set>${components.map((c) => `<C:comp name="${c}"/>`).join('')}</C:supported-calendar-component-set>`,
  ].join('');
  return fetch(url, {
    method: 'MKCALENDAR',
    headers: { ...server.auth, 'content-type': 'application/xml; charset=utf-8' },
    body: `<?xml version="1.0" encoding="utf-8"?><C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>${props}</D:prop></D:set></C:mkcalendar>`,
  });
}

/** And an address book: an extended MKCOL (RFC 5689) with the CardDAV resource type. */
export async function makeAddressBookOnServer(
  server: DavServer,
  url: string,
  name: string,
): Promise<Response> {
  return fetch(url, {
    method: 'MKCOL',
    headers: { ...server.auth, 'content-type': 'application/xml; charset=utf-8' },
    body: `<?xml version="1.0" encoding="utf-8"?><D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:set><D:prop><D:resourcetype><D:collection/><C:addressbook/></D:resourcetype><D:displayname>${name}</D:displayname></D:prop></D:set></D:mkcol>`,
  });
}

/**
 * `count` plain cards ("Person 0", person0@example.org, …) PUT into an address book as a phone
 * would, ten at a time: enough for a pass that reads them in several multiget batches.
 */
export async function putPhoneCards(server: DavServer, bookUrl: string, count: number): Promise<void> {
  for (let i = 0; i < count; i += 10) {
    const puts = Array.from({ length: Math.min(10, count - i) }, async (_, k) => {
      const n = i + k;
      const card = `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-${n}\r\nFN:Person ${n}\r\nN:${n};Person;;;\r\nEMAIL:person${n}@example.org\r\nEND:VCARD\r\n`;
      const put = await fetch(new URL(`phone-${n}.vcf`, bookUrl), {
        method: 'PUT',
        headers: { ...server.auth, 'content-type': 'text/vcard' },
        body: card,
      });
      if (put.status !== 201) throw new Error(`PUT phone-${n}.vcf: ${put.status}`);
    });
    await Promise.all(puts);
  }
}
