// What the test servers (Radicale, Xandikos, the fault proxy) share: a free loopback port, a
// wait until the server answers, and an end by the child's own pid (never a group, never pid 0).
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** Every server child still running when the test process exits is killed, also after a failure. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) if (child.pid && child.pid > 1) process.kill(child.pid, 'SIGKILL');
});

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Resolves once `url` answers at all (any status); fails if the child exits first or after 10 s. */
export async function waitForHttp(url: string, child: ChildProcess, name: string): Promise<void> {
  running.add(child);
  child.once('exit', () => running.delete(child));
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before answering at ${url}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${name} did not start at ${url}`);
}

/** SIGTERM by the child's pid, SIGKILL after 3 s; resolves when it has exited. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid || child.pid <= 1) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(child.pid, 'SIGKILL');
  }, 3000);
  await exited;
  clearTimeout(timer);
}
