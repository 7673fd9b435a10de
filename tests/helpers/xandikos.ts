// A second real CalDAV/CardDAV server (Debian's xandikos, shared/TOOLCHAIN.md): `--defaults`
// makes the principal /user/ with /user/calendars/calendar/ and /user/contacts/addressbook/. It
// has no authentication (it ignores the Basic header) and offers sync-collection (RFC 6578),
// where Radicale is read by ctag and ETags: the sync tests run against both.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { requireTool } from './require-tool.ts';
import { freePort, stopChild, waitForHttp } from './servers.ts';

export interface Xandikos {
  /** http://127.0.0.1:<port> */
  base: string;
  port: number;
  readonly pid: number | null;
  stop(): Promise<void>;
}

export async function startXandikos(dir: string): Promise<Xandikos> {
  requireTool('xandikos', 'xandikos');
  const port = await freePort();
  const data = join(dir, 'xandikos');
  mkdirSync(data, { recursive: true });
  const child: ChildProcess = spawn(
    'xandikos',
    ['--defaults', '-d', data, '-l', '127.0.0.1', '-p', String(port)],
    { stdio: 'ignore' },
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(base, child, 'Xandikos');
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return {
    base,
    port,
    get pid() {
      return child.exitCode === null && child.signalCode === null ? (child.pid ?? null) : null;
    },
    stop: () => stopChild(child),
  };
}
