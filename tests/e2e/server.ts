import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { NODE_FLAGS } from '../../src/main/cli/node-flags.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'src/main/cli/index.ts');
const NODE_ARGS = [...NODE_FLAGS, CLI];

export interface RunningServer {
  url: string;
  origin: string;
  token: string;
  dbPath: string;
  /** Calls the API like the app does (POST /api/<method> with the token); throws on an error envelope. */
  call: <T = unknown>(method: string, input?: unknown) => Promise<T>;
  stop: () => Promise<void>;
}

export interface ServerOptions {
  /** Starts a test clock at this instant (serve --test-clock --now); testing.setNow moves it. */
  now?: string | undefined;
  /** The server's system time zone (default E2E_TIME_ZONE). */
  timeZone?: string;
}

/** Server and browser agree on the zone (playwright.config.ts sets the same for Chromium). */
export const E2E_TIME_ZONE = 'Europe/London';

/** Runs the real CLI with this Node (Playwright runs under the project's Node 24). */
export async function runCli(args: string[]): Promise<string> {
  const child = spawn(process.execPath, [...NODE_ARGS, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d;
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d;
  });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0) throw new Error(`followthrough ${args.join(' ')} exited ${code}:\n${err}`);
  return out;
}

export async function makeDatabaseDir(): Promise<{
  dir: string;
  dbPath: string;
  cleanup: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'followthrough-e2e-'));
  return { dir, dbPath: join(dir, 'test.db'), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Starts `serve --json` and waits for its one JSON line: {"url","port","token"}. */
export async function startServer(dbPath: string, options: ServerOptions = {}): Promise<RunningServer> {
  const clockArgs = options.now ? ['--test-clock', '--now', options.now] : [];
  const child = spawn(
    process.execPath,
    [...NODE_ARGS, 'serve', '--db', dbPath, '--port', '0', '--json', ...clockArgs],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TZ: options.timeZone ?? E2E_TIME_ZONE },
    },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d;
  });
  const line = await new Promise<string>((done, fail) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => fail(new Error(`serve printed nothing in 15 s:\n${stderr}`)), 15_000);
    lines.on('line', (l) => {
      if (!l.trim().startsWith('{')) return;
      clearTimeout(timer);
      lines.close();
      done(l);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`serve exited ${code} before printing its address:\n${stderr}`));
    });
  });
  const info = JSON.parse(line) as { url: string; port: number; token: string };
  const origin = new URL(info.url).origin;
  return {
    url: info.url,
    origin,
    token: info.token,
    dbPath,
    call: (method, input) => callApi(origin, info.token, method, input),
    stop: () => stop(child),
  };
}

async function callApi<T>(origin: string, token: string, method: string, input: unknown): Promise<T> {
  const response = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  });
  const envelope = (await response.json()) as
    | { ok: true; value: T }
    | { ok: false; error: { code: string; message: string } };
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
