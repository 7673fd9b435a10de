import { useRef, useState } from 'react';
import type { DuplicatePair } from '../../../shared/domain/imports.ts';
import { useApi } from '../api/ApiContext.tsx';
import { toApiError } from '../api/errors.ts';
import { useApiData } from '../api/useApiData.ts';
import { navigate } from '../app/router.ts';
import { plural } from '../format/text.ts';
import { Button } from '../ui/Button.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { useToast } from '../ui/Toast.tsx';
import { useListKeys } from '../ui/useListKeys.ts';
import { DuplicatePairCard } from './DuplicatePairCard.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import { SyncConflicts } from './SyncConflicts.tsx';
import { SyncPending } from './SyncPending.tsx';
import { useMergeActions } from './useMergeActions.ts';
import './duplicates.css';

const pairKey = (p: { a: { id: number }; b: { id: number } }) => `${p.a.id}:${p.b.id}`;

/** Likely duplicates, strongest reasons first; merge with a choice per field, or dismiss. */
export function DuplicatesScreen() {
  const api = useApi();
  const toast = useToast();
  const pairs = useApiData('duplicates.list', (a) => a['duplicates.list']({}), ['contacts']);
  // Offered only while there is a merge to undo, and it says which.
  const last = useApiData('contacts.lastMerge', (a) => a['contacts.lastMerge']({}), ['contacts']);
  const [merging, setMerging] = useState<DuplicatePair | null>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const { undo } = useMergeActions();

  const dismiss = async (pair: DuplicatePair) => {
    setBusyKey(pairKey(pair));
    try {
      await api['duplicates.dismiss']({ a: pair.a.id, b: pair.b.id });
      pairs.set((pairs.data ?? []).filter((p) => pairKey(p) !== pairKey(pair)));
      toast({
        tone: 'info',
        message: `${pair.a.displayName} and ${pair.b.displayName} will not be offered again`,
      });
    } catch (e) {
      toast({ tone: 'error', message: 'Could not dismiss the pair', detail: toApiError(e).describe() });
    } finally {
      setBusyKey(null);
    }
  };

  const list = pairs.data ?? [];
  const listRef = useRef<HTMLUListElement>(null);
  // ↑/↓ go from pair to pair, Enter on a pair merges it, Tab reaches its links and buttons.
  useListKeys(listRef, '.dup-card', list.length > 0);
  return (
    <div className="screen duplicates-screen">
      <header className="screen-header">
        <div className="screen-title">
          <h1>Duplicates</h1>
          <span className="screen-count">{pairs.data ? plural(list.length, 'likely pair') : ''}</span>
        </div>
      </header>
      <div className="dup-body">
        <div className="dup-toolbar">
          <p className="muted dup-intro">
            {list.length
              ? 'People who share an e-mail, a phone or a LinkedIn profile are almost certainly one person; the same name and company only probably. Merging keeps everything of both.'
              : null}
          </p>
          {last.data ? (
            <Button size="sm" icon="refresh" variant="ghost" onClick={() => void undo()}>
              Undo merge of {last.data.mergedName || 'the last pair'}
            </Button>
          ) : null}
        </div>
        <SyncConflicts />
        <SyncPending />
        {pairs.error ? (
          <ErrorBanner error={pairs.error} title="Could not look for duplicates" onRetry={pairs.reload} />
        ) : null}
        {pairs.data && list.length === 0 ? (
          <EmptyState
            icon="layers"
            title="No likely duplicates"
            actions={<Button onClick={() => navigate('/contacts')}>Back to Contacts</Button>}
          >
            <p>
              Nobody shares an e-mail, a phone number or a LinkedIn profile, and no two people have the same
              name and company.
            </p>
          </EmptyState>
        ) : null}
        {list.length ? (
          <ul className="dup-list" ref={listRef}>
            {list.map((pair) => (
              <DuplicatePairCard
                key={pairKey(pair)}
                pair={pair}
                busy={busyKey === pairKey(pair)}
                onMerge={() => setMerging(pair)}
                onDismiss={() => void dismiss(pair)}
              />
            ))}
          </ul>
        ) : null}
      </div>
      {merging ? (
        <MergeDialog
          aId={merging.a.id}
          bId={merging.b.id}
          onClose={() => setMerging(null)}
          onMerged={() => {
            setMerging(null);
            pairs.reload();
          }}
        />
      ) : null}
    </div>
  );
}
