import type { CredentialSource } from '../../shared/domain/mail.ts';
import { PASSWORD_COMMAND_TIMEOUT_MS, runPasswordCommand } from '../credentials/password-command.ts';
import { readSecret, safeStorageBackend } from '../credentials/safe-storage.ts';
import { SyncError } from './sync-error.ts';

/**
 * Where a sync account's password comes from, by the mail accounts' policy (README, "Mail"): a
 * password command or an environment variable in the CLI and the browser shell, the desktop app's
 * safeStorage file there. Asked for at each pass and dropped after; never stored, logged or shown.
 */
export type SyncSecretSource = (account: {
  id: number;
  user: string;
  credential: CredentialSource;
}) => Promise<string>;

export function syncSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): SyncSecretSource {
  return async ({ id, user, credential }) => {
    const who = `Sync account ${user}`;
    switch (credential.kind) {
      case 'command':
        return runPasswordCommand(
          credential.command,
          PASSWORD_COMMAND_TIMEOUT_MS,
          (why) => new SyncError('credentials', `${who}: the password command ${why}.`, false),
        );
      case 'env': {
        const value = env[credential.variable];
        if (!value)
          throw new SyncError(
            'credentials',
            `${who}: the environment variable ${credential.variable} is not set (it should hold the password).`,
          );
        return value;
      }
      case 'safe-storage': {
        const secret = safeStorageBackend() ? readSecret(dataDir, id, 'sync') : null;
        if (!secret)
          throw new SyncError(
            'credentials',
            safeStorageBackend()
              ? `${who} has no password saved yet: enter it again in Settings › Sync.`
              : `${who} keeps its password in the desktop app's encrypted store, which only the desktop app can read; here, give it a password command or an environment variable.`,
          );
        return secret;
      }
    }
  };
}
