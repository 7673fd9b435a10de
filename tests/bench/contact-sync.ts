// Issue 14's contacts target against a real Radicale: an incremental pass with one contact changed
// here and one card changed on the server among CONTACTS linked ones, with the server's own share
// of the time. The address book is laid out in Radicale's storage folder directly and linked from
// one listing (a first push of 50,000 PUTs would take minutes and is not what is measured).
// Runnable alone: `node tests/bench/contact-sync.ts [CONTACTS]`. The default is 5,000, not the
// issue's 50,000: Radicale 3 reads every card it has not cached yet on the first listing (2,000
// took 49 s on the 2-core CI machine), so 50,000 would spend some twenty minutes in the set-up.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppContext } from '../../src/main/app/context.ts';
import { fillPhoneKeys } from '../../src/main/contacts/phone-keys.ts';
import { seedDatabase } from '../../src/main/seed/seed-database.ts';
import { inMemorySettings } from '../../src/main/settings/settings-store.ts';
import { getContacts } from '../../src/main/store/contacts-store.ts';
import { saveCard, setAddressbookState } from '../../src/main/store/sync-cards-store.ts';
import { writeTransaction } from '../../src/main/store/transaction.ts';
import { readChanges } from '../../src/main/sync/calendar-read.ts';
import { buildCard } from '../../src/main/sync/contacts/card-write.ts';
import { findOrMakeAddressbook } from '../../src/main/sync/contacts/carddav.ts';
import { syncContacts } from '../../src/main/sync/contacts/contacts-pass.ts';
import { contactFields, readCardFields } from '../../src/main/sync/contacts/synced-fields.ts';
import type { DavSession } from '../../src/main/sync/dav-session.ts';
import { fixedClock } from '../../src/main/time/clock.ts';
import { startRadicale } from '../helpers/radicale.ts';
import { BENCH_NOW } from './seeded-bench.ts';
import { type BenchRow, formatTable, timeAsync } from './stats.ts';

const PASSWORD = 'bench-dav-pw-7Qz';
const VARIABLE = 'FT_BENCH_DAV_PASSWORD';
const BOOK = 'Followthrough contacts';

/** Sums the time spent waiting for HTTP answers (bodies included): the server's share. */
function measureServer(): { fetch: typeof fetch; ms: () => number; requests: () => number } {
  let waited = 0;
  let count = 0;
  const meter = {
    fetch: (async (...args: Parameters<typeof fetch>) => {
      const started = performance.now();
      try {
        const answer = await fetch(...args);
        const body = await answer.arrayBuffer();
        return new Response(body.byteLength ? body : null, {
          status: answer.status,
          statusText: answer.statusText,
          headers: answer.headers,
        });
      } finally {
        waited += performance.now() - started;
        count += 1;
      }
    }) as typeof fetch,
    ms: () => waited,
    requests: () => count,
  };
  return meter;
}

