import { useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { Contact } from '../../../shared/domain/contact.ts';
import type { MergeField } from '../../../shared/domain/import-formats.ts';
import { toApiError } from '../api/errors.ts';
import { useApiData } from '../api/useApiData.ts';
import { Button } from '../ui/Button.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { MergeColumns } from './MergeColumns.tsx';
import { useMergeActions } from './useMergeActions.ts';

/**
 * Two people side by side: the kept one on the left, the one merged into it on the right. Every
 * differing field is a choice; lists and history are always united. Swap changes who is kept.
 */
export function MergeDialog({
  aId,
  bId,
  onClose,
  onMerged,
}: {
  aId: number;
  bId: number;
  onClose: () => void;
  onMerged: (keptId: number) => void;
}) {
  const both = useApiData(`merge:${aId}:${bId}`, (api) =>
    Promise.all([api['contacts.get']({ id: aId }), api['contacts.get']({ id: bId })]),
  );
  const [swapped, setSwapped] = useState(false);
  const [take, setTake] = useState<ReadonlySet<MergeField>>(() => new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const { merge } = useMergeActions();

  const pair = both.data;
  const keep: Contact | undefined = pair ? (swapped ? pair[1] : pair[0]) : undefined;
  const other: Contact | undefined = pair ? (swapped ? pair[0] : pair[1]) : undefined;

  const run = async () => {
    if (!keep || !other) return;
    setBusy(true);
    setError(undefined);
    try {
      await merge({
        keepId: keep.id,
        mergeId: other.id,
        take: [...take],
        names: { keep: keep.displayName, merge: other.displayName },
      });
      onMerged(keep.id);
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Merge two contacts"
      description="Choose who stays and which details to keep. E-mails, phones, links, tags and the whole history of both are kept."
      size="lg"
      className="merge-dialog"
      onClose={onClose}
      footer={
        <>
          <Button
            variant="ghost"
            icon="refresh"
            className="merge-swap"
            title="Keep the other contact instead"
            disabled={!pair || busy}
            onClick={() => {
              setSwapped((s) => !s);
              setTake(new Set());
            }}
          >
            Swap sides
          </Button>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" data-autofocus busy={busy} disabled={!pair} onClick={() => void run()}>
            Merge into {keep?.displayName ?? '…'}
          </Button>
        </>
      }
    >
      {both.error ? (
        <ErrorBanner error={both.error} title="Could not load both contacts" onRetry={both.reload} />
      ) : keep && other ? (
        <MergeColumns
          keep={keep}
          other={other}
          take={take}
          onTake={(field, fromOther) =>
            setTake((prev) => {
              const next = new Set(prev);
              if (fromOther) next.add(field);
              else next.delete(field);
              return next;
            })
          }
        />
      ) : (
        <div className="merge-loading" aria-busy="true" />
      )}
      <ErrorBanner error={error} title="Could not merge" />
    </Dialog>
  );
}
