import type { Envelope } from '../../shared/api/errors.ts';
import type { ChangeBus } from '../core/change-bus.ts';
import type { Db } from '../store/database.ts';
import { listSyncAccounts, pendingCount } from '../store/sync-store.ts';

/**
 * Sync while the app runs (serve, the desktop app): a pass at start (what was queued while it was
 * closed or offline goes out), one every `everyMs`, and one shortly after a change that queued
 * something in the outbox (debounced, so a bulk action is one pass). Passes go through the
 * dispatcher like any call, one at a time; a failed pass leaves its changes queued and the next
 * tick tries again. Said structurally: sync/ is a domain and does not import app/.
 */
export interface SyncWatchHost {
  db: Db;
  bus: Pick<ChangeBus, 'subscribe'>;
  dispatch(method: 'sync.run', input: Record<string, never>): Promise<Envelope<unknown>>;
}

export interface SyncWatchOptions {
  everyMs?: number;
  debounceMs?: number;
  onError?: (message: string) => void;
}

const EVERY_MS = 5 * 60_000;
const DEBOUNCE_MS = 3000;

export interface SyncWatch {
  /** Resolves once a pass under way has finished. */
  stop(): Promise<void>;
}

export function startSyncWatch(host: SyncWatchHost, options: SyncWatchOptions = {}): SyncWatch {
  const report = options.onError ?? ((message: string) => console.error(`[followthrough] sync: ${message}`));
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let soon: NodeJS.Timeout | undefined;

  const waiting = () => listSyncAccounts(host.db).some((a) => pendingCount(host.db, a.id) > 0);
  const pass = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (listSyncAccounts(host.db).length === 0) return;
    running = host
      .dispatch('sync.run', {})
      .then((reply) => {
        if (!reply.ok) report(reply.error.message);
        else for (const error of (reply.value as { errors: string[] }).errors) report(error);
      })
      .catch((error: unknown) => report(String((error as Error)?.message ?? error)))
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          pass();
        }
      });
  };
  const unsubscribe = host.bus.subscribe((event) => {
    // Its own passes announce 'sync' too: only a change that queued something asks for one.
    if (event.type !== 'data-changed' || stopped || !waiting()) return;
    clearTimeout(soon);
    soon = setTimeout(pass, options.debounceMs ?? DEBOUNCE_MS);
  });
  const timer = setInterval(pass, options.everyMs ?? EVERY_MS);
  const first = setTimeout(pass, 0);
  return {
    async stop() {
      stopped = true;
      unsubscribe();
      clearInterval(timer);
      clearTimeout(first);
      clearTimeout(soon);
      await running;
    },
  };
}
