import { useState } from 'react';
import type { SyncContactsPending } from '../../../shared/domain/sync-contacts.ts';
import { useApi } from '../api/ApiContext.tsx';
import { toApiError } from '../api/errors.ts';
import { useApiData } from '../api/useApiData.ts';
import { href } from '../app/router.ts';
import { plural } from '../format/text.ts';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { useToast } from '../ui/Toast.tsx';

type Review = SyncContactsPending['reviews'][number];

/**
 * What the contact sync does only on the user's word: cards of contacts deleted here (deleted
 * on the server too, or kept there), and server cards that may be someone here. Nothing shows
 * while nothing waits.
 */
export function SyncPending() {
  const api = useApi();
  const toast = useToast();
  const pending = useApiData('sync.contacts.pending', (a) => a['sync.contacts.pending']({}), [
    'sync',
    'contacts',
  ]);
  const [busy, setBusy] = useState(false);

  const act = async (run: () => Promise<unknown>, done: string, failed: string) => {
    setBusy(true);
    try {
      await run();
      toast({ tone: 'info', message: done });
      pending.reload();
    } catch (e) {
      toast({ tone: 'error', message: failed, detail: toApiError(e).describe() });
    } finally {
      setBusy(false);
    }
  };

  if (pending.error)
    return (
      <ErrorBanner
        error={pending.error}
        title="Could not load what the sync waits for"
        onRetry={pending.reload}
      />
    );
  const deletes = pending.data?.deletes ?? [];
  const reviews = pending.data?.reviews ?? [];
  const accounts = [...new Set(deletes.map((d) => d.accountId))];
  const review = (r: Review, decision: 'same' | 'different') =>
    act(
      () => api['sync.contacts.review']({ id: r.accountId, href: r.href, decision }),
      decision === 'same' ? `${r.cardName} linked to ${r.contactName}` : `${r.cardName} added as a contact`,
      'Could not settle the card',
    );
  return (
    <>
      {accounts.map((accountId) => {
        const mine = deletes.filter((d) => d.accountId === accountId);
        return (
          <section key={accountId} className="sync-conflicts" aria-labelledby={`sync-deletes-${accountId}`}>
            <h2 id={`sync-deletes-${accountId}`}>Deleted here, still on the sync server</h2>
            <p className="muted dup-intro">
              {mine.map((d) => d.name || d.href).join(', ')}: delete{' '}
              {mine.length === 1 ? 'this card' : 'these cards'} on the server (and your phone) too, or keep{' '}
              {mine.length === 1 ? 'it' : 'them'} there and bring {mine.length === 1 ? 'it' : 'them'} back
              here?
            </p>
            <div className="sync-pending-actions">
              <Button
                size="sm"
                disabled={busy}
                onClick={() =>
                  void act(
                    () => api['sync.contacts.deletes']({ id: accountId, confirm: false }),
                    `Kept ${plural(mine.length, 'card')} on the server`,
                    'Could not keep the cards',
                  )
                }
              >
                Keep on the server
              </Button>
              <Button
                size="sm"
                variant="danger"
                disabled={busy}
                onClick={() =>
                  void act(
                    () => api['sync.contacts.deletes']({ id: accountId, confirm: true }),
                    `Deleted ${plural(mine.length, 'card')} on the server`,
                    'Could not delete the cards on the server',
                  )
                }
              >
                Delete on the server
              </Button>
            </div>
          </section>
        );
      })}
      {reviews.length ? (
        <section className="sync-conflicts" aria-labelledby="sync-reviews-title">
          <h2 id="sync-reviews-title">On the sync server: the same person?</h2>
          <ul className="dup-list">
            {reviews.map((r) => (
              <li
                key={`${r.accountId}:${r.href}`}
                className="dup-card sync-conflict"
                aria-label={`${r.cardName} on the server`}
              >
                <div className="sync-conflict-head">
                  {r.cardName} on the server · <a href={href(`/contacts/${r.contactId}`)}>{r.contactName}</a>{' '}
                  here
                </div>
                <div className="dup-actions">
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={busy}
                    onClick={() => void review(r, 'different')}
                  >
                    Not the same person
                  </Button>
                  <Button size="sm" variant="primary" disabled={busy} onClick={() => void review(r, 'same')}>
                    Same person
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
