import { ApiError } from '../../shared/api/errors.ts';
import type { MailAccount, MailSyncResult, MailTestResult } from '../../shared/domain/mail.ts';
import type { HandlerDeps } from '../core/handler-deps.ts';
import { getAccountByName, listAccounts } from '../store/mail-store.ts';
import { type CredentialProvider, createCredentialProvider } from './credentials.ts';
import { connectAccount, describeImapError } from './imap-connection.ts';
import { MailError } from './mail-error.ts';
import { syncAccounts, watchedFolders } from './sync.ts';

export type MailService = ReturnType<typeof createMailService>;

/**
 * Sync passes of one process run one after another: a pass asked for while one runs (IDLE's
 * news, the poll, a click) waits for it, then finds only what is still new. Another process
 * syncing the same file meanwhile is safe too: messages are kept by their key inside IMMEDIATE
 * transactions.
 */
export function createMailService(deps: HandlerDeps, credentials?: CredentialProvider) {
  const provider = credentials ?? createCredentialProvider({ dataDir: deps.info.dataDir });
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    credentials: provider,

    sync(accountName?: string): Promise<MailSyncResult> {
      return serial(() => {
        const accounts = accountName === undefined ? listAccounts(deps.db) : [mustAccount(deps, accountName)];
        return syncAccounts(
          {
            ...deps,
            credentials: provider,
            progress: (payload) => deps.bus.emit({ type: 'progress', ...payload }),
          },
          accounts,
        );
      });
    },

    /** Logs in and lists the folders: what a pass would watch, and what the server offers. */
    async test(account: MailAccount, secret?: string): Promise<MailTestResult> {
      const source = secret === undefined ? provider : { secretFor: async () => secret };
      const client = await connectAccount(account, source).catch((error: unknown) => {
        throw asApiError(account, error);
      });
      try {
        const list = await client.list();
        const watched = new Set(watchedFolders(list, account).map((f) => f.path));
        return {
          account: account.name,
          folders: list.map((m) => ({
            path: m.path,
            specialUse: m.specialUse ?? null,
            watched: watched.has(m.path),
          })),
          idle: client.capabilities.has('IDLE'),
          condstore: client.capabilities.has('CONDSTORE'),
        };
      } catch (error) {
        throw asApiError(account, error);
      } finally {
        await client.logout().catch(() => client.close());
      }
    },
  };
}

export function mustAccount(deps: Pick<HandlerDeps, 'db'>, name: string): MailAccount {
  const account = getAccountByName(deps.db, name);
  if (!account) {
    const known = listAccounts(deps.db).map((a) => a.name);
    throw new ApiError(
      'not_found',
      `There is no mail account called "${name}"${known.length ? ` (there are: ${known.join(', ')})` : ''}.`,
    );
  }
  return account;
}

function asApiError(account: MailAccount, error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return (error instanceof MailError ? error : describeImapError(account, error, null)).toApiError();
}
