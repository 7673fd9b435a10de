import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The desktop app keeps a password (a mail or a sync account's) encrypted by the operating system's keychain
 * (Electron's safeStorage: Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux), in a
 * file of its own under the data folder: never in the database, so never in a backup either.
 *
 * Only src/main/electron may import electron, so the shell hands its safeStorage in here at
 * start-up (registerSafeStorage); the CLI and the browser shell never do, and refuse accounts
 * whose credential is "safe-storage" in words (they use a password command or a variable).
 */
export interface SafeStorageBackend {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

// One per process, like Electron's own safeStorage: the hook the desktop shell calls.
let backend: SafeStorageBackend | null = null;

/** HOOK for src/main/electron: `registerSafeStorage(safeStorage)` once the app is ready. */
export function registerSafeStorage(storage: SafeStorageBackend | null): void {
  backend = storage;
}

export function safeStorageBackend(): SafeStorageBackend | null {
  return backend?.isEncryptionAvailable() ? backend : null;
}

/** One folder per kind of account, so a mail and a sync account with the same id never share a file. */
export type SecretKind = 'mail' | 'sync';

const secretsDir = (dataDir: string, kind: SecretKind) => join(dataDir, `${kind}-secrets`);
export const secretFile = (dataDir: string, accountId: number, kind: SecretKind = 'mail') =>
  join(secretsDir(dataDir, kind), `${accountId}.bin`);

/** Encrypts and writes (owner-only, renamed into place); false when no backend is available. */
export function storeSecret(
  dataDir: string,
  accountId: number,
  secret: string,
  kind: SecretKind = 'mail',
): boolean {
  const storage = safeStorageBackend();
  if (!storage) return false;
  mkdirSync(secretsDir(dataDir, kind), { recursive: true, mode: 0o700 });
  const target = secretFile(dataDir, accountId, kind);
  const partial = `${target}.partial-${process.pid}`;
  try {
    writeFileSync(partial, storage.encryptString(secret), { mode: 0o600 });
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  return true;
}

/** The decrypted secret, or null when there is no file or no backend to read it. */
export function readSecret(dataDir: string, accountId: number, kind: SecretKind = 'mail'): string | null {
  const storage = safeStorageBackend();
  const file = secretFile(dataDir, accountId, kind);
  if (!storage || !existsSync(file)) return null;
  return storage.decryptString(readFileSync(file));
}

export function forgetSecret(dataDir: string, accountId: number, kind: SecretKind = 'mail'): void {
  rmSync(secretFile(dataDir, accountId, kind), { force: true });
}
