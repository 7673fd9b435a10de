// Issue 14's contacts target against a real Radicale: the first link of an address book holding a
// card for each of CARDS contacts of the seed, then an incremental pass with one contact changed
// here and one with one card changed on the server (as a phone would), each with the server's own
// share of the time. Part of npm run bench, and runnable alone:
// `node tests/bench/contact-sync.ts DB [CARDS]` (DB seeded with the bench's 50,000 contacts first
// when it does not exist; the passes run on a copy, so DB can be given again).
//
// CARDS is 10,000 by default, BENCH_CARDDAV_CONTACTS=50000 for the 50,000: their first
// link took 285 s here (Radicale 187 s of it: vobject parses each card once, and each
// addressbook-multiget of 100 scans the folder's listing per href), which alone is more than the
// bench may add to CI. The contacts beyond CARDS are archived in the copy, so the address book
// holds what is active. An incremental pass is one sync-collection REPORT, which Radicale answers
// by reading its whole collection (O(cards): about 2.5 s at 50,000, nearly all of the pass); the
// app's own share is the rest, reported in a row of its own against the same target.
//
// Radicale, not Xandikos, though Xandikos's git store would take 50,000 cards in one
// `git fast-import` commit in seconds: Xandikos 0.2.8 resolves every href of an
// addressbook-multiget by re-reading the collection's git index and scanning it (web.py
// get_member), so with 50,000 cards each card read costs ~0.9 s (ten took 9.1 s here) and the
// first link's 50,000 reads would take some twelve hours. Radicale reads a card by its file.
//
// The cards are written straight into Radicale's storage (collection-root/<user>/<book>/, one
// .vcf per card, as its PUT leaves them): 50,000 PUTs would take many minutes, and Radicale reads
// files put there by others (its item cache is keyed by each file's hash). The storage goes to
// /dev/shm when it has room: Radicale fsyncs each cache file it writes on its first listing
// (8 ms a card on this machine's disk, 2 ms in memory, where vobject's parsing is what is left).
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppContext, openAppContext } from '../../src/main/app/context.ts';
import { fillPhoneKeys, phoneRegion } from '../../src/main/contacts/phone-keys.ts';
import { contactUid } from '../../src/main/formats/vcard-write.ts';
import { inMemorySettings } from '../../src/main/settings/settings-store.ts';
import { getContacts } from '../../src/main/store/contacts-store.ts';
import { buildCard } from '../../src/main/sync/contacts/card-write.ts';
import { findOrMakeAddressbook } from '../../src/main/sync/contacts/carddav.ts';
import { type ContactPassResult, syncContacts } from '../../src/main/sync/contacts/contacts-pass.ts';
import { contactFields } from '../../src/main/sync/contacts/synced-fields.ts';
import { davSession } from '../../src/main/sync/dav-session.ts';
import { fixedClock } from '../../src/main/time/clock.ts';
import { startRadicale } from '../helpers/radicale.ts';
import { measureServer } from './calendar-sync.ts';
import { BENCH_NOW, benchDatabaseArg, openSeededBench } from './seeded-bench.ts';
import { type BenchRow, formatTable, timeAsync } from './stats.ts';

const USER = 'bench';
const PASSWORD = 'bench-dav-pw-7Qz';
const VARIABLE = 'FT_BENCH_DAV_PASSWORD';
const BOOK = 'Followthrough contacts';
// A day after the seed's clock, so an edit here always moves a contact's updated_at.
const PASS_NOW = '2026-11-21T09:00:00.000Z';

/** How many contacts get a card; the target is for 50,000. */
export const CARDDAV_CONTACTS = Number(process.env.BENCH_CARDDAV_CONTACTS ?? 10_000);

/** Where Radicale's storage goes: memory when it has room for 50,000 cards and their caches. */
function storageRoot(): string {
  try {
    const fs = statfsSync('/dev/shm');
    if (fs.bavail * fs.bsize > 2e9) return '/dev/shm';
  } catch {
    // No /dev/shm (not Linux): the disk, slower on the first listing only.
  }
  return tmpdir();
}

/**
 * Runs on `databasePath` (a copy of the seed: it is linked and edited) and reports rows. The first
 * `cards` active contacts get a card each, the one this app writes for it under its own UID, as
 * another computer running it would have put it there.
 */
