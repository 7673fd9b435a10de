import { ApiError } from '../../shared/api/errors.ts';
import type { CredentialSource } from '../../shared/domain/mail.ts';
import { SYNC_PRESETS } from '../../shared/domain/sync-presets.ts';
import { type HandlerDeps, nowIso } from '../core/handler-deps.ts';
import { type RegistrySlice, read, write } from '../core/registry.ts';
import { forgetSecret, safeStorageBackend, storeSecret } from '../credentials/safe-storage.ts';
import {
  deleteSyncAccount,
  findSyncAccount,
  getSyncAccount,
  insertSyncAccount,
  listSyncAccounts,
  oldestOutboxError,
  pendingCount,
  publicAccount,
} from '../store/sync-store.ts';
import { writeTransaction } from '../store/transaction.ts';
import { CollectionChoiceError } from './collection-choice.ts';
import { SyncError } from './sync-error.ts';
import { createSyncService, type SyncService } from './sync-service.ts';

type SyncHandlers = RegistrySlice<
  | 'sync.presets'
  | 'sync.accounts.list'
  | 'sync.accounts.add'
  | 'sync.accounts.remove'
  | 'sync.accounts.test'
  | 'sync.accounts.testDraft'
  | 'sync.run'
  | 'sync.status'
>;

// A pass reschedules the steps moved in the calendar app: Today and the calendar reload too.
const RUN_SCOPES = ['sync', 'followups'] as const;

export function syncHandlers(
  deps: HandlerDeps,
  service: SyncService = createSyncService(deps),
): SyncHandlers {
  const { db } = deps;
  const mustExist = (id: number) => {
    const account = getSyncAccount(db, id);
    if (!account) throw new ApiError('not_found', `There is no sync account with id ${id}.`);
    return account;
  };
  return {
    'sync.presets': read(() => [...SYNC_PRESETS]),
    'sync.accounts.list': read(() => listSyncAccounts(db).map(publicAccount)),

    'sync.accounts.add': write(['sync'], async (input) => {
      const { secret, verify, ...fields } = input;
      commandOnlyFromCli(deps, fields.credential);
      requireSecretStore(fields.credential, secret);
      const taken = () => {
        if (findSyncAccount(db, fields.url, fields.user))
          throw new ApiError(
            'conflict',
            `There is already a sync account for ${fields.user} at ${fields.url}.`,
            [{ path: 'url', message: 'is taken for this user' }],
          );
      };
      taken();
      const linked = verify ? await upstream(() => service.link({ ...fields, id: 0 }, secret)) : null;
      const id = writeTransaction(db, () => {
        taken();
        // Linked: kept by URL (a name two collections may share), shown by the name listed.
        const newId = insertSyncAccount(
          db,
          {
            ...fields,
            calendar: linked?.calendarName ?? fields.calendar,
            addressbook: linked?.addressbook?.name ?? fields.addressbook,
            principalUrl: linked?.principalUrl ?? null,
            calendarUrl: linked?.calendarUrl ?? null,
            addressbookUrl: linked?.addressbook?.url ?? null,
          },
          nowIso(deps),
        );
        if (secret !== undefined && !storeSecret(deps.info.dataDir, newId, secret, 'sync'))
          throw new ApiError('invalid_input', 'The desktop app’s encrypted store is not available.');
        return newId;
      });
      return publicAccount(mustExist(id));
    }),

    'sync.accounts.remove': write(['sync'], ({ id }) => {
      mustExist(id);
      writeTransaction(db, () => deleteSyncAccount(db, id));
      forgetSecret(deps.info.dataDir, id, 'sync');
      return { removed: true as const, id };
    }),

    'sync.accounts.test': read(async ({ id }) => upstream(() => service.test(mustExist(id)))),

    // The dialog's Test, before anything is saved: the same checks on who may give which
    // password as adding, and the password used for this call only.
    'sync.accounts.testDraft': read(async (input) => {
      const { secret, ...fields } = input;
      commandOnlyFromCli(deps, fields.credential);
      requireSecretStore(fields.credential, secret);
      return upstream(() => service.test({ ...fields, id: 0 }, secret));
    }),

    'sync.run': write(RUN_SCOPES, async ({ id }) => {
      if (id !== undefined) mustExist(id);
      return service.run(id);
    }),

    'sync.status': read(() => {
      const accounts = listSyncAccounts(db).map((a) => ({
        id: a.id,
        url: a.url,
        user: a.user,
        pending: pendingCount(db, a.id),
        lastSyncAt: a.lastSyncAt,
        lastError: a.lastError,
        outboxError: oldestOutboxError(db, a.id),
      }));
      return { accounts, pending: accounts.reduce((n, a) => n + a.pending, 0) };
    }),
  };
}

/**
 * A server's refusal or silence, or a password source that gives nothing, as the API's error in
 * words (never the secret). No field issue: the sentence names what failed, and a form shows it
 * whole rather than after a field's label.
 */
async function upstream<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    // Which calendar or address book is meant: the user's to say, under that field.
    if (error instanceof CollectionChoiceError)
      throw new ApiError('invalid_input', error.message, [{ path: error.field, message: error.message }]);
    if (error instanceof SyncError)
      throw new ApiError(error.code === 'credentials' ? 'invalid_input' : 'upstream', error.message);
    throw error;
  }
}

/** As for mail: the app runs a password command, so only the command line may set one. */
function commandOnlyFromCli(deps: HandlerDeps, credential: CredentialSource): void {
  if (credential.kind === 'command' && deps.info.shell !== 'cli')
    throw new ApiError(
      'invalid_input',
      'A password command is set from the command line (`sync accounts add --password-command …`), not from a window: the app will run it.',
      [{ path: 'credential', message: 'a password command is accepted from the command line only' }],
    );
}

function requireSecretStore(credential: CredentialSource, secret: string | undefined): void {
  if (credential.kind !== 'safe-storage') {
    if (secret !== undefined)
      throw new ApiError('invalid_input', 'A password is only taken for the desktop app’s encrypted store.', [
        { path: 'secret', message: 'not stored for this kind of credential' },
      ]);
    return;
  }
  if (!safeStorageBackend())
    throw new ApiError(
      'invalid_input',
      'Only the desktop app can keep a sync password (encrypted by your system’s keychain). Here, use --password-command or --password-env.',
      [{ path: 'credential', message: 'safe-storage is not available in this shell' }],
    );
  if (secret === undefined)
    throw new ApiError('invalid_input', 'Enter the password to keep.', [
      { path: 'secret', message: 'is required' },
    ]);
}
