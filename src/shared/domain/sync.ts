import { z } from 'zod';
import { id, requiredText } from './common.ts';
import { CredentialSource } from './mail.ts';
import type { SyncAddressBookFound, SyncCalendarFound } from './sync-collections.ts';

/**
 * The user's own CalDAV/CardDAV server (issue 14): accounts, what a sync pass did, and what waits
 * to be pushed. As with mail, the secret is never part of any of these shapes except the one field
 * a window sends once to the desktop app to encrypt (`secret`); only where it comes from is kept.
 */

/** The calendar the app writes its follow-ups into, found by this name or created. */
export const DEFAULT_SYNC_CALENDAR = 'Followthrough follow-ups';

const serverUrl = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .pipe(z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// address' }))
  .refine((url) => !new URL(url).username && !new URL(url).password, {
    message: 'must not hold a user name or password (give them with --user and a password source)',
  });

/** A collection's display name, or its address: a full URL or a path on the server (starting with /). */
const collectionName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(2000, 'must be at most 2000 characters');

export const SyncAccountDraft = z.object({
  url: serverUrl,
  user: requiredText(320),
  credential: CredentialSource,
  calendar: collectionName.default(DEFAULT_SYNC_CALENDAR),
  /** The address book for contacts, by name, URL or path; none: follow-ups only. */
  addressbook: collectionName.nullable().default(null),
  /** For safe-storage only: the secret, encrypted at once by the desktop app and never stored as given. */
  secret: z.string().min(1, 'must not be empty').max(10_000).optional(),
  /** Discover and log in before saving (a refused login saves nothing). */
  verify: z.boolean().default(true),
});
export type SyncAccountDraft = z.input<typeof SyncAccountDraft>;

/** An account not saved yet, tested as the dialog has it (its password used once, never kept). */
export const SyncTestDraft = SyncAccountDraft.omit({ verify: true });
export type SyncTestDraft = z.input<typeof SyncTestDraft>;

export const SyncRunInput = z.object({ id: id.optional() });

export interface SyncAccount {
  id: number;
  /** What the user typed; discovery (RFC 6764) starts here. */
  url: string;
  user: string;
  credential: CredentialSource;
  /** The calendar's name as the server lists it once linked; until then the name or address given. */
  calendar: string;
  addressbook: string | null;
  /** The calendar collection found or created, once discovery has run: every pass uses it. */
  calendarUrl: string | null;
  /** The address book found or created (at adding, or the first contact pass that makes it). */
  addressbookUrl: string | null;
  createdAt: string;
  lastSyncAt: string | null;
  /** The last pass's failure in words (never the secret), or null after a good one. */
  lastError: string | null;
}

export interface SyncTestResult {
  ok: true;
  principalUrl: string;
  calendarHomeUrl: string;
  /** The calendar that will be (or is) used, and whether it exists yet. */
  calendarUrl: string | null;
  calendarExists: boolean;
  /** RFC 6578 sync-collection, else the collection's ctag and each object's ETag. */
  incremental: 'sync-collection' | 'ctag';
  /** Every calendar at the calendar home that can hold events, in the server's order. */
  calendars: SyncCalendarFound[];
  /** The address book home (RFC 6352 §7.1.1), or null when the server offers no CardDAV. */
  addressBookHomeUrl: string | null;
  addressBooks: SyncAddressBookFound[];
  /** The account's address book (its stored URL, else found by name); null when it names none or it is not there yet. */
  addressbookUrl: string | null;
  /**
   * The calendars, then the address books, sharing the name the account gives, when more than
   * one does (their URLs): the account must give one by its address.
   */
  calendarSameName: string[];
  addressbookSameName: string[];
}

/** A step moved in the calendar app and rescheduled here. */
export interface SyncMove {
  followUpId: number;
  dueOn: string;
  /** The engine's cap and day-off warnings for the new day. */
  warnings: string[];
}

export interface SyncConflict {
  accountId: number;
  kind: 'contact';
  entityId: number;
  field: string;
  local: string | null;
  remote: string | null;
}

export interface SyncRunResult {
  /** Objects created, updated or deleted on the server. */
  pushed: number;
  /** Changed server objects read. */
  pulled: number;
  moved: SyncMove[];
  conflicts: SyncConflict[];
  /** Changes still waiting in the outbox after the pass. */
  pending: number;
  /** In words, one per account or object that failed. */
  errors: string[];
}

export interface SyncStatus {
  accounts: {
    id: number;
    url: string;
    user: string;
    pending: number;
    lastSyncAt: string | null;
    lastError: string | null;
    /** The oldest waiting change's last failure in words, if it failed. */
    outboxError: string | null;
  }[];
  pending: number;
}
