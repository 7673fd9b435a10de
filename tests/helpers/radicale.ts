// A real CalDAV/CardDAV server (Debian's radicale) for validator tests: started on 127.0.0.1 with
// a temp config and storage, no authentication, so tests PUT objects and read its verdict.
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { requireTool } from './require-tool.ts';

export interface Radicale {
  /** http://127.0.0.1:<port> */
  base: string;
  /** Headers for user "test", whose collections live under /test/. */
  headers: Record<string, string>;
  stop(): void;
}

/** Starts Radicale with its config and storage inside `dir`; fails if it is not installed. */
export async function startRadicale(dir: string): Promise<Radicale> {
  requireTool('radicale', 'radicale');
  const port = await freePort();
  const config = join(dir, 'radicale.conf');
  writeFileSync(
    config,
    `[server]\nhosts = 127.0.0.1:${port}\n[auth]\ntype = none\n[rights]\ntype = authenticated\n[storage]\nfilesystem_folder = ${join(dir, 'radicale')}\n[logging]\nlevel = warning\n`,
  );
  const child: ChildProcess = spawn('radicale', ['--config', config], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(base);
  } catch (error) {
    child.kill();
    throw error;
  }
  return {
    base,
    headers: { authorization: `Basic ${Buffer.from('test:x').toString('base64')}` },
    stop: () => child.kill(),
  };
}

/** Extended MKCOL (RFC 5689) body making a CardDAV address book (RFC 6352 §6.3.1). */
export const ADDRESS_BOOK_MKCOL = `<?xml version="1.0" encoding="utf-8"?>
<D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">
  <D:set><D:prop><D:resourcetype><D:collection/><C:addressbook/></D:resourcetype></D:prop></D:set>
</D:mkcol>`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`Radicale did not start at ${url}`);
}
