// Issue 12's sync targets against a real Dovecot: part of npm run bench, and runnable alone
// (`node tests/bench/mail-sync.ts DB`, seeding DB with the bench's network of 50,000 contacts
// first when it does not exist; the sync adds to DB, so give a copy to run it again).
import { spawnSync } from 'node:child_process';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dispatch } from '../../src/main/api/dispatch.ts';
import { pick, seededRandom } from '../../src/main/seed/random.ts';
import type { Db } from '../../src/main/store/database.ts';
import type { MailSyncResult } from '../../src/shared/domain/mail.ts';
import { startDovecot } from '../helpers/dovecot.ts';
import { BENCH_NOW, benchDatabaseArg, openSeededBench } from './seeded-bench.ts';
import { type BenchRow, formatTable, percentile, timeAsync } from './stats.ts';

const MESSAGES = Number(process.env.BENCH_MAIL_MESSAGES ?? 20_000);
const USER = 'bench';
const PASSWORD = 'bench-mail-pw-7Qx';
const VARIABLE = 'FT_BENCH_MAIL_PASSWORD';
const ME = 'me@bench.example';
const DAY_MS = 86_400_000;

/**
 * The mailbox, written straight into the user's Maildir as a delivery agent (Dovecot's LDA,
 * procmail, getmail) writes it: one file per message, named by the Maildir convention, its mtime
 * the arrival time (which Dovecot reports as INTERNALDATE). Twenty thousand IMAP APPENDs would
 * take minutes; the server indexes these files at the first SELECT, as it does any delivery.
 * Four in five are in INBOX (half from a contact of the seed, the rest from strangers), one in five
 * in Sent (two in three to contacts, some to several people); some reply to earlier ones.
 */
function fillMaildir(
  maildir: string,
  contacts: readonly string[],
  now: Date,
): { inbox: number; sent: number } {
  // The seed's generator: the same mailbox every run.
  const rand = seededRandom(12);
  const folders = { inbox: maildir, sent: join(maildir, '.Sent') };
  for (const folder of Object.values(folders))
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(folder, sub), { recursive: true });
  const counts = { inbox: 0, sent: 0 };
  const ids: string[] = [];
  const start = now.getTime() - 330 * DAY_MS;
  for (let i = 0; i < MESSAGES; i++) {
    const at = new Date(start + Math.floor((i / MESSAGES) * 329 * DAY_MS) + Math.floor(rand() * 3_600_000));
    const sent = i % 5 === 4;
    const stranger = `person${Math.floor(rand() * 3000)}@strangers.example`;
    const other = sent
      ? rand() < 2 / 3
        ? pick(rand, contacts)
        : stranger
      : rand() < 0.5
        ? pick(rand, contacts)
        : stranger;
    const cc = rand() < 0.1 ? [pick(rand, contacts), `colleague${i % 50}@work.example`] : [];
    const id = `bench-${i}@${sent ? 'bench.example' : 'sender.example'}`;
    const replyTo = ids.length > 0 && rand() < 0.3 ? pick(rand, ids) : null;
    ids.push(id);
    const lines = [
      `Return-Path: <${sent ? ME : other}>`,
      `Received: from mx${i % 13}.example.net by mx.bench.example with ESMTPS id ${i.toString(36)}; ${at.toUTCString()}`,
      `From: ${sent ? `Me <${ME}>` : `Person ${i % 997} <${other}>`}`,
      `To: ${sent ? other : `Me <${ME}>`}`,
      ...(cc.length ? [`Cc: ${cc.join(', ')}`] : []),
      `Subject: ${replyTo ? 'Re: ' : ''}About the plan, part ${i}`,
      `Date: ${at.toUTCString().replace('GMT', '+0000')}`,
      `Message-ID: <${id}>`,
      ...(replyTo ? [`In-Reply-To: <${replyTo}>`, `References: <${replyTo}>`] : []),
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      `Hello,\r\n\r\nThis is message ${i}; its body is never read by the sync.\r\n`,
    ];
    const bytes = Buffer.from(lines.join('\r\n'));
    const folder = sent ? folders.sent : folders.inbox;
    const seconds = Math.floor(at.getTime() / 1000);
    // Seen, so straight into cur/ with its flags (Maildir's ":2,S"), as a client would leave it.
    const file = join(folder, 'cur', `${seconds}.M${i}P${process.pid}.bench,S=${bytes.length}:2,S`);
    writeFileSync(file, bytes);
    utimesSync(file, at, at);
    counts[sent ? 'sent' : 'inbox']++;
  }
  return counts;
}

