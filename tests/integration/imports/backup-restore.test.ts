// The JSON backup brings everything back exactly; rolling database backups keep a bounded count.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDailyBackup } from '../../../src/main/backup/rolling.ts';
import { openTempApp, type TempApp, tempDir } from '../../helpers/temp-app.ts';

const apps: TempApp[] = [];
const open = (...args: Parameters<typeof openTempApp>) => {
  const app = openTempApp(...args);
  apps.push(app);
  return app;
};
afterEach(() => {
  for (const app of apps.splice(0)) app.cleanup();
});

async function populate(app: TempApp) {
  const event = await app.api['events.create']({
    name: 'Web Summit',
    date: '2026-11-10',
    location: 'Lisbon',
  });
  const zoe = await app.api['contacts.create']({
    displayName: 'Zoë Ångström 🎉',
    metEventId: event.id,
    emails: [{ value: 'zoe@example.com', label: 'work' }],
    phones: [{ value: '+46 8 123 456' }],
    links: [{ url: 'https://www.linkedin.com/in/zoe' }],
    tags: ['Investors', '山田'],
    discussed: 'Nordic seed rounds; 日本語',
    cadenceDays: 30,
  });
  await app.api['interactions.add']({
    contactId: zoe.id,
    channel: 'email',
    direction: 'outbound',
    summary: 'Thanks for the chat',
    occurredAt: '2026-11-11T09:00:00Z',
  });
  await app.api['promises.add']({
    contactId: zoe.id,
    direction: 'theirs',
    text: 'Send the memo',
    dueOn: '2026-11-25',
  });
  await app.api['settings.update']({ followUpHour: 8 });
  return zoe;
}

const exportJson = async (app: TempApp) => {
  const file = await app.api['data.export']({ format: 'json' });
  const backup = JSON.parse(file.content);
  return { ...backup, exportedAt: null };
};

describe('JSON backup', () => {
  it('round-trips every table and the settings exactly into a fresh database', async () => {
    const source = open('2026-11-16T10:00:00Z', { timeZone: 'Europe/Berlin' });
    await populate(source);
    const backup = await source.api['data.export']({ format: 'json' });
    expect(backup.count).toBe(1);

    const target = open('2026-11-16T10:00:00Z', { timeZone: 'Europe/Berlin' });
    await target.api['contacts.create']({ displayName: 'Will be replaced' });
    const result = await target.api['data.restore']({ content: backup.content, confirm: true });
    expect(result).toMatchObject({ contacts: 1, events: 1, interactions: 1, promises: 1 });
    expect(result.safetyBackup).toMatch(/pre-restore-.*\.sqlite$/);
    expect(await exportJson(target)).toEqual(await exportJson(source));
    expect((await target.api['settings.get']({})).followUpHour).toBe(8);
    // The search index was rebuilt from the restored rows.
    expect((await target.api['contacts.list']({ query: 'nordic' })).total).toBe(1);
  });

  it('refuses a file that is not a backup, naming what is wrong, and changes nothing', async () => {
    const app = open();
    await app.api['contacts.create']({ displayName: 'Still here' });
    await expect(app.api['data.restore']({ content: '{"hello": 1}', confirm: true })).rejects.toThrow(
      /not a Followthrough backup/,
    );
    await expect(
      app.api['data.restore']({ content: '{"format": "followthrough-backup", ', confirm: true }),
    ).rejects.toThrow(/not valid JSON/);
    // A column the schema does not have is named with its table and row (in the error's issues).
    const bad = JSON.parse((await app.api['data.export']({ format: 'json' })).content);
    bad.tables.contacts[0].nope = 2;
    await expect(
      app.api['data.restore']({ content: JSON.stringify(bad), confirm: true }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'tables.contacts[0].nope', message: 'is not a column of contacts.' }],
    });
    expect((await app.api['contacts.list']({})).total).toBe(1);
  });
});

describe('rolling backups', () => {
  it('keeps one copy per local day and deletes the oldest beyond the limit', async () => {
    const app = open();
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'not a backup');
    for (const day of ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-03', '2026-11-04']) {
      await ensureDailyBackup({
        db: app.context.db,
        dir,
        now: new Date(`${day}T12:00:00Z`),
        timeZone: 'UTC',
        keep: 2,
      });
    }
    expect(readdirSync(dir).sort()).toEqual([
      'followthrough-2026-11-03.sqlite',
      'followthrough-2026-11-04.sqlite',
      'notes.txt',
    ]);
  });

  it('Back up now adds a database copy that the list shows', async () => {
    // The populated history (an interaction on 11 Nov) must have happened by the app's now.
    const app = open('2026-11-16T10:00:00Z');
    await populate(app);
    const list = await app.api['backups.create']({});
    expect(list.bytes).toBeGreaterThan(0);
    const listing = await app.api['backups.list']({});
    expect(listing.items.map((i) => i.file)).toContain(list.file);
  });
});
