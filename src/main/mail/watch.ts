import type { ImapFlow } from 'imapflow';
import type { Envelope } from '../../shared/api/errors.ts';
import type { MailAccount, MailSyncResult } from '../../shared/domain/mail.ts';
import type { ChangeBus } from '../core/change-bus.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { Db } from '../store/database.ts';
import { listAccounts } from '../store/mail-store.ts';
import { type CredentialProvider, createCredentialProvider } from './credentials.ts';
import { connectAccount, describeImapError } from './imap-connection.ts';

export interface MailWatch {
  stop(): Promise<void>;
}

export interface MailWatchOptions {
  credentials?: CredentialProvider;
  /** Where failures go (in words that never hold a secret). */
  onError?: (message: string) => void;
  /** First reconnect delay; doubles up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

const MAX_BACKOFF_MS = 5 * 60_000;
/** News of several messages arriving together is one pass. */
const DEBOUNCE_MS = 500;
/** IDLE starts this soon after the connection falls quiet (imapflow's default waits 15 s). */
const IDLE_AFTER_MS = 1000;

/**
 * Mail while the app runs (serve, the desktop app): one pass at start (catching up on what came
 * while it was closed or offline), a pass every `mail.pollMinutes`, and for each account that
 * wants it an IDLE connection on INBOX (RFC 2177) that asks for a pass as soon as the server
 * says a message arrived. A dropped connection comes back with backoff. Passes go through the
 * dispatcher like any call, so the pages and the reminder scheduler hear what changed; the mail
 * service runs them one at a time.
 */
/**
 * What the watch needs of a shell's app context, said structurally: mail/ is a domain and does not
 * import app/ (the architecture test), and a shell's AppContext satisfies this as it is.
 */
export interface MailWatchHost {
  dataDir: string;
  db: Db;
  settings: Pick<SettingsStore, 'get'>;
  bus: Pick<ChangeBus, 'subscribe'>;
  dispatch(method: 'mail.sync', input: { account?: string }): Promise<Envelope<unknown>>;
}

export function startMailWatch(context: MailWatchHost, options: MailWatchOptions = {}): MailWatch {
  const credentials = options.credentials ?? createCredentialProvider({ dataDir: context.dataDir });
  const report = options.onError ?? ((message: string) => console.error(`[followthrough] mail: ${message}`));
  const firstBackoff = options.backoffMs ?? 1000;
  const maxBackoff = options.maxBackoffMs ?? MAX_BACKOFF_MS;
  const watchers = new Map<number, IdleWatcher>();
  let stopped = false;
  let pollTimer: NodeJS.Timeout | undefined;
  const pending = new Map<string, NodeJS.Timeout>();
  // Passes under way: stop() waits for them, so none runs on after the shell closes the database.
  const inFlight = new Set<Promise<void>>();

  const sync = (account?: string) => {
    const key = account ?? '*';
    if (stopped || pending.has(key)) return;
    pending.set(
      key,
      setTimeout(() => {
        pending.delete(key);
        const pass = context
          .dispatch('mail.sync', account === undefined ? {} : { account })
          .then((envelope) => {
            if (!envelope.ok) report(envelope.error.message);
            else for (const a of (envelope.value as MailSyncResult).accounts) if (a.error) report(a.error);
          })
          .catch((error: unknown) => report(String(error)))
          .finally(() => inFlight.delete(pass));
        inFlight.add(pass);
      }, DEBOUNCE_MS),
    );
  };

  const reconcile = () => {
    if (stopped) return;
    const wanted = new Map(
      listAccounts(context.db)
        .filter((a) => a.idle)
        .map((a) => [a.id, a]),
    );
    for (const [id, watcher] of watchers) {
      const account = wanted.get(id);
      if (!account || connectionKey(account) !== watcher.key) {
        watchers.delete(id);
        void watcher.stop();
      }
    }
    for (const [id, account] of wanted) {
      if (!watchers.has(id))
        watchers.set(id, watchIdle(account, credentials, { sync, report, firstBackoff, maxBackoff }));
    }
  };

  const poll = () => {
    if (stopped) return;
    if (listAccounts(context.db).length > 0) sync();
    reconcile();
    const minutes = context.settings.get().mail.pollMinutes;
    pollTimer = setTimeout(poll, minutes * 60_000);
  };
  const unsubscribe = context.bus.subscribe((event) => {
    if (event.type === 'data-changed' && event.scopes.includes('mail')) reconcile();
  });
  // After the shell is up, not inside its start-up.
  pollTimer = setTimeout(poll, 0);

  return {
    async stop() {
      stopped = true;
      unsubscribe();
      clearTimeout(pollTimer);
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
      await Promise.all([...watchers.values()].map((w) => w.stop()));
      watchers.clear();
      await Promise.all([...inFlight]);
    },
  };
}

interface IdleWatcher {
  key: string;
  stop(): Promise<void>;
}

/** What, if changed, needs a new connection. */
const connectionKey = (a: MailAccount) =>
  JSON.stringify([a.host, a.port, a.security, a.user, a.auth, a.credential, a.name]);

function watchIdle(
  account: MailAccount,
  credentials: CredentialProvider,
  how: {
    sync: (account: string) => void;
    report: (message: string) => void;
    firstBackoff: number;
    maxBackoff: number;
  },
): IdleWatcher {
  let client: ImapFlow | null = null;
  let stopped = false;
  let backoff = how.firstBackoff;
  let retry: NodeJS.Timeout | undefined;
  let lastError: string | null = null;

  const again = () => {
    if (stopped) return;
    retry = setTimeout(connect, backoff);
    backoff = Math.min(backoff * 2, how.maxBackoff);
  };

  async function connect(): Promise<void> {
    if (stopped) return;
    try {
      const c = await connectAccount(account, credentials, { autoIdle: true, idleAfterMs: IDLE_AFTER_MS });
      if (stopped) {
        await c.logout().catch(() => c.close());
        return;
      }
      client = c;
      c.on('exists', () => how.sync(account.name));
      c.on('close', () => {
        if (client !== c) return;
        client = null;
        if (stopped) return;
        // Back after a drop: a pass catches up on what arrived meanwhile.
        again();
      });
      await c.mailboxOpen('INBOX', { readOnly: true });
      // What arrived before this connection was watching (since the last pass, or while it was
      // down) is only found by a pass; from here on IDLE tells.
      how.sync(account.name);
      backoff = how.firstBackoff;
      lastError = null;
    } catch (error) {
      const message = describeImapError(account, error, null).message;
      // Said once per run of failures, not at every retry.
      if (message !== lastError) how.report(message);
      lastError = message;
      const c = client;
      client = null;
      c?.close();
      again();
    }
  }

  void connect();
  return {
    key: connectionKey(account),
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const c = client;
      client = null;
      if (c) await c.logout().catch(() => c.close());
    },
  };
}
