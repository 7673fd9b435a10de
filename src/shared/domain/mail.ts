import { z } from 'zod';
import { id, requiredText } from './common.ts';

/**
 * The user's own mailbox over IMAP (issue 12): accounts, what a sync pass did, and the people
 * written to who are not contacts yet. The secret is never part of any of these shapes, except
 * the one field a window sends once to the desktop app to encrypt (`secret`).
 */

import { INSECURE_REFUSED, LOOPBACK_HOSTS, MAIL_SECURITY, type MailSecurity } from './mail-security.ts';

export { INSECURE_REFUSED, LOOPBACK_HOSTS, MAIL_SECURITY, type MailSecurity } from './mail-security.ts';

/** password: the secret is a password (an app password for most providers); oauth2: an access token (XOAUTH2). */
export const MAIL_AUTH = ['password', 'oauth2'] as const;
export type MailAuth = (typeof MAIL_AUTH)[number];

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Where the secret comes from, the only thing about it that is stored: a command that prints it
 * (isync's PassCmd, aerc's source-cred-cmd, himalaya's passwd.cmd), an environment variable, or
 * the desktop app's safeStorage (OS keychain) file.
 */
export const CredentialSource = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('command'),
    command: z.string().trim().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters'),
  }),
  z.object({
    kind: z.literal('env'),
    variable: z.string().regex(ENV_NAME, 'must be an environment variable name such as FT_MAIL_PASSWORD'),
  }),
  z.object({ kind: z.literal('safe-storage') }),
]);
export type CredentialSource = z.infer<typeof CredentialSource>;

const hostName = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'must not be empty')
  .max(253, 'must be at most 253 characters')
  .regex(
    /^(\[[0-9a-f:.]+\]|[0-9a-f:]*:[0-9a-f:.]+|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)$/,
    {
      message: 'must be a host name or an IP address, without a scheme or port',
    },
  );

const folderName = z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters');

const myAddress = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'is not an e-mail address' }));

const accountFields = {
  name: requiredText(100),
  host: hostName,
  port: z
    .number()
    .int()
    .min(1, 'must be a port from 1 to 65535')
    .max(65535, 'must be a port from 1 to 65535'),
  security: z.enum(MAIL_SECURITY),
  user: requiredText(320),
  auth: z.enum(MAIL_AUTH),
  credential: CredentialSource,
  /** Folders to watch; null: INBOX and the folder marked \Sent (RFC 6154). */
  folders: z.array(folderName).min(1, 'must name at least one folder').max(50).nullable(),
  /** Addresses that are me besides the user name (aliases), so what I sent from them is outbound. */
  myAddresses: z.array(myAddress).max(50, 'must be at most 50 addresses'),
  /** Keep a connection open while the app runs (IDLE) instead of only polling. */
  idle: z.boolean(),
};

/** For safe-storage only: the secret, encrypted at once by the desktop app and never stored as given. */
const secret = z.string().min(1, 'must not be empty').max(10_000).optional();

function refuseInsecure(
  value: { host?: string | undefined; security?: MailSecurity | undefined },
  ctx: z.RefinementCtx,
): void {
  if (value.security === 'insecure-local' && value.host !== undefined && !LOOPBACK_HOSTS.has(value.host)) {
    ctx.addIssue({ code: 'custom', path: ['security'], message: INSECURE_REFUSED });
  }
}

export const MailAccountDraft = z
  .object({
    ...accountFields,
    auth: accountFields.auth.default('password'),
    folders: accountFields.folders.default(null),
    myAddresses: accountFields.myAddresses.default([]),
    idle: accountFields.idle.default(true),
    secret,
    /** Log in once before saving (a refused login saves nothing); false saves it untried (offline). */
    verify: z.boolean().default(true),
  })
  .superRefine(refuseInsecure);
export type MailAccountDraft = z.input<typeof MailAccountDraft>;

export const MailAccountPatch = z.object(accountFields).partial().extend({ secret }).strict();
export type MailAccountPatch = z.input<typeof MailAccountPatch>;

export const MailAccountUpdate = z.object({ id, patch: MailAccountPatch });

export interface MailAccount {
  id: number;
  name: string;
  host: string;
  port: number;
  security: MailSecurity;
  user: string;
  auth: MailAuth;
  /** Where the secret comes from (never the secret). */
  credential: CredentialSource;
  folders: string[] | null;
  myAddresses: string[];
  idle: boolean;
  createdAt: string;
  updatedAt: string;
  lastSyncAt: string | null;
  /** The last pass's failure in words (never the secret), or null after a good one. */
  lastError: string | null;
}

export interface MailFolderInfo {
  path: string;
  /** RFC 6154 special use, e.g. "\\Sent", or null. */
  specialUse: string | null;
  watched: boolean;
}

export interface MailTestResult {
  account: string;
  folders: MailFolderInfo[];
  /** What the server offers that the sync uses. */
  idle: boolean;
  condstore: boolean;
}

export const MailSyncInput = z.object({
  /** An account's name; all accounts when left out. */
  account: z.string().trim().min(1).max(100).optional(),
});

/** What one sync pass did (counted across the accounts synced). */
export interface MailSyncResult {
  accounts: { name: string; folders: number; messages: number; error: string | null }[];
  /** New messages seen (each once, whichever folders and accounts hold it). */
  messages: number;
  /** New messages from or to a contact. */
  matched: number;
  /** Interactions added to timelines (a message to three contacts makes three). */
  interactions: number;
  /** Messages from a contact that ended a wait for their reply. */
  replies: number;
  /** Open follow-up steps a sent message completed. */
  stepsCompleted: number;
  /** Nudges cancelled because they replied. */
  nudgesCancelled: number;
}

/** Someone written with several times both ways who is not a contact. */
export interface MailSuggestion {
  address: string;
  name: string | null;
  /** Threads with messages both from them and from me. */
  twoWayThreads: number;
  threads: number;
  messages: number;
  firstSubject: string | null;
  firstAt: string;
  lastAt: string;
}

export const DismissSuggestionInput = z.object({
  address: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'is not an e-mail address' })),
});

export const RemoveMailAccountInput = z.object({ id });
