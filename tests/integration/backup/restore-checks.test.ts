// A backup is checked in full before anything changes: a hollow or tampered file (JSON or a
// database copy) is refused as invalid_input naming the table, row and column, the database
// stays exactly as it was and no safety copy is taken. Through the real dispatcher, real files.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../src/shared/api/errors.ts';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';
import { BROKEN, dumpFile, exportBackup, populate, preRestoreCopies } from './backup-fixture.ts';

const apps: TempApp[] = [];
const open = () => {
  const app = openTempApp('2026-11-16T10:00:00.000Z');
  apps.push(app);
  return app;
};
afterEach(() => {
  for (const app of apps.splice(0)) app.cleanup();
});

/** The refusal a call ends with (it must end with one). */
async function refusal(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => {
      throw new Error('expected the call to be refused');
    },
    (e: ApiError) => e,
  );
  expect(error.code).toBe('invalid_input');
  return error;
}

/** A populated app, its backup, and a check that nothing in its database ever changes. */
async function populated() {
  const app = open();
  await populate(app);
  const backup = await exportBackup(app);
  const before = dumpFile(app.databasePath);
  return {
    app,
    backup,
    unchanged: () => {
      expect(dumpFile(app.databasePath)).toEqual(before);
      expect(preRestoreCopies(app.dir)).toEqual([]);
    },
  };
}

/** A database copy of `app` (through backups.create), changed with raw SQL (foreign keys off). */
async function tamperedCopy(app: TempApp, sql: string): Promise<string> {
  const { file } = await app.api['backups.create']({});
  const db = new Database(file);
  db.exec(sql);
  db.close();
  return readFileSync(file).toString('base64');
}

