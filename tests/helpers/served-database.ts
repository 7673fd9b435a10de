import { afterEach, beforeEach } from 'vitest';
import { makeDatabaseDir, type RunningServer, type ServerOptions, startServer } from '../e2e/server.ts';

/**
 * A fresh database folder for each test, and `serve` on it when the test asks, as a child
 * process like a user's; stopped and removed after the test, also when it fails.
 */
export function servedDatabase() {
  let dir: Awaited<ReturnType<typeof makeDatabaseDir>> | undefined;
  let server: RunningServer | undefined;
  beforeEach(async () => {
    dir = await makeDatabaseDir();
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    await dir?.cleanup();
  });
  const current = () => {
    if (!dir) throw new Error('servedDatabase() is used inside a test');
    return dir;
  };
  return {
    get dbPath(): string {
      return current().dbPath;
    },
    /** Starts `serve` (stopping the one already running, as a restart would). */
    async start(options: ServerOptions = {}): Promise<RunningServer> {
      await server?.stop();
      server = await startServer(current().dbPath, options);
      return server;
    },
  };
}
