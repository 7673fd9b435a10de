import { ApiError } from '../../../shared/api/errors.ts';
import type { SyncContactsPending } from '../../../shared/domain/sync-contacts.ts';
import type { HandlerDeps } from '../../core/handler-deps.ts';
import { type RegistrySlice, read, write } from '../../core/registry.ts';
import { getContact } from '../../store/contacts-store.ts';
import { addressbookState, cardsInState, getReview, listReviews } from '../../store/sync-cards-store.ts';
import { listSyncAccounts } from '../../store/sync-store.ts';
import { SyncError } from '../sync-error.ts';
import { CardDavError } from './carddav.ts';
import { confirmDeletes, keepServerCards } from './conflicts.ts';
import { accountSession, contactPassDeps } from './contact-session.ts';
import { resolveReview } from './reviews.ts';
import { readCardFields } from './synced-fields.ts';

type PendingHandlers = RegistrySlice<
  'sync.contacts.pending' | 'sync.contacts.deletes' | 'sync.contacts.review'
>;

export function pendingHandlers(deps: HandlerDeps): PendingHandlers {
  const { db } = deps;
  const cardName = (card: string) => {
    try {
      return readCardFields(card).fields.displayName;
    } catch {
      return '';
    }
  };
  return {
    'sync.contacts.pending': read((): SyncContactsPending => {
      const accounts = listSyncAccounts(db);
      return {
        deletes: accounts.flatMap((a) =>
          cardsInState(db, a.id, 'deleted-here').map((r) => ({
            accountId: a.id,
            contactId: r.contactId,
            name: cardName(r.card),
            href: r.href,
          })),
        ),
        reviews: accounts.flatMap((a) =>
          listReviews(db, a.id).map((r) => ({
            accountId: a.id,
            href: r.href,
            contactId: r.contactId,
            contactName: getContact(db, r.contactId)?.displayName ?? '',
            cardName: cardName(r.card),
            reason: r.reason,
          })),
        ),
      };
    }),

    // Deletes on the server happen only here, on the user's word (issue 14).
    'sync.contacts.deletes': write(['sync', 'contacts'], async ({ id, confirm }) => {
      const book = addressbookState(db, id);
      if (!book) throw new ApiError('not_found', `There is no sync account with id ${id}.`);
      if (!confirm) {
        const kept = keepServerCards({ db }, id);
        return { deleted: 0, kept, messages: [] };
      }
      if (!book.url) return { deleted: 0, kept: 0, messages: [] };
      try {
        const out = await confirmDeletes({ db }, await accountSession(deps, id), id, book.url);
        return { deleted: out.deleted, kept: out.kept.length, messages: out.kept };
      } catch (error) {
        if (error instanceof SyncError || error instanceof CardDavError)
          throw new ApiError('upstream', error.message, [{ path: 'id', message: error.message }]);
        throw error;
      }
    }),

    'sync.contacts.review': write(['sync', 'contacts'], ({ id, href, decision }) => {
      if (!getReview(db, id, href))
        throw new ApiError('not_found', `No card at ${href} waits for review.`, [
          { path: 'href', message: 'is not in review' },
        ]);
      try {
        return resolveReview(contactPassDeps(deps), id, href, decision);
      } catch (error) {
        throw new ApiError('conflict', (error as Error).message, [
          { path: 'decision', message: (error as Error).message },
        ]);
      }
    }),
  };
}
