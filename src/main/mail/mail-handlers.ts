import type { z } from 'zod';
import { ApiError } from '../../shared/api/errors.ts';
import {
  INSECURE_REFUSED,
  LOOPBACK_HOSTS,
  type MailAccount,
  type MailAccountDraft,
  type MailAccountPatch,
  type MailSuggestion,
} from '../../shared/domain/mail.ts';
import { MAIL_PRESETS } from '../../shared/domain/mail-presets.ts';
import { type HandlerDeps, nowIso } from '../core/handler-deps.ts';
import { type RegistrySlice, read, write } from '../core/registry.ts';
import { forgetSecret, safeStorageBackend, storeSecret } from '../credentials/safe-storage.ts';
import {
  type AccountFields,
  correspondents,
  deleteAccount,
  dismissSuggestion,
  forgetAccountPositions,
  getAccount,
  getAccountByName,
  insertAccount,
  listAccounts,
  myAddressesOfAllAccounts,
  updateAccount,
} from '../store/mail-store.ts';
import { writeTransaction } from '../store/transaction.ts';
import { addressSet, loadContactMatcher } from './address-match.ts';
import { createMailService, type MailService } from './mail-service.ts';

type MailHandlers = RegistrySlice<
  | 'mail.presets'
  | 'mail.accounts.list'
  | 'mail.accounts.add'
  | 'mail.accounts.update'
  | 'mail.accounts.remove'
  | 'mail.accounts.test'
  | 'mail.sync'
  | 'mail.suggestions'
  | 'mail.dismissSuggestion'
>;

/** Two-way threads before someone written with is offered as a contact. */
export const SUGGEST_AFTER_THREADS = 2;
const SUGGESTIONS_SHOWN = 100;

// A sync adds interactions and moves follow-ups: every screen showing them reloads.
const SYNC_SCOPES = ['mail', 'interactions', 'contacts', 'followups'] as const;

export function mailHandlers(
  deps: HandlerDeps,
  service: MailService = createMailService(deps),
): MailHandlers {
  const { db } = deps;
  const mustExist = (id: number): MailAccount => {
    const account = getAccount(db, id);
    if (!account) throw new ApiError('not_found', `There is no mail account with id ${id}.`);
    return account;
  };
  const nameFree = (name: string, id: number | null) => {
    const other = getAccountByName(db, name);
    if (other && other.id !== id)
      throw new ApiError('conflict', `There is already a mail account called "${other.name}".`, [
        { path: 'name', message: 'is taken' },
      ]);
  };

  return {
    'mail.presets': read(() => [...MAIL_PRESETS]),
    'mail.accounts.list': read(() => listAccounts(db)),

    'mail.accounts.add': write(['mail'], async (input) => {
      const { secret, verify, ...fields } = input;
      commandOnlyFromCli(deps, fields.credential);
      nameFree(fields.name, null);
      requireSecretStore(deps, fields, secret);
      if (verify) await service.test(draftAccount(fields, nowIso(deps)), secret);
      const id = writeTransaction(db, () => {
        nameFree(fields.name, null);
        return insertAccount(db, fields, nowIso(deps));
      });
      if (fields.credential.kind === 'safe-storage' && secret !== undefined)
        storeSecret(deps.info.dataDir, id, secret);
      return mustExist(id);
    }),

    'mail.accounts.update': write(['mail'], ({ id, patch }) => {
      const current = mustExist(id);
      const { secret, ...changes } = patch;
      if (changes.credential) commandOnlyFromCli(deps, changes.credential);
      const next: AccountFields = { ...current, ...definedOnly(changes) };
      if (next.security === 'insecure-local' && !LOOPBACK_HOSTS.has(next.host)) {
        throw new ApiError('invalid_input', `Mail account "${current.name}": ${INSECURE_REFUSED}.`, [
          { path: 'patch.security', message: INSECURE_REFUSED },
        ]);
      }
      if (
        next.credential.kind === 'safe-storage' &&
        (secret !== undefined || current.credential.kind !== 'safe-storage')
      )
        requireSecretStore(deps, next, secret);
      nameFree(next.name, id);
      const elsewhere =
        next.host !== current.host || next.port !== current.port || next.user !== current.user;
      writeTransaction(db, () => {
        updateAccount(db, id, next, nowIso(deps));
        if (elsewhere) forgetAccountPositions(db, id);
      });
      if (next.credential.kind === 'safe-storage' && secret !== undefined)
        storeSecret(deps.info.dataDir, id, secret);
      if (next.credential.kind !== 'safe-storage') forgetSecret(deps.info.dataDir, id);
      return mustExist(id);
    }),

    // What was synced stays on the timelines; only the account and where it stood go.
    'mail.accounts.remove': write(['mail'], ({ id }) => {
      const account = mustExist(id);
      writeTransaction(db, () => deleteAccount(db, id));
      forgetSecret(deps.info.dataDir, id);
      return { removed: true as const, name: account.name };
    }),

    'mail.accounts.test': read(({ id }) => service.test(mustExist(id))),

    'mail.sync': write(SYNC_SCOPES, ({ account }) => service.sync(account)),

    'mail.suggestions': read(() => suggestions(deps)),

    'mail.dismissSuggestion': write(['mail'], ({ address }) => ({
      dismissed: writeTransaction(db, () => dismissSuggestion(db, address, nowIso(deps))),
    })),
  };
}

