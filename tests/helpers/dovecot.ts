// A real IMAP server (Debian's dovecot-imapd) for the mail sync tests: started on 127.0.0.1 with
// its own config, passwd-file users and Maildirs in a temp folder, so tests deliver mail by IMAP
// APPEND as a real delivery would and sync against what a real server answers. Settings and the
// permissions they need are explained in shared/TOOLCHAIN.md ("Mail and sync servers for tests").
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { requireTool } from './require-tool.ts';
import { freePort } from './servers.ts';

export interface Dovecot {
  host: '127.0.0.1';
  port: number;
  dir: string;
  /** The master process while it runs, else null. */
  readonly pid: number | null;
  /** Runs `fn` on a connection logged in as the user (as their own mail app), then logs out. */
  withClient<T>(user: string, fn: (client: ImapFlow) => Promise<T>): Promise<T>;
  /** Places a message in a user's folder by IMAP APPEND; resolves with its UID. */
  appendMessage(user: string, folder: string, rfc822: string, internalDate?: Date): Promise<number>;
  /** Deletes and creates the folder again (new UIDVALIDITY), then appends `messages` to it. */
  recreateMailbox(user: string, folder: string, messages?: string[]): Promise<void>;
  uidValidity(user: string, folder: string): Promise<bigint>;
  /** Ends the server (by its pid), keeping its mail; `start` brings it back on the same port. */
  stop(): Promise<void>;
  /**
   * Kills the master and every process under it at once (SIGKILL), as a crash or a cut cable
   * would: open sessions die with it. Synchronous, so a test can do it between two commands.
   */
  kill(): void;
  start(): Promise<void>;
  /** Stops the server and removes its folder. */
  cleanup(): Promise<void>;
}

/** Every master still running when the test process exits is ended, also after a failure. */
const running = new Set<number>();
process.once('exit', () => {
  for (const pid of running) signal([pid, ...descendants(pid)], 'SIGKILL');
});

export interface DovecotOptions {
  /** Offer STARTTLS with a self-signed certificate for 127.0.0.1 (made by openssl). */
  starttls?: boolean;
}

export async function startDovecot(
  users: Record<string, string>,
  options: DovecotOptions = {},
): Promise<Dovecot> {
  requireTool('dovecot', 'dovecot-imapd');
  const dir = mkdtempSync(join(tmpdir(), 'ft-dovecot-'));
  // mkdtemp makes it 0700; the auth process runs as "dovecot" and must reach the passwd file.
  chmodSync(dir, 0o711);
  for (const sub of ['base', 'state', 'home']) mkdirSync(join(dir, sub));
  // Maildirs are written as dovenull (the static userdb below).
  const dovenull = spawnSync('id', ['-u', 'dovenull'], { encoding: 'utf8' });
  const dovenullGroup = spawnSync('id', ['-g', 'dovenull'], { encoding: 'utf8' });
  chownSync(join(dir, 'home'), Number(dovenull.stdout.trim()), Number(dovenullGroup.stdout.trim()));
  const passwd = join(dir, 'passwd');
  writeFileSync(
    passwd,
    Object.entries(users)
      .map(([user, password]) => `${user}:{PLAIN}${password}\n`)
      .join(''),
  );
  chmodSync(passwd, 0o644);
  const port = await freePort();
  const config = join(dir, 'dovecot.conf');
  writeFileSync(
    config,
    dovecotConfig(dir, port, passwd, options.starttls ? selfSignedCertificate(dir) : null),
  );

  let pid: number | null = null;
  const pidFile = join(dir, 'base', 'master.pid');
  const start = async () => {
    if (pid !== null) return;
    // After kill(): its processes gone and the port free again; a killed master left its pid file.
    await stop();
    rmSync(pidFile, { force: true });
    // The daemon keeps inherited pipes open, so spawnSync would wait for it: its output goes
    // to the log file instead.
    const run = spawnSync('dovecot', ['-c', config], { stdio: 'ignore' });
    if (run.status !== 0) throw new Error(`dovecot did not start (exit ${run.status}):\n${readLog(dir)}`);
    pid = await readPid(pidFile, dir);
    running.add(pid);
    try {
      await waitForGreeting(port);
    } catch (error) {
      await stop();
      throw new Error(`${(error as Error).message}\n${readLog(dir)}`);
    }
  };
  let orphans: number[] = [];
  const stop = async () => {
    if (pid === null) {
      await waitGone(orphans);
      orphans = [];
      for (let i = 0; i < 100 && (await answers(port)); i++) await sleep(50);
      return;
    }
    const master = pid;
    pid = null;
    // A session Dovecot lets finish on its own would outlive the master: end them too.
    const children = descendants(master);
    signal([master], 'SIGTERM');
    for (let i = 0; i < 100 && alive(master); i++) await sleep(50);
    signal([master, ...children], 'SIGKILL');
    await waitGone([master, ...children]);
    running.delete(master);
    // Its children (imap, imap-login, auth) follow the master; wait until the port is free.
    for (let i = 0; i < 100 && (await answers(port)); i++) await sleep(50);
  };

  const withClient = async <T>(user: string, fn: (client: ImapFlow) => Promise<T>): Promise<T> => {
    const password = users[user];
    if (password === undefined) throw new Error(`No Dovecot user ${user}`);
    const client = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user, pass: password },
      // The STARTTLS server's certificate is self-signed.
      tls: { rejectUnauthorized: false },
      logger: false,
    });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  };

  await start();
  return {
    host: '127.0.0.1',
    port,
    dir,
    get pid() {
      return pid;
    },
    withClient,
    appendMessage: (user, folder, rfc822, internalDate) =>
      withClient(user, async (client) => {
        const result = await client.append(folder, toCrlf(rfc822), [], internalDate);
        if (!result || result.uid === undefined) throw new Error(`APPEND to ${folder} returned no UID`);
        return result.uid;
      }),
    recreateMailbox: (user, folder, messages = []) =>
      withClient(user, async (client) => {
        await client.mailboxDelete(folder);
        await client.mailboxCreate(folder);
        for (const message of messages) await client.append(folder, toCrlf(message));
      }),
    uidValidity: (user, folder) =>
      withClient(user, async (client) => {
        const status = await client.status(folder, { uidValidity: true });
        if (!status || status.uidValidity === undefined) throw new Error(`No UIDVALIDITY for ${folder}`);
        return status.uidValidity;
      }),
    stop,
    start,
    kill() {
      if (pid === null) return;
      const master = pid;
      pid = null;
      orphans = [master, ...descendants(master)];
      signal(orphans, 'SIGKILL');
      running.delete(master);
    },
    async cleanup() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A throwaway key and certificate for 127.0.0.1, readable by Dovecot's processes. */
function selfSignedCertificate(dir: string): { cert: string; key: string } {
  requireTool('openssl', 'openssl');
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const run = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`openssl could not make a certificate: ${run.stderr}`);
  return { cert, key };
}

