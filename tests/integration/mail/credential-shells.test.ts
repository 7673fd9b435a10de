// What each shell does with a password a window hands over (issue 12): the desktop app encrypts
// it with safeStorage into a file of its own (never the database, never echoed back); the
// browser shell and a desktop app without a keychain refuse it in words that say what to use.
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  readSecret,
  registerSafeStorage,
  type SafeStorageBackend,
  secretFile,
} from '../../../src/main/credentials/safe-storage.ts';
import { refusal } from '../../helpers/refusal.ts';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';

/** Stands in for the OS keychain: a reversible transform, so the file never holds the plain text. */
const fakeKeychain = (available = true): SafeStorageBackend => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain) => Buffer.from(`enc:${Buffer.from(plain).toString('base64')}`),
  decryptString: (data) => Buffer.from(data.toString().slice(4), 'base64').toString(),
});

let app: TempApp | undefined;
afterEach(() => {
  registerSafeStorage(null);
  app?.cleanup();
  app = undefined;
});

/** A fresh app as the given shell opens it. */
function open(shell: 'electron' | 'http'): TempApp {
  app = openTempApp(undefined, {}, shell);
  return app;
}

const draft = {
  name: 'Work',
  host: 'imap.example.org',
  port: 993,
  security: 'tls' as const,
  user: 'me@example.org',
  credential: { kind: 'safe-storage' as const },
  secret: 'pw-Zq81-never-in-the-db',
  verify: false,
};

describe('a password from a window', () => {
  it('the desktop app encrypts it into its own file; the database and the answers never hold it', async () => {
    registerSafeStorage(fakeKeychain());
    const { api, dir, databasePath } = open('electron');
    const account = await api['mail.accounts.add'](draft);
    expect(JSON.stringify(account)).not.toContain(draft.secret);
    expect(account.credential).toEqual({ kind: 'safe-storage' });
    expect(JSON.stringify(await api['mail.accounts.list']({}))).not.toContain(draft.secret);
    expect(readFileSync(secretFile(dir, account.id)).toString()).not.toContain(draft.secret);
    expect(readSecret(dir, account.id)).toBe(draft.secret);
    for (const file of [databasePath, `${databasePath}-wal`].filter((f) => existsSync(f)))
      expect(readFileSync(file).toString('latin1')).not.toContain(draft.secret);

    // A new one replaces it; an edit without one keeps it.
    await api['mail.accounts.update']({ id: account.id, patch: { secret: 'second-pw-Lk2' } });
    await api['mail.accounts.update']({ id: account.id, patch: { name: 'Office' } });
    expect(readSecret(dir, account.id)).toBe('second-pw-Lk2');
  });

  it('the browser shell refuses it and says to use an environment variable', async () => {
    const { api } = open('http');
    const refused = await refusal(api['mail.accounts.add'](draft));
    expect(refused.code).toBe('invalid_input');
    expect(refused.message).toMatch(/^Only the desktop app can keep a mail password/);
    expect(refused.message).toContain('use an environment variable');
    expect(refused.message).not.toContain('--password-command');
    expect(await api['mail.accounts.list']({})).toEqual([]);
  });

  it('a desktop app without a keychain says so, and what to do instead', async () => {
    registerSafeStorage(fakeKeychain(false));
    const { api } = open('electron');
    const refused = await refusal(api['mail.accounts.add'](draft));
    expect(refused.message).toContain('no keychain');
    expect(refused.message).toContain('environment variable');
    expect(await api['mail.accounts.list']({})).toEqual([]);
  });
});
