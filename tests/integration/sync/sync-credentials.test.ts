// A sync account's password by the mail accounts' policy: the desktop app keeps it encrypted by
// the system's keychain (safeStorage) in sync-secrets/, never in the database; a window may not
// name a program to run, and the browser shell cannot keep a password at all.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppContext, openAppContext } from '../../../src/main/app/context.ts';
import {
  readSecret,
  registerSafeStorage,
  type SafeStorageBackend,
  secretFile,
} from '../../../src/main/credentials/safe-storage.ts';
import { inMemorySettings } from '../../../src/main/settings/settings-store.ts';
import { createApiClient } from '../../../src/shared/api/client.ts';
import type { ApiClient } from '../../../src/shared/api/contract.ts';
import { unwrap } from '../../../src/shared/api/errors.ts';
import { DAV_PASSWORD, DAV_SERVERS, type DavServer } from '../../helpers/dav-servers.ts';
import { tempDir } from '../../helpers/temp-app.ts';

const fakeKeychain = (): SafeStorageBackend => ({
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from(`enc:${Buffer.from(plain).toString('base64')}`),
  decryptString: (data) => Buffer.from(data.toString().slice(4), 'base64').toString(),
});

let contexts: AppContext[] = [];
let server: DavServer | undefined;
afterEach(async () => {
  registerSafeStorage(null);
  for (const c of contexts) c.close();
  contexts = [];
  await server?.stop();
});

function open(shell: 'electron' | 'http'): { api: ApiClient; dir: string; databasePath: string } {
  const dir = tempDir();
  const databasePath = join(dir, 'followthrough.db');
  const context = openAppContext({
    shell,
    dataDir: dir,
    databasePath,
    settings: inMemorySettings({ timeZone: 'Europe/Berlin' }),
    clock: () => new Date('2026-03-10T09:00:00Z'),
    strictScopes: true,
  });
  contexts.push(context);
  const api = createApiClient(
    async (method, input) => unwrap(await context.dispatch(method, input)) as never,
  );
  return { api, dir, databasePath };
}

const radicale = DAV_SERVERS.find((s) => s.name === 'Radicale')!;

describe('sync account passwords', () => {
  it('the desktop app keeps it in its keychain file, logs in with it, and never writes it to the database', async () => {
    registerSafeStorage(fakeKeychain());
    const { api, dir, databasePath } = open('electron');
    server = await radicale.start(dir);
    const account = await api['sync.accounts.add']({
      url: server.url,
      user: server.user,
      credential: { kind: 'safe-storage' },
      secret: DAV_PASSWORD,
    });
    expect(account.calendarUrl).not.toBeNull();
    expect(JSON.stringify(account)).not.toContain(DAV_PASSWORD);
    expect(existsSync(secretFile(dir, account.id, 'sync'))).toBe(true);
    expect(readSecret(dir, account.id, 'sync')).toBe(DAV_PASSWORD);
    expect(await api['sync.run']({})).toMatchObject({ errors: [], pending: 0 });
    for (const file of [databasePath, `${databasePath}-wal`])
      if (existsSync(file)) expect(readFileSync(file).includes(DAV_PASSWORD)).toBe(false);
    await api['sync.accounts.remove']({ id: account.id });
    expect(existsSync(secretFile(dir, account.id, 'sync'))).toBe(false);
  });

  it('a window may not set a password command; the browser shell cannot keep a password', async () => {
    const { api } = open('http');
    const base = { url: 'https://dav.example.org/', user: 'ada', verify: false };
    await expect(
      api['sync.accounts.add']({ ...base, credential: { kind: 'command', command: 'pass show dav' } }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/from the command line/),
    });
    await expect(
      api['sync.accounts.add']({ ...base, credential: { kind: 'safe-storage' }, secret: 'x' }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/Only the desktop app can keep a sync password/),
    });
    await expect(
      api['sync.accounts.add']({
        ...base,
        url: 'https://ada:pw@dav.example.org/',
        credential: { kind: 'env', variable: 'X' },
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await api['sync.accounts.list']({})).toEqual([]);
  });
});
