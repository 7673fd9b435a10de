import type { ImapFlow } from 'imapflow';
import { LOOPBACK_HOSTS, type MailAccount } from '../../shared/domain/mail.ts';
import type { CredentialProvider } from './credentials.ts';
import { withoutSecret } from './credentials.ts';
import { MailError } from './mail-error.ts';

export interface ConnectOptions {
  /** Keep IDLE running on its own while the connection waits (the watcher); a pass turns it off. */
  autoIdle?: boolean;
  /** With autoIdle: how soon after falling quiet IDLE starts. */
  idleAfterMs?: number;
  /** Milliseconds of socket silence before the connection counts as dropped. */
  socketTimeoutMs?: number;
}

/**
 * A logged-in connection to the account. TLS is verified as usual; only on this machine (Proton
 * Mail Bridge's self-signed certificate on 127.0.0.1) is an unverifiable certificate accepted,
 * since nothing there crosses a network. Every failure is a MailError in words that name the
 * account and never hold the secret.
 */
export async function connectAccount(
  account: MailAccount,
  credentials: CredentialProvider,
  options: ConnectOptions = {},
): Promise<ImapFlow> {
  const secret = await credentials.secretFor(account);
  const loopback = LOOPBACK_HOSTS.has(account.host);
  // Loaded here, not at start-up: imapflow costs ~30 MB, and only a mail pass needs it.
  const { ImapFlow: Client } = await import('imapflow');
  const client = new Client({
    host: account.host.replace(/^\[|\]$/g, ''),
    port: account.port,
    secure: account.security === 'tls',
    // STARTTLS is required when chosen: a stripped capability must not downgrade to plain text.
    doSTARTTLS: account.security === 'starttls' ? true : account.security === 'tls' ? undefined : false,
    auth:
      account.auth === 'oauth2'
        ? { user: account.user, accessToken: secret }
        : { user: account.user, pass: secret },
    ...(loopback ? { tls: { rejectUnauthorized: false } } : {}),
    logger: false,
    emitLogs: false,
    disableAutoIdle: !options.autoIdle,
    ...(options.idleAfterMs === undefined ? {} : { autoIdleDelay: options.idleAfterMs }),
    connectionTimeout: 30_000,
    greetingTimeout: 16_000,
    socketTimeout: options.socketTimeoutMs ?? 5 * 60_000,
    clientInfo: { name: 'Followthrough' },
  });
  // An unhandled 'error' event would end the process; failures surface through the promises.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw describeImapError(account, error, secret);
  }
  return client;
}

/** What went wrong, said for the user (the library's and the server's words, minus the secret). */
export function describeImapError(account: MailAccount, error: unknown, secret: string | null): MailError {
  if (error instanceof MailError) return error;
  const e = (error ?? {}) as {
    code?: string;
    message?: string;
    authenticationFailed?: boolean;
    responseText?: string;
    serverResponseCode?: string;
  };
  const where = `${account.host}:${account.port}`;
  const name = `Mail account "${account.name}"`;
  const said = (text: string | undefined) => withoutSecret((text ?? '').trim(), secret).slice(0, 300);
  if (e.authenticationFailed) {
    const server = said(e.responseText);
    const hint =
      account.auth === 'oauth2'
        ? 'the access token was refused (it may have expired: check the token command)'
        : 'check the user name and the password (most providers want an app password, not the account password)';
    return new MailError(
      'login',
      `${name}: ${where} refused the login for ${account.user}: ${hint}.${server ? ` The server said: ${server}` : ''}`,
    );
  }
  const network = new Map([
    ['ECONNREFUSED', 'nothing is listening there (connection refused)'],
    ['ENOTFOUND', 'the host name does not resolve'],
    ['EAI_AGAIN', 'the host name could not be looked up (offline?)'],
    ['ETIMEDOUT', 'the connection timed out'],
    ['ETIMEOUT', 'the server stopped answering (timed out)'],
    ['CONNECT_TIMEOUT', 'the connection timed out'],
    ['GREETING_TIMEOUT', 'the server did not greet (is it an IMAP port?)'],
    ['ECONNRESET', 'the connection was cut'],
    ['EPIPE', 'the connection was cut'],
    ['EHOSTUNREACH', 'the host is unreachable'],
    ['ENETUNREACH', 'the network is unreachable (offline?)'],
    ['NoConnection', 'the connection was closed'],
  ]).get(e.code ?? '');
  if (network) return new MailError('network', `${name}: could not talk to ${where}: ${network}.`);
  const message = said(e.message);
  if (
    /certificate|self[- ]signed|tls|ssl|handshake|wrong version number/i.test(`${e.code ?? ''} ${message}`)
  ) {
    return new MailError(
      'tls',
      `${name}: the secure connection to ${where} failed (${message || e.code}). Check the port and the TLS choice: 993 is usually TLS, 143 STARTTLS.`,
    );
  }
  return new MailError(
    'server',
    `${name}: ${where} answered with an error: ${message || e.code || 'unknown'}.`,
  );
}
