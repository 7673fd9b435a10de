import { z } from 'zod';
import { id } from './common.ts';

/** What the contact sync waits for the user's word on (issue 14). */
export interface SyncContactsPending {
  /** Contacts deleted here whose card is still on the server: deleted there only once confirmed. */
  deletes: { accountId: number; contactId: number; name: string; href: string }[];
  /** Cards the first link matched only by name and company, or a phone under another name. */
  reviews: {
    accountId: number;
    href: string;
    contactId: number;
    contactName: string;
    /** The card's own name for the person. */
    cardName: string;
    reason: string;
  }[];
}

export const SyncDeletesInput = z.object({
  /** The sync account. */
  id,
  /** true: delete the cards on the server; false: keep them there (they come back here). */
  confirm: z.boolean(),
});
export type SyncDeletesInput = z.input<typeof SyncDeletesInput>;

export interface SyncDeletesResult {
  deleted: number;
  /** Cards kept on the server: declined, or changed there since (in words). */
  kept: number;
  messages: string[];
}

export const SyncReviewInput = z.object({
  /** The sync account. */
  id,
  href: z.string().min(1).max(2000),
  /** 'same': link the card to the contact; 'different': the card becomes a contact of its own. */
  decision: z.enum(['same', 'different']),
});
export type SyncReviewInput = z.input<typeof SyncReviewInput>;