describe('a JSON backup that is hollow or tampered with', () => {
  for (const broken of BROKEN) {
    it(`is refused when ${broken.name}, and nothing changes`, async () => {
      const { app, backup, unchanged } = await populated();
      broken.change(backup);
      const content = JSON.stringify(backup);
      const error = await refusal(
        app.api['data.restore']({ fileName: 'backup.json', content, confirm: true }),
      );
      expect(error.message).toMatch(/^backup\.json cannot be restored: .*Nothing was changed\.$/);
      expect(error.issues).toContainEqual({
        path: expect.stringMatching(broken.path),
        message: expect.stringMatching(broken.message),
      });
      // The preview checks the same way.
      await refusal(app.api['data.previewRestore']({ fileName: 'backup.json', content }));
      unchanged();
    });
  }

  it('names each missing table when only some are missing', async () => {
    const { app, backup, unchanged } = await populated();
    delete backup.tables.followups;
    delete backup.tables.cycles;
    const error = await refusal(app.api['data.restore']({ content: JSON.stringify(backup), confirm: true }));
    expect(error.issues?.map((i) => i.path)).toEqual(['tables.cycles', 'tables.followups']);
    unchanged();
  });

  it('refuses what the schema itself forbids, a table it does not have, and a bad header', async () => {
    const { app, backup, unchanged } = await populated();
    const restore = (change: (b: typeof backup) => void) => {
      const copy = structuredClone(backup);
      change(copy);
      return refusal(app.api['data.restore']({ content: JSON.stringify(copy), confirm: true }));
    };
    const check = await restore((b) => {
      b.tables.interactions![0]!.direction = 'sideways';
    });
    expect(check.issues).toEqual([
      { path: 'tables.interactions[0].direction', message: expect.stringMatching(/direction IN/) },
    ]);
    const unique = await restore((b) => {
      b.tables.tags!.push({ id: 99, name: 'INVESTORS', pacing: null, cadence_days: null });
    });
    expect(unique.issues).toEqual([
      { path: 'tables.tags[1].name', message: expect.stringMatching(/unique/) },
    ]);
    const unknown = await restore((b) => {
      b.tables.nope = [];
    });
    expect(unknown.issues).toEqual([{ path: 'tables.nope', message: expect.stringMatching(/not a table/) }]);
    const day = await restore((b) => {
      b.tables.promises![0]!.due_on = '2026-02-30';
    });
    expect(day.issues).toEqual([
      { path: 'tables.promises[0].due_on', message: expect.stringMatching(/YYYY-MM-DD.*"2026-02-30"/) },
    ]);
    const missingId = await restore((b) => {
      delete b.tables.contacts![1]!.id;
    });
    expect(missingId.issues).toEqual([
      { path: 'tables.contacts[1].id', message: expect.stringMatching(/needs its id/) },
    ]);
    const newer = await restore((b) => {
      b.schemaVersion = 99;
    });
    expect(newer.message).toMatch(/newer version of Followthrough \(schema version 99/);
    unchanged();
  });

  it('restores a backup of an empty database, saying how many contacts there were', async () => {
    const empty = open();
    const emptyBackup = await empty.api['data.export']({ format: 'json' });
    const { app } = await populated();
    const result = await app.api['data.restore']({ content: emptyBackup.content, confirm: true });
    expect(result).toMatchObject({ contacts: 0, events: 0, before: { contacts: 2, events: 1, promises: 1 } });
    expect(result.safetyBackup).toMatch(/pre-restore-.*\.sqlite$/);
    expect((await app.api['contacts.list']({})).total).toBe(0);
  });
});

describe('previewing a restore', () => {
  it('says what a JSON backup holds and what it would replace, and writes nothing', async () => {
    const { app, backup } = await populated();
    await app.api['contacts.create']({ displayName: 'Only here' });
    const before = dumpFile(app.databasePath);
    const preview = await app.api['data.previewRestore']({
      fileName: 'b.json',
      content: JSON.stringify(backup),
    });
    expect(preview).toEqual({
      fileName: 'b.json',
      kind: 'json',
      exportedAt: '2026-11-16T10:00:00.000Z',
      schemaVersion: backup.schemaVersion,
      counts: { contacts: 2, events: 1, interactions: 1, followUps: expect.any(Number), promises: 1 },
      current: { contacts: 3, events: 1, interactions: 1, followUps: expect.any(Number), promises: 1 },
      hasSettings: true,
    });
    expect(dumpFile(app.databasePath)).toEqual(before);
  });

  it('reads a JSON backup sent as base64, byte-order mark and all', async () => {
    const { app, backup } = await populated();
    const content = Buffer.from(`\uFEFF${JSON.stringify(backup)}`).toString('base64');
    const preview = await app.api['data.previewRestore']({ content, encoding: 'base64' });
    expect(preview).toMatchObject({ kind: 'json', counts: { contacts: 2 } });
  });
});

describe('a database copy', () => {
  it('restores through data.restore, after the same checks', async () => {
    const { app } = await populated();
    const { file } = await app.api['backups.create']({});
    await app.api['contacts.create']({ displayName: 'Added after the copy' });
    const content = readFileSync(file).toString('base64');
    const preview = await app.api['data.previewRestore']({ fileName: file, content, encoding: 'base64' });
    expect(preview).toMatchObject({
      kind: 'database',
      exportedAt: null,
      counts: { contacts: 2 },
      current: { contacts: 3 },
    });
    const result = await app.api['data.restore']({
      fileName: file,
      content,
      encoding: 'base64',
      confirm: true,
    });
    expect(result).toMatchObject({ contacts: 2, before: { contacts: 3 } });
    expect((await app.api['contacts.list']({ query: 'nordic' })).total).toBe(1);
  });

  const tampered: { name: string; sql: string; path: string; message: RegExp }[] = [
    {
      name: 'a reference that points nowhere',
      sql: 'PRAGMA foreign_keys = OFF; UPDATE contact_emails SET contact_id = 77;',
      path: 'tables.contact_emails[0].contact_id',
      message: /points to contacts id 77/,
    },
    {
      name: 'a missing table',
      sql: 'DROP TABLE promises;',
      path: 'tables.promises',
      message: /missing/,
    },
    {
      name: 'a date that is not one',
      sql: "UPDATE events SET created_at = 'yesterday';",
      path: 'tables.events[0].created_at',
      message: /date and time/,
    },
  ];
  for (const t of tampered) {
    it(`is refused with ${t.name}, and nothing changes`, async () => {
      const { app, unchanged } = await populated();
      const content = await tamperedCopy(app, t.sql);
      const error = await refusal(
        app.api['data.restore']({ fileName: 'copy.sqlite', content, encoding: 'base64', confirm: true }),
      );
      expect(error.issues).toContainEqual({ path: t.path, message: expect.stringMatching(t.message) });
      unchanged();
    });
  }

  it('is refused when damaged, from a newer version, or not a database at all', async () => {
    const { app, unchanged } = await populated();
    const { file } = await app.api['backups.create']({});
    const bytes = readFileSync(file);
    const restore = (content: Buffer) =>
      refusal(
        app.api['data.restore']({
          fileName: 'copy.sqlite',
          content: content.toString('base64'),
          encoding: 'base64',
          confirm: true,
        }),
      );
    // Cut after the first pages: the schema names pages that are not there.
    expect((await restore(bytes.subarray(0, 8192))).describe()).toMatch(/copy\.sqlite/);
    const newer = await tamperedCopy(app, 'PRAGMA user_version = 99;');
    expect((await restore(Buffer.from(newer, 'base64'))).message).toMatch(/newer version/);
    const foreign = join(app.dir, 'other.sqlite');
    new Database(foreign).exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    expect((await restore(readFileSync(foreign))).message).toMatch(/not a Followthrough one/);
    writeFileSync(foreign, 'SQLite format 3\0 but nothing else');
    expect((await restore(readFileSync(foreign))).message).toMatch(/copy\.sqlite/);
    unchanged();
  });
});
