import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';

// A backup is data. A crafted one carried a mail account whose password command the next sync
// would have run; a restore now keeps the account but never its command.

let app: TempApp;
afterEach(() => app?.cleanup());

it('a restored mail account keeps its settings but not a password command from the file', async () => {
  app = openTempApp('2026-11-20T10:00:00Z');
  await app.api['mail.accounts.add']({
    name: 'Work',
    host: '127.0.0.1',
    port: 1143,
    security: 'insecure-local',
    user: 'me',
    credential: { kind: 'command', command: 'pass show mail/work' },
    verify: false,
  });
  const backup = await app.api['data.export']({ format: 'json' });
  const marker = join(app.dir, 'ran');
  const crafted = backup.content.replace('pass show mail/work', `touch ${marker}`);
  expect(crafted).toContain(marker);

  await app.api['data.restore']({ fileName: 'crafted.json', content: crafted, confirm: true });
  const [account] = await app.api['mail.accounts.list']({});
  expect(account).toMatchObject({ name: 'Work', host: '127.0.0.1', credential: { kind: 'safe-storage' } });
  expect(account?.lastError).toMatch(/give its password command again/);
  expect(JSON.stringify(await app.api['mail.accounts.list']({}))).not.toContain(marker);

  await app.api['mail.sync']({}).catch(() => undefined);
  expect(existsSync(marker)).toBe(false);
});
