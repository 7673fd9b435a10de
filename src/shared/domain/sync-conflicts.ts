import { z } from 'zod';
import { id } from './common.ts';

/**
 * Contact fields changed on both the user's CardDAV server and here, kept until the user chooses
 * (issue 14). The merge view lists them with the person's name and offers either side's value.
 */
export interface SyncConflictItem {
  id: number;
  accountId: number;
  contactId: number;
  contactName: string;
  /** The contact field (displayName, title, discussed, …). */
  field: string;
  /** Both sides' value at the last sync; null at the first link or when it was empty. */
  base: string | null;
  local: string | null;
  remote: string | null;
  detectedAt: string;
}

export const SyncConflictResolve = z.union([
  z.object({ id, take: z.enum(['local', 'remote']) }),
  /** A value of the user's own, neither side's (the merge view's edited field). */
  z.object({ id, value: z.string().trim().max(50_000).nullable() }),
]);
export type SyncConflictResolve = z.input<typeof SyncConflictResolve>;