/** People written with both ways in several threads who are not contacts (nor me). */
function suggestions(deps: HandlerDeps): MailSuggestion[] {
  const mine = myAddressesOfAllAccounts(deps.db);
  const me = addressSet(mine);
  const contacts = loadContactMatcher(deps.db);
  return correspondents(deps.db, mine, SUGGEST_AFTER_THREADS)
    .filter((c) => !me.has(c.address) && contacts.contactsOf(c.address).length === 0)
    .slice(0, SUGGESTIONS_SHOWN);
}

type DraftFields = Omit<z.output<typeof MailAccountDraft>, 'secret' | 'verify'>;

/** The account as it would be saved, for a login test before anything is written. */
function draftAccount(fields: DraftFields, now: string): MailAccount {
  return { ...fields, id: 0, createdAt: now, updatedAt: now, lastSyncAt: null, lastError: null };
}

/**
 * A password command is a program the app will run: only the command line, where the user types
 * it, may name one (as only it names a file to import). A window is untrusted; it may choose a
 * variable's name or hand a password to the desktop app's encrypted store, never a program.
 */
function commandOnlyFromCli(deps: HandlerDeps, credential: AccountFields['credential']): void {
  if (credential.kind === 'command' && deps.info.shell !== 'cli') {
    throw new ApiError(
      'invalid_input',
      'A password command is set from the command line (`mail accounts add --password-command …`), not from a window: the app will run it.',
      [{ path: 'credential', message: 'a password command is accepted from the command line only' }],
    );
  }
}

/** safeStorage exists only in the desktop app; elsewhere the secret has nowhere safe to go. */
function requireSecretStore(
  deps: HandlerDeps,
  fields: Pick<AccountFields, 'credential'>,
  secret: string | undefined,
): void {
  if (fields.credential.kind !== 'safe-storage') {
    if (secret !== undefined)
      throw new ApiError(
        'invalid_input',
        'A password is only taken for the desktop app’s encrypted store; with a password command or an environment variable, give that instead.',
        [{ path: 'secret', message: 'not stored for this kind of credential' }],
      );
    return;
  }
  if (!safeStorageBackend()) {
    // The desktop app on a system without a keychain (Linux without libsecret or kwallet).
    if (deps.info.shell === 'electron')
      throw new ApiError(
        'invalid_input',
        'Your system offers no keychain to encrypt the mail password with, so it cannot be kept here. Put it in an environment variable the app is started with, and name the variable instead.',
        [{ path: 'credential', message: 'the system keychain is not available' }],
      );
    throw new ApiError(
      'invalid_input',
      deps.info.shell === 'http'
        ? 'Only the desktop app can keep a mail password (encrypted by your system’s keychain). In the browser, use an environment variable: set it to the password before `npm run serve` and give its name instead of the password.'
        : 'Only the desktop app can keep a mail password (encrypted by your system’s keychain). Here, use a password command (--password-command "pass show mail/work") or an environment variable (--password-env).',
      [{ path: 'credential', message: 'safe-storage is not available in this shell' }],
    );
  }
  if (secret === undefined)
    throw new ApiError('invalid_input', 'Enter the password to keep.', [
      { path: 'secret', message: 'is required' },
    ]);
}

function definedOnly(patch: Omit<MailAccountPatch, 'secret'>): Partial<AccountFields> {
  return Object.fromEntries(
    Object.entries(patch).filter(([, v]) => v !== undefined),
  ) as Partial<AccountFields>;
}
