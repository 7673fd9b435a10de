import type { MailAccount } from '../../shared/domain/mail.ts';
import {
  PASSWORD_COMMAND_TIMEOUT_MS,
  runPasswordCommand as runCommand,
} from '../credentials/password-command.ts';
import { readSecret, safeStorageBackend } from '../credentials/safe-storage.ts';
import { MailError } from './mail-error.ts';

/**
 * Where a mail account's secret comes from when a pass needs it. The secret is asked for each
 * connection and dropped after: it is never stored by the app (only where it comes from is), and
 * never put in an error, a log line or a result.
 */
export interface CredentialProvider {
  secretFor(account: Pick<MailAccount, 'id' | 'name' | 'credential'>): Promise<string>;
}

export { PASSWORD_COMMAND_TIMEOUT_MS, withoutSecret } from '../credentials/password-command.ts';

export interface CredentialOptions {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** The CLI's and browser shell's provider; the desktop app's reads safeStorage files too. */
export function createCredentialProvider(options: CredentialOptions): CredentialProvider {
  const env = options.env ?? process.env;
  return {
    async secretFor(account) {
      const source = account.credential;
      switch (source.kind) {
        case 'command':
          return runPasswordCommand(
            account.name,
            source.command,
            options.timeoutMs ?? PASSWORD_COMMAND_TIMEOUT_MS,
          );
        case 'env': {
          const value = env[source.variable];
          if (!value) {
            throw new MailError(
              'credentials',
              `Mail account "${account.name}": the environment variable ${source.variable} is not set (it should hold the password).`,
            );
          }
          return value;
        }
        case 'safe-storage': {
          if (!safeStorageBackend()) {
            throw new MailError(
              'credentials',
              `Mail account "${account.name}" keeps its password in the desktop app's encrypted store, which only the desktop app can read; here, give it a password command or an environment variable.`,
            );
          }
          const secret = readSecret(options.dataDir, account.id);
          if (!secret) {
            throw new MailError(
              'credentials',
              `Mail account "${account.name}" has no password saved yet: enter it again in Settings › Mail.`,
            );
          }
          return secret;
        }
      }
    },
  };
}

/** The user's password command for a mail account; its failures name the account. */
export function runPasswordCommand(accountName: string, command: string, timeoutMs: number): Promise<string> {
  return runCommand(
    command,
    timeoutMs,
    (why) => new MailError('credentials', `Mail account "${accountName}": the password command ${why}.`),
  );
}
