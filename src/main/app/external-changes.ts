import type { ChangeScope } from '../../shared/api/pushes.ts';
import type { ChangeBus } from '../core/change-bus.ts';
import { dataVersion } from '../store/data-version.ts';
import type { Db } from '../store/database.ts';

/** Often enough that a page follows a CLI write at once; one cheap pragma each time. */
const CHECK_MS = 2000;
/** Everything in the database; settings live in a file of their own. */
const DATABASE_SCOPES: readonly ChangeScope[] = ['contacts', 'events', 'interactions', 'followups', 'mail'];

/**
 * Writes by another process (the CLI next to the desktop app or `serve`) do not pass this
 * process's dispatcher, so nothing would announce them: an open page would keep showing the old
 * data and the reminder scheduler would not see a step the CLI just planned. A shell that stays
 * running watches the file's data_version and announces every scope when it moves.
 */
export function watchExternalChanges(
  db: Db,
  bus: ChangeBus,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): () => void {
  let seen = dataVersion(db);
  const timer = setInterval(() => {
    try {
      if (!db.open) return;
      const now = dataVersion(db);
      if (now === seen) return;
      seen = now;
      bus.emit({ type: 'data-changed', scopes: DATABASE_SCOPES });
    } catch (error) {
      options.onError?.(error);
    }
  }, options.intervalMs ?? CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
