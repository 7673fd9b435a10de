import { useState } from 'react';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { toApiError } from '../api/errors.ts';
import { type ApiData, useApiData } from '../api/useApiData.ts';
import { navigate } from '../app/router.ts';
import { plural } from '../format/text.ts';
import { Button } from '../ui/Button.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { Icon } from '../ui/Icon.tsx';
import { useToast } from '../ui/Toast.tsx';
import { useUndo } from '../undo/useUndo.ts';

/** How many imported contacts wait for review (one row asked for: only the total matters). */
export function useImportedCount(enabled: boolean): ApiData<number> {
  return useApiData(
    'contacts.imported-count',
    async (api) => (await api['contacts.list']({ status: 'imported', limit: 1 })).total,
    ['contacts'],
    enabled,
  );
}

/** The toolbar's "Imported — to review (N)" toggle; hidden while nobody waits. */
export function ImportedFilterToggle({
  count,
  active,
  onChange,
}: {
  count: number | undefined;
  active: boolean;
  onChange: (active: boolean) => void;
}) {
  if (!active && !count) return null;
  return (
    <button
      type="button"
      className="filter-chip"
      aria-pressed={active}
      onClick={() => onChange(!active)}
      title="Contacts from an import you have not reviewed yet"
    >
      <Icon name="download" size={14} />
      Imported — to review{count ? ` (${count.toLocaleString()})` : ''}
    </button>
  );
}

/** Above the "to review" list: what it is, and the way out of it. */
export function ImportedReviewBar({ count, onDone }: { count: number; onDone: () => void }) {
  const api = useApi();
  const toast = useToast();
  const { undoAction } = useUndo();
  const [busy, setBusy] = useState(false);

  const markAll = async () => {
    setBusy(true);
    try {
      const { reviewed, undoId } = await api['contacts.markReviewed']({ all: true });
      notifyChanged('contacts', 'followups');
      toast({
        tone: 'success',
        message: `${plural(reviewed, 'contact')} reviewed`,
        detail: 'They join your follow-up plans from now on.',
        action: undoAction(undoId),
      });
      onDone();
    } catch (e) {
      toast({ tone: 'error', message: 'Could not mark them reviewed', detail: toApiError(e).describe() });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="review-bar">
      <p>
        <strong>{plural(count, 'imported contact')} to review.</strong>{' '}
        <span className="muted">Open one to check it; follow-ups are planned once they are reviewed.</span>
      </p>
      <Button
        size="sm"
        variant="primary"
        icon="check"
        busy={busy}
        disabled={count === 0}
        onClick={() => void markAll()}
      >
        Mark all reviewed
      </Button>
    </div>
  );
}

/** The "to review" list is empty: everyone imported has been looked at. */
export function NothingToReview({ onShowAll }: { onShowAll: () => void }) {
  return (
    <EmptyState
      icon="check"
      title="Nothing left to review"
      actions={
        <>
          <Button onClick={onShowAll}>Show all contacts</Button>
          <Button variant="primary" icon="download" onClick={() => navigate('/import')}>
            Import a file
          </Button>
        </>
      }
    >
      <p>Everyone you imported has been reviewed.</p>
    </EmptyState>
  );
}