export async function benchMailSync(
  context: { db: Db; dispatch: Dispatch },
  record: (row: BenchRow) => void,
  now: string,
): Promise<void> {
  const contacts = context.db
    .prepare('SELECT value FROM contact_emails WHERE position = 0 ORDER BY contact_id LIMIT 50000')
    .pluck()
    .all() as string[];
  if (contacts.length === 0) throw new Error('the seed has no contact with an e-mail address');
  const server = await startDovecot({ [USER]: PASSWORD });
  try {
    const maildir = join(server.dir, 'home', USER, 'Maildir');
    const filling = performance.now();
    const filled = fillMaildir(maildir, contacts, new Date(now));
    // Dovecot reads and writes the Maildir as dovenull (its static userdb).
    const chown = spawnSync('chown', ['-R', 'dovenull:dovenull', join(server.dir, 'home', USER)]);
    if (chown.status !== 0) throw new Error(`chown of the Maildir failed: ${chown.stderr}`);
    const filledMs = performance.now() - filling;
    // A live server has long indexed what was delivered; here the first SELECT of each folder
    // builds Dovecot's index of the files just written (the user's mail app would have opened
    // them). Timed apart, so the row measures the sync, not the server catching up on delivery.
    const indexing = performance.now();
    await server.withClient(USER, async (client) => {
      for (const folder of ['INBOX', 'Sent'])
        (await client.getMailboxLock(folder, { readOnly: true })).release();
    });
    const indexedMs = performance.now() - indexing;

    process.env[VARIABLE] = PASSWORD;
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const reply = await context.dispatch(method, input);
      if (!reply.ok) throw new Error(`${method} failed: ${reply.error.message}`);
      return reply.value as T;
    };
    await call('mail.accounts.add', {
      name: 'Bench',
      host: '127.0.0.1',
      port: server.port,
      security: 'insecure-local',
      user: USER,
      credential: { kind: 'env', variable: VARIABLE },
      myAddresses: [ME],
      idle: false,
      verify: false,
    });
    // The CPU of this process beside the wall clock: on a loaded machine the wall clock also
    // counts the waits for a core (Dovecot's processes share them).
    const cpuBefore = process.cpuUsage();
    const first = await timeAsync(() => call<MailSyncResult>('mail.sync', {}));
    const cpu = process.cpuUsage(cpuBefore);
    const r = first.value;
    if (r.accounts.some((a) => a.error)) throw new Error(`sync failed: ${r.accounts[0]?.error}`);
    if (r.messages !== MESSAGES)
      throw new Error(`the first sync took in ${r.messages} of ${MESSAGES} messages`);
    record({
      name: `mail first sync, ${MESSAGES.toLocaleString('en')} messages (headers) into the seed`,
      value: first.ms,
      unit: 'ms',
      target: 20_000,
      note: `${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU in this process; ${filled.inbox} in INBOX, ${filled.sent} in Sent, real Dovecot; ${r.matched} matched contacts, ${r.interactions} interactions, ${r.replies} replies, ${r.stepsCompleted} steps completed, ${r.nudgesCancelled} nudges cancelled; Maildir written in ${(filledMs / 1000).toFixed(1)} s, indexed by Dovecot in ${(indexedMs / 1000).toFixed(1)} s`,
    });

    const again: number[] = [];
    for (let i = 0; i < 8; i++) {
      const t = await timeAsync(() => call<MailSyncResult>('mail.sync', {}));
      if (t.value.messages !== 0) throw new Error(`an incremental sync found ${t.value.messages} messages`);
      if (i > 0) again.push(t.ms);
    }
    record({
      name: 'mail incremental sync, nothing new (median)',
      value: percentile(again, 50),
      unit: 'ms',
      target: 300,
      note: `2 folders, login to logout; slowest of ${again.length} ${Math.max(...again).toFixed(0)} ms`,
    });
  } finally {
    await server.cleanup();
  }
}

if (import.meta.main) {
  const context = openSeededBench(benchDatabaseArg('mail-sync.ts'));
  try {
    const rows: BenchRow[] = [];
    await benchMailSync(context, (row) => rows.push(row), BENCH_NOW);
    console.log(formatTable(rows));
  } finally {
    context.close();
  }
}