export async function benchContactSync(
  databasePath: string,
  cards: number,
  record: (row: BenchRow) => void,
): Promise<void> {
  const dir = mkdtempSync(join(storageRoot(), 'ft-bench-carddav-'));
  const server = await startRadicale(dir, { users: { [USER]: PASSWORD } }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  const meter = measureServer();
  let context: AppContext | undefined;
  try {
    context = openAppContext({
      shell: 'cli',
      dataDir: dir,
      databasePath,
      settings: inMemorySettings({ timeZone: 'Europe/Berlin' }),
      clock: fixedClock(PASS_NOW),
    });
    const { db, clock } = context;
    db.prepare(
      `UPDATE contacts SET archived_at = ? WHERE archived_at IS NULL AND id NOT IN
         (SELECT id FROM contacts WHERE archived_at IS NULL ORDER BY id LIMIT ?)`,
    ).run(BENCH_NOW, cards);
    process.env[VARIABLE] = PASSWORD;
    const added = await context.dispatch('sync.accounts.add', {
      url: `${server.base}/`,
      user: USER,
      credential: { kind: 'env', variable: VARIABLE },
      addressbook: BOOK,
    });
    if (!added.ok) throw new Error(`sync.accounts.add failed: ${added.error.message}`);
    const account = { id: (added.value as { id: number }).id, addressbook: BOOK };
    const session = davSession(`${server.base}/`, USER, PASSWORD, 300_000);
    // The address book made as the app makes it (extended MKCOL), then filled behind Radicale.
    const url = await findOrMakeAddressbook(session, BOOK);
    const path = new URL(url).pathname;
    const folder = join(dir, 'radicale', 'collection-root', ...path.split('/').filter(Boolean));
    mkdirSync(folder, { recursive: true });
    const ids = db
      .prepare('SELECT id FROM contacts WHERE archived_at IS NULL ORDER BY id')
      .pluck()
      .all() as number[];
    for (let i = 0; i < ids.length; i += 1000) {
      for (const c of getContacts(db, ids.slice(i, i + 1000))) {
        const uid = contactUid(c.id);
        writeFileSync(
          join(folder, `${uid}.vcf`),
          buildCard(contactFields(c), { uid, previous: null, now: c.updatedAt }),
        );
      }
    }
    const size = ids.length.toLocaleString('en');
    const region = phoneRegion(context.settings.get());
    const deps = {
      db,
      engine: context.engine,
      now: () => clock().toISOString(),
      keyPhones: () => fillPhoneKeys(db, region),
      region,
    };
    const pass = async (expect: (r: ContactPassResult) => boolean) => {
      const before = { ms: meter.ms(), n: meter.requests() };
      const cpu = process.cpuUsage();
      const t = await timeAsync(() => syncContacts(deps, session, account));
      const used = process.cpuUsage(cpu);
      if (t.value.errors.length > 0) throw new Error(`the contact pass failed: ${t.value.errors[0]}`);
      const counts = t.value;
      if (!expect(counts))
        throw new Error(`unexpected pass: ${JSON.stringify({ ...counts, conflicts: undefined })}`);
      const serverMs = meter.ms() - before.ms;
      const slowest = meter
        .each()
        .slice(before.n)
        .reduce((a, b) => (b.ms > a.ms ? b : a));
      const note = `server's share ${((serverMs / t.ms) * 100).toFixed(0)}% (${serverMs.toFixed(0)} ms on ${meter.requests() - before.n} requests, the longest a ${slowest.method} of ${slowest.ms.toFixed(0)} ms); ${((used.user + used.system) / 1000).toFixed(0)} ms of CPU in this process; pushed ${counts.pushed}, pulled ${counts.pulled}, created ${counts.created}`;
      return { ms: t.ms, appMs: t.ms - serverMs, note };
    };

    const first = await pass((r) => r.created === 0 && r.reviews === 0);
    record({
      name: `contacts: first link, ${size} cards by UID (Radicale, cold)`,
      value: first.ms,
      unit: 'ms',
      note: `${first.note}; Radicale parses every card once`,
    });

    // One contact edited here: the pass PUTs its card (If-Match) and reads nothing else.
    const edited = await context.dispatch('contacts.update', {
      id: ids[10],
      patch: { title: 'Changed here' },
    });
    if (!edited.ok) throw new Error(`contacts.update failed: ${edited.error.message}`);
    const here = await pass((r) => r.pushed === 1 && r.pulled === 0);
    record({
      name: `contacts: incremental pass, one contact changed here, ${size} linked (Radicale)`,
      value: here.ms,
      unit: 'ms',
      target: 1000,
      note: here.note,
    });
    record({
      name: `contacts: the same pass, the app's own time (without Radicale's answers)`,
      value: here.appMs,
      unit: 'ms',
      target: 1000,
      note: 'the pass less the time waiting for the server: what this app can make faster',
    });

    // One card edited on the server by its own PUT, as a phone does; the pass reads it and merges.
    const cardUrl = new URL(`${path}${contactUid(ids[20]!)}.vcf`, server.base);
    const got = await fetch(cardUrl, { headers: server.headers });
    const text = (await got.text()).replace('END:VCARD', 'TITLE:Changed on the phone\r\nEND:VCARD');
    const put = await fetch(cardUrl, {
      method: 'PUT',
      headers: {
        ...server.headers,
        'if-match': got.headers.get('etag') ?? '*',
        'content-type': 'text/vcard; charset=utf-8',
      },
      body: text,
    });
    await put.arrayBuffer();
    if (!put.ok) throw new Error(`the phone's PUT was refused (HTTP ${put.status})`);
    const there = await pass((r) => r.pulled === 1 && r.pushed === 0);
    record({
      name: `contacts: incremental pass, one card changed on the server, ${size} linked (Radicale)`,
      value: there.ms,
      unit: 'ms',
      target: 1000,
      note: there.note,
    });
    record({
      name: `contacts: the same pass, the app's own time (without Radicale's answers)`,
      value: there.appMs,
      unit: 'ms',
      target: 1000,
      note: 'the pass less the time waiting for the server: what this app can make faster',
    });
  } finally {
    meter.restore();
    await server.stop();
    context?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const source = openSeededBench(benchDatabaseArg('contact-sync.ts'));
  const dir = mkdtempSync(join(tmpdir(), 'ft-bench-contacts-'));
  try {
    const copy = join(dir, 'contacts.db');
    try {
      await source.db.backup(copy);
    } finally {
      source.close();
    }
    const rows: BenchRow[] = [];
    await benchContactSync(copy, Number(process.argv[3] ?? CARDDAV_CONTACTS), (row) => {
      rows.push(row);
      process.stderr.write(`  ${row.name}: ${row.value.toFixed(0)} ${row.unit}\n`);
    });
    console.log(formatTable(rows));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