export async function benchContactSync(contacts: number, record: (row: BenchRow) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ft-bench-carddav-'));
  const context = openAppContext({
    shell: 'cli',
    dataDir: dir,
    databasePath: join(dir, 'followthrough.db'),
    settings: inMemorySettings({ timeZone: 'Europe/Berlin' }),
    clock: fixedClock(BENCH_NOW),
  });
  const server = await startRadicale(dir, { users: { bench: PASSWORD } });
  const meter = measureServer();
  try {
    const { db } = context;
    seedDatabase(db, { contacts, interactionsPerContact: 0, seed: 7, now: new Date(BENCH_NOW) });
    process.env[VARIABLE] = PASSWORD;
    const added = await context.dispatch('sync.accounts.add', {
      url: `${server.base}/`,
      user: 'bench',
      credential: { kind: 'env', variable: VARIABLE },
    });
    if (!added.ok) throw new Error(added.error.message);
    const accountId = (added.value as { id: number }).id;
    const session: DavSession = {
      url: `${server.base}/`,
      headers: server.headers,
      fetch: meter.fetch,
      timeoutMs: 120_000,
    };
    const url = await findOrMakeAddressbook(session, BOOK);
    const path = new URL(url).pathname.replace(/\/?$/, '/');
    // Radicale's multifilesystem layout: collection-root/<path>/<name>.vcf, one card per file.
    const folder = join(dir, 'radicale', 'collection-root', ...path.split('/').filter(Boolean));
    mkdirSync(folder, { recursive: true });
    const ids = (db.prepare('SELECT id FROM contacts ORDER BY id').all() as { id: number }[]).map(
      (r) => r.id,
    );
    const cards = new Map<string, { contactId: number; text: string; updatedAt: string }>();
    for (let i = 0; i < ids.length; i += 1000) {
      for (const c of getContacts(db, ids.slice(i, i + 1000))) {
        const uid = `bench-${c.id}`;
        const text = buildCard(contactFields(c), { uid, previous: null, now: BENCH_NOW });
        writeFileSync(join(folder, `${uid}.vcf`), text);
        cards.set(`${path}${uid}.vcf`, { contactId: c.id, text, updatedAt: c.updatedAt });
      }
    }
    // One listing links them all (and warms Radicale's item cache, as a first sync would).
    const listed = await timeAsync(() =>
      readChanges(session, url, { syncToken: null, ctag: null }, new Map(), 'auto'),
    );
    writeTransaction(db, () => {
      for (const { path: href, etag } of listed.value.changed) {
        const card = cards.get(href);
        if (!card) continue;
        saveCard(db, {
          accountId,
          contactId: card.contactId,
          href,
          uid: href.slice(path.length, -4),
          etag,
          card: card.text,
          base: JSON.stringify(readCardFields(card.text).fields),
          localUpdatedAt: card.updatedAt,
          state: 'linked',
          syncedAt: BENCH_NOW,
        });
      }
      setAddressbookState(db, accountId, { url, ...listed.value.state, linkedAt: BENCH_NOW });
    });
    record({
      name: `contacts: listing ${listed.value.changed.length.toLocaleString('en')} cards on Radicale (sync-collection, cold)`,
      value: listed.ms,
      unit: 'ms',
      note: 'once, at the first link; Radicale hashes every card',
    });

    // One contact changed here, one card changed on the server (as a phone would).
    const [here, there] = [ids[10]!, ids[20]!];
    db.prepare("UPDATE contacts SET title = 'Changed here', updated_at = ? WHERE id = ?").run(
      '2026-11-21T09:00:00.000Z',
      here,
    );
    const phoneHref = `${path}bench-${there}.vcf`;
    const phone = await fetch(new URL(phoneHref, server.base), { headers: server.headers });
    const phoneText = (await phone.text()).replace('END:VCARD', 'TITLE:Changed on the phone\r\nEND:VCARD');
    await (
      await fetch(new URL(phoneHref, server.base), {
        method: 'PUT',
        headers: {
          ...server.headers,
          'if-match': phone.headers.get('etag') ?? '*',
          'content-type': 'text/vcard',
        },
        body: phoneText,
      })
    ).arrayBuffer();

    const deps = {
      db,
      engine: context.engine,
      now: () => context.clock().toISOString(),
      keyPhones: () => fillPhoneKeys(db, 'DE'),
      region: 'DE' as const,
    };
    const before = { ms: meter.ms(), n: meter.requests() };
    const pass = await timeAsync(() => syncContacts(deps, session, { id: accountId, addressbook: BOOK }));
    if (pass.value.errors.length) throw new Error(pass.value.errors[0]);
    if (pass.value.pushed !== 1 || pass.value.pulled < 1)
      throw new Error(`expected one PUT and one card read, got ${JSON.stringify(pass.value)}`);
    const serverMs = meter.ms() - before.ms;
    record({
      name: `contacts: incremental pass, one changed each side, ${contacts.toLocaleString('en')} linked (Radicale)`,
      value: pass.ms,
      unit: 'ms',
      target: 1000,
      note: `server's share ${((serverMs / pass.ms) * 100).toFixed(0)}% (${serverMs.toFixed(0)} ms on ${meter.requests() - before.n} requests); pushed ${pass.value.pushed}, pulled ${pass.value.pulled}`,
    });
  } finally {
    await server.stop();
    context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const rows: BenchRow[] = [];
  await benchContactSync(Number(process.argv[2] ?? 5000), (row) => rows.push(row));
  console.log(formatTable(rows));
}