function dovecotConfig(
  dir: string,
  port: number,
  passwd: string,
  tls: { cert: string; key: string } | null,
): string {
  const ssl = tls ? `ssl = yes\nssl_cert = <${tls.cert}\nssl_key = <${tls.key}` : 'ssl = no';
  return `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/base
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
${ssl}
disable_plaintext_auth = no
auth_mechanisms = plain login
# A wrong password is answered at once, not after Dovecot's delay and its growing per-IP
# penalty (anvil's listener is closed below), so the tests of refused logins stay quick.
auth_failure_delay = 0
first_valid_uid = 1
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${passwd}
}
userdb {
  driver = static
  args = uid=dovenull gid=dovenull home=${dir}/home/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
namespace inbox {
  inbox = yes
  mailbox Sent {
    special_use = \\Sent
    auto = create
  }
  mailbox Drafts {
    special_use = \\Drafts
    auto = create
  }
}
`;
}

/** A message with its lines ended by CRLF, as RFC 5322 (and APPEND) expects. */
export function toCrlf(message: string): string {
  return message.replace(/\r?\n/g, '\r\n');
}

export interface TestMessage {
  from: string;
  to: string | string[];
  cc?: string[];
  subject: string;
  date: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  body?: string;
}

/** An RFC 5322 message with the headers the sync reads (and a body it must never keep). */
export function rfc822(m: TestMessage): string {
  const lines = [
    `From: ${m.from}`,
    `To: ${[m.to].flat().join(', ')}`,
    ...(m.cc?.length ? [`Cc: ${m.cc.join(', ')}`] : []),
    `Subject: ${m.subject}`,
    `Date: ${new Date(m.date).toUTCString().replace('GMT', '+0000')}`,
    ...(m.messageId ? [`Message-ID: <${m.messageId}>`] : []),
    ...(m.inReplyTo ? [`In-Reply-To: <${m.inReplyTo}>`] : []),
    ...(m.references?.length ? [`References: ${m.references.map((r) => `<${r}>`).join(' ')}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    m.body ?? 'The body of this message is never stored.',
    '',
  ];
  return lines.join('\r\n');
}

function readLog(dir: string): string {
  const log = join(dir, 'dovecot.log');
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-20).join('\n') : '';
}

/** Every process under `pid` (Linux /proc), deepest last. */
function descendants(pid: number): number[] {
  const out: number[] = [];
  const visit = (parent: number) => {
    let children: number[] = [];
    try {
      children = readFileSync(`/proc/${parent}/task/${parent}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number);
    } catch {
      // gone, or not Linux
    }
    for (const child of children) {
      out.push(child);
      visit(child);
    }
  };
  visit(pid);
  return out;
}

/**
 * The master's pid once Dovecot has written it whole. The file can exist before its digits do,
 * and Number('') is 0: kill(0) signals this whole process group, which once ended a CI run
 * (exit 143) in the middle of the unit tests.
 */
async function readPid(pidFile: string, dir: string): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const text = existsSync(pidFile) ? readFileSync(pidFile, 'utf8').trim() : '';
    if (/^[1-9][0-9]*$/.test(text) && Number(text) > 1) return Number(text);
    await sleep(50);
  }
  throw new Error(`dovecot wrote no pid to ${pidFile}:\n${readLog(dir)}`);
}

/** Only real, single processes: 0, 1 and negative pids name groups or init, never a server. */
function signal(pids: readonly number[], name: NodeJS.Signals): void {
  for (const p of pids) {
    if (!Number.isInteger(p) || p <= 1) continue;
    try {
      process.kill(p, name);
    } catch {
      // already gone
    }
  }
}

async function waitGone(pids: readonly number[]): Promise<void> {
  for (let i = 0; i < 100 && pids.some(alive); i++) await sleep(50);
}

/** Running, and not a zombie: the daemon's parent is init, which may be slow to reap it. */
export function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 1) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether something accepts connections on the port. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Waits for the IMAP greeting ("* OK"), not merely an open port. */
async function waitForGreeting(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.setTimeout(1000, () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
    });
    if (greeted) return;
    await sleep(100);
  }
  throw new Error(`Dovecot did not answer on 127.0.0.1:${port}`);
}
