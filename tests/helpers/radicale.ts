// A real CalDAV/CardDAV server (Debian's radicale): started on 127.0.0.1 on a free port with a
// temp config and storage. Without `users` anyone may log in (the validator tests PUT objects and
// read its verdict); with `users` it asks for Basic auth against an htpasswd file, like a real
// server (the sync tests).
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireTool } from './require-tool.ts';
import { freePort, stopChild, waitForHttp } from './servers.ts';

export interface Radicale {
  /** http://127.0.0.1:<port> */
  base: string;
  port: number;
  /** Headers for user "test" (or the first of `users`), whose collections live under /<user>/. */
  headers: Record<string, string>;
  /** The server's pid while it runs. */
  readonly pid: number | null;
  stop(): Promise<void>;
}

export interface RadicaleOptions {
  /** user → password; Basic auth (htpasswd, plain) is required when given. */
  users?: Record<string, string>;
}

/** Starts Radicale with its config and storage inside `dir`; fails if it is not installed. */
export async function startRadicale(dir: string, options: RadicaleOptions = {}): Promise<Radicale> {
  requireTool('radicale', 'radicale');
  const port = await freePort();
  const config = join(dir, 'radicale.conf');
  const users = Object.entries(options.users ?? {});
  let auth = '[auth]\ntype = none\n';
  if (users.length > 0) {
    const htpasswd = join(dir, 'radicale.htpasswd');
    writeFileSync(htpasswd, users.map(([u, p]) => `${u}:${p}\n`).join(''));
    auth = `[auth]\ntype = htpasswd\nhtpasswd_filename = ${htpasswd}\nhtpasswd_encryption = plain\n`;
  }
  writeFileSync(
    config,
    `[server]\nhosts = 127.0.0.1:${port}\n${auth}[rights]\ntype = authenticated\n[storage]\nfilesystem_folder = ${join(dir, 'radicale')}\n[logging]\nlevel = warning\n`,
  );
  const child: ChildProcess = spawn('radicale', ['--config', config], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(base, child, 'Radicale');
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  const [user, password] = users[0] ?? ['test', 'x'];
  return {
    base,
    port,
    headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
    get pid() {
      return child.exitCode === null && child.signalCode === null ? (child.pid ?? null) : null;
    },
    stop: () => stopChild(child),
  };
}

/** Extended MKCOL (RFC 5689) body making a CardDAV address book (RFC 6352 §6.3.1). */
export const ADDRESS_BOOK_MKCOL = `<?xml version="1.0" encoding="utf-8"?>
<D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">
  <D:set><D:prop><D:resourcetype><D:collection/><C:addressbook/></D:resourcetype></D:prop></D:set>
</D:mkcol>`;
