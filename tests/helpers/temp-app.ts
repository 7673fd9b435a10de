import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppContext, type AppContextOptions, openAppContext } from '../../src/main/app/context.ts';
import { inMemorySettings } from '../../src/main/settings/settings-store.ts';
import type { Clock } from '../../src/main/time/clock.ts';
import { createApiClient } from '../../src/shared/api/client.ts';
import type { ApiClient } from '../../src/shared/api/contract.ts';
import { unwrap } from '../../src/shared/api/errors.ts';
import type { Settings } from '../../src/shared/settings.ts';

export interface TempApp {
  dir: string;
  databasePath: string;
  context: AppContext;
  api: ApiClient;
  /** Moves the injected clock. */
  setNow(iso: string): void;
  cleanup(): void;
}

export function tempDir(prefix = 'followthrough-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A real database file in a fresh temp folder, behind the real dispatcher, with a movable clock;
 * as the CLI opens it unless a test needs what another shell does (a password from a window).
 */
export function openTempApp(
  nowIso = '2026-03-10T09:00:00.000Z',
  settings: Partial<Settings> = {},
  shell: AppContextOptions['shell'] = 'cli',
): TempApp {
  const dir = tempDir();
  const databasePath = join(dir, 'followthrough.db');
  let now = new Date(nowIso);
  const clock: Clock = () => new Date(now);
  const context = openAppContext({
    shell,
    dataDir: dir,
    databasePath,
    settings: inMemorySettings(settings),
    clock,
    // A handler registered as a read that writes fails its test (see dispatch.ts).
    strictScopes: true,
    onInternalError: (method, error) => {
      throw new Error(`internal error in ${method}: ${String(error)}`);
    },
  });
  const api = createApiClient(
    async (method, input) => unwrap(await context.dispatch(method, input)) as never,
  );
  return {
    dir,
    databasePath,
    context,
    api,
    setNow: (iso) => {
      now = new Date(iso);
    },
    cleanup: () => {
      context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
