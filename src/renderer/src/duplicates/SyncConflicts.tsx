import { useState } from 'react';
import type { SyncConflictItem } from '../../../shared/domain/sync-conflicts.ts';
import { useApi } from '../api/ApiContext.tsx';
import { toApiError } from '../api/errors.ts';
import { useApiData } from '../api/useApiData.ts';
import { href } from '../app/router.ts';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { useToast } from '../ui/Toast.tsx';
import { MERGE_FIELD_LABELS } from './mergeFields.ts';

/** Labels for the fields a card carries; a Map, since the field name comes from the database. */
const LABELS = new Map<string, string>([
  ...Object.entries(MERGE_FIELD_LABELS),
  ['nextStepDueOn', 'Next step due'],
]);

const shown = (value: string | null) => (value === null || value === '' ? '(empty)' : value);

/**
 * Contact fields changed both here and on the sync server (a phone, another computer) to
 * different values: both are kept until the user picks one here, and the next sync sends it.
 * Nothing shows while there are none.
 */
export function SyncConflicts() {
  const api = useApi();
  const toast = useToast();
  const conflicts = useApiData('sync.conflicts.list', (a) => a['sync.conflicts.list']({}), [
    'sync',
    'contacts',
  ]);
  const [busy, setBusy] = useState<number | null>(null);

  const resolve = async (c: SyncConflictItem, take: 'local' | 'remote') => {
    setBusy(c.id);
    try {
      await api['sync.conflicts.resolve']({ id: c.id, take });
      conflicts.set((conflicts.data ?? []).filter((x) => x.id !== c.id));
      toast({
        tone: 'info',
        message: `${c.contactName}: kept ${take === 'local' ? 'this computer’s' : 'the server’s'} value`,
      });
    } catch (e) {
      toast({ tone: 'error', message: 'Could not keep that value', detail: toApiError(e).describe() });
    } finally {
      setBusy(null);
    }
  };

  if (conflicts.error)
    return (
      <ErrorBanner
        error={conflicts.error}
        title="Could not load the sync conflicts"
        onRetry={conflicts.reload}
      />
    );
  const list = conflicts.data ?? [];
  if (list.length === 0) return null;
  return (
    <section className="sync-conflicts" aria-labelledby="sync-conflicts-title">
      <h2 id="sync-conflicts-title">Changed on both sides</h2>
      <p className="muted dup-intro">
        These fields were changed here and on your sync server (a phone, another computer) since the last
        sync. Both values are kept until you choose; the next sync sends your choice.
      </p>
      <ul className="dup-list">
        {list.map((c) => {
          const field = LABELS.get(c.field) ?? c.field;
          return (
            <li key={c.id} className="dup-card sync-conflict" aria-label={`${c.contactName}: ${field}`}>
              <div className="sync-conflict-head">
                <a href={href(`/contacts/${c.contactId}`)}>{c.contactName}</a>
                <span className="muted"> · {field}</span>
              </div>
              <div className="dup-actions sync-conflict-choices">
                <Button size="sm" disabled={busy === c.id} onClick={() => void resolve(c, 'local')}>
                  Keep here: {shown(c.local)}
                </Button>
                <Button size="sm" disabled={busy === c.id} onClick={() => void resolve(c, 'remote')}>
                  Keep server’s: {shown(c.remote)}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
