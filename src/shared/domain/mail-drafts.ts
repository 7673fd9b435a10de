import { z } from 'zod';
import { id, optionalText } from './common.ts';

/**
 * "Put in Drafts" (issue 12): the composer's e-mail placed in the Drafts folder of the user's
 * own mailbox over IMAP, so they send it from their mail app and the next sync sees it in Sent.
 */
export const PutInDraftsInput = z
  .object({
    stepId: id.optional(),
    contactId: id.optional(),
    /** The mail account (its id); the only account, or the first, when left out. */
    accountId: id.optional(),
    subject: optionalText(500),
    body: z.string().max(20_000, 'must be at most 20000 characters'),
  })
  .refine((t) => t.stepId !== undefined || t.contactId !== undefined, {
    message: 'needs a stepId or a contactId',
  });
export type PutInDraftsInput = z.input<typeof PutInDraftsInput>;

export interface PutInDraftsResult {
  /** The account whose Drafts folder holds it. */
  account: string;
  /** The folder found by its \Drafts flag (RFC 6154). */
  folder: string;
  /** Its Message-ID, angle brackets included: the same one the sync meets again in Sent. */
  messageId: string;
  from: string;
  to: string;
}
