import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncCards } from '../../../src/main/store/sync-cards-store.ts';
import {
  contactPass,
  type Device,
  deviceBook,
  openDevice,
  serverBook,
} from '../../helpers/contact-sync-devices.ts';
import { DAV_SERVERS, type DavServer } from '../../helpers/dav-servers.ts';
import { type Fault, type FaultProxy, startFaultProxy } from '../../helpers/fault-proxy.ts';
import { tempDir } from '../../helpers/temp-app.ts';

// Random edits on two devices and on the server (a phone's PUT of an Apple-style card), interleaved
// with passes and faults on device A's network. Each field has one writer (A: what was discussed,
// B: the notes, the phone: the title; tags from both devices), so no conflict is possible and the
// end state is known: every field holds its writer's last value, the tags everything added.

const PEOPLE = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing'];

type Op =
  | { kind: 'a-discussed'; person: number; value: string }
  | { kind: 'b-notes'; person: number; value: string }
  | { kind: 'tag'; on: 'a' | 'b'; person: number; value: string }
  | { kind: 'phone-title'; person: number; value: string }
  | { kind: 'sync'; on: 'a' | 'b'; fault: Fault | null };

const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'omega');
const person = fc.integer({ min: 0, max: PEOPLE.length - 1 });
const fault: fc.Arbitrary<Fault | null> = fc.constantFrom<Fault | null>(
  null,
  null,
  { kind: 'drop-before' },
  { kind: 'drop-after' },
  { kind: 'status', status: 503 },
  { kind: 'status', status: 412 },
);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('a-discussed' as const), person, value: word }),
  fc.record({ kind: fc.constant('b-notes' as const), person, value: word }),
  fc.record({
    kind: fc.constant('tag' as const),
    on: fc.constantFrom('a' as const, 'b' as const),
    person,
    value: word,
  }),
  fc.record({ kind: fc.constant('phone-title' as const), person, value: word }),
  fc.record({ kind: fc.constant('sync' as const), on: fc.constantFrom('a' as const, 'b' as const), fault }),
);

