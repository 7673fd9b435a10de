import { randomUUID } from 'node:crypto';
import { cardOfContact, dropReview, getReview, listReviews, saveCard } from '../../store/sync-cards-store.ts';
import { writeTransaction } from '../../store/transaction.ts';
import { createFromCard, type LocalDeps } from './apply-local.ts';
import { readCardFields } from './synced-fields.ts';

export { listReviews };

/**
 * The user's word on a card the first link could only guess at. 'same': the card is linked to
 * that contact with no base, so the next pass merges them as a first link does (an empty field
 * filled, two different values a conflict). 'different': the card becomes a contact of its own.
 * A contact already linked to another card cannot take this one: that would be two cards for one
 * person on the server, which is for the duplicates view to merge first.
 */
export function resolveReview(
  deps: LocalDeps,
  accountId: number,
  href: string,
  decision: 'same' | 'different',
): { contactId: number } {
  return writeTransaction(deps.db, () => {
    const review = getReview(deps.db, accountId, href);
    if (!review) throw new Error(`No card at ${href} waits for review.`);
    const read = readCardFields(review.card);
    let contactId = review.contactId;
    if (decision === 'same') {
      if (cardOfContact(deps.db, accountId, contactId))
        throw new Error(
          'That contact is already linked to another card on the server; merge the two there first.',
        );
    } else {
      const made = createFromCard(deps, read.fields);
      if ('error' in made) throw new Error(`The card cannot be taken in: ${made.error}.`);
      contactId = made.id;
    }
    saveCard(deps.db, {
      accountId,
      contactId,
      href,
      uid: read.uid ?? randomUUID(),
      etag: review.etag,
      card: review.card,
      // No base for 'same': the next pass merges as at the first link. A new contact is the card.
      base: decision === 'same' ? 'null' : JSON.stringify(read.fields),
      // '' makes the next pass look at it as changed here.
      localUpdatedAt: '',
      state: 'linked',
      syncedAt: deps.now(),
    });
    dropReview(deps.db, accountId, href);
    return { contactId };
  });
}