describe.each(DAV_SERVERS)('two devices and a phone on one $name, random edits and faults', ({ start }) => {
  let server: DavServer;
  let proxy: FaultProxy;
  let run = 0;

  beforeAll(async () => {
    server = await start(tempDir('ft-dav-'));
    proxy = await startFaultProxy(server.base);
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.stop();
  });

  const idOf = async (d: Device, name: string) =>
    (await d.app.api['contacts.list']({ query: name })).items[0]!.id;

  /** The phone: GET the card, change its TITLE, PUT it back with If-Match (again on a 412). */
  async function phoneTitle(d: Device, name: string, title: string): Promise<void> {
    const id = await idOf(d, name);
    const row = syncCards(d.app.context.db, d.accountId).find((r) => r.contactId === id)!;
    const url = new URL(encodeURI(row.href), server.base).href;
    for (let i = 0; i < 5; i++) {
      const got = await fetch(url, { headers: server.auth });
      const text = await got.text();
      const lines = text.split('\r\n').filter((l) => !l.startsWith('TITLE:'));
      lines.splice(lines.indexOf('END:VCARD'), 0, `TITLE:${title}`);
      const put = await fetch(url, {
        method: 'PUT',
        headers: { ...server.auth, 'content-type': 'text/vcard', 'if-match': got.headers.get('etag') ?? '*' },
        body: lines.join('\r\n'),
      });
      await put.arrayBuffer();
      if (put.ok) return;
    }
    throw new Error('the phone could not PUT');
  }

  it('converge, every edit present', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 14 }), async (ops) => {
        const bookName = `Book ${server.name} ${++run}`;
        proxy.clear();
        const a = await openDevice(server, proxy.base);
        const b = await openDevice(server, server.base);
        try {
          for (const name of PEOPLE) await a.app.api['contacts.create']({ displayName: name });
          expect(await contactPass(a, bookName)).toMatchObject({ errors: [] });
          expect(await contactPass(b, bookName)).toMatchObject({ errors: [], created: PEOPLE.length });
          const want = PEOPLE.map(() => ({
            title: null as string | null,
            notes: null as string | null,
            discussed: null as string | null,
            tags: new Set<string>(),
          }));
          for (const o of ops) {
            if (o.kind === 'sync') {
              if (o.fault && o.on === 'a') proxy.inject({ method: 'PUT', fault: o.fault });
              await contactPass(o.on === 'a' ? a : b, bookName).catch(() => undefined);
              proxy.clear();
              continue;
            }
            const name = PEOPLE[o.person]!;
            const w = want[o.person]!;
            if (o.kind === 'phone-title') {
              await phoneTitle(a, name, o.value);
              w.title = o.value;
              continue;
            }
            const d = o.kind === 'a-discussed' || (o.kind === 'tag' && o.on === 'a') ? a : b;
            d.tick();
            const id = await idOf(d, name);
            if (o.kind === 'a-discussed') {
              await d.app.api['contacts.update']({ id, patch: { discussed: o.value } });
              w.discussed = o.value;
            } else if (o.kind === 'b-notes') {
              await d.app.api['contacts.update']({ id, patch: { notes: o.value } });
              w.notes = o.value;
            } else {
              const tag = `${o.on}-${o.value}`;
              const tags = (await d.app.api['contacts.get']({ id })).tags;
              await d.app.api['contacts.update']({ id, patch: { tags: [...new Set([...tags, tag])] } });
              w.tags.add(tag);
            }
          }
          // The network heals; both sync until quiet.
          for (let round = 0; round < 2; round++) {
            expect(await contactPass(a, bookName)).toMatchObject({ errors: [], conflicts: [] });
            expect(await contactPass(b, bookName)).toMatchObject({ errors: [], conflicts: [] });
          }
          const [inA, inB, there] = [deviceBook(a), deviceBook(b), await serverBook(a, bookName)];
          const rows = syncCards(a.app.context.db, a.accountId);
          expect(inB).toEqual(inA);
          expect(there).toEqual(inA);
          expect(rows).toHaveLength(PEOPLE.length);
          for (const [i, name] of PEOPLE.entries()) {
            const got = inA.get(name)!;
            const w = want[i]!;
            expect({ title: got.title, notes: got.notes, discussed: got.discussed }).toEqual({
              title: w.title,
              notes: w.notes,
              discussed: w.discussed,
            });
            expect(new Set(got.tags)).toEqual(w.tags);
          }
        } finally {
          a.app.cleanup();
          b.app.cleanup();
        }
      }),
      // DEBUG_SEED and DEBUG_PATH replay a failure fast-check reported.
      {
        numRuns: 6,
        // Found by this test in CI: the phone's title taken in on A, A's PUT dropped before it
        // reached the server, then the phone's next title read as a conflict with A's copy.
        examples: [
          [
            [
              { kind: 'phone-title', person: 1, value: 'alpha' },
              { kind: 'a-discussed', person: 1, value: 'alpha' },
              { kind: 'b-notes', person: 0, value: 'alpha' },
              { kind: 'sync', on: 'a', fault: { kind: 'drop-before' } },
              { kind: 'phone-title', person: 1, value: 'gamma' },
            ],
          ],
          // Found by this test in CI: A's PUT reached the server and its answer was lost, then
          // A changed the same field again; A's own first value read as the server's edit.
          [
            [
              { kind: 'a-discussed', person: 1, value: 'alpha' },
              { kind: 'sync', on: 'a', fault: { kind: 'drop-after' } },
              { kind: 'a-discussed', person: 1, value: 'delta' },
              { kind: 'sync', on: 'a', fault: null },
              { kind: 'tag', on: 'a', person: 0, value: 'alpha' },
            ],
          ],
        ],
        ...(process.env.DEBUG_SEED
          ? { seed: Number(process.env.DEBUG_SEED), path: process.env.DEBUG_PATH, endOnFailure: true }
          : {}),
      },
    );
  }, 120_000);
});
