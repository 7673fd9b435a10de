// `restore` refuses a hollow or tampered backup with exit 2, the problem named (as JSON on stderr
// under --json), and leaves the database as it was; both kinds of file go through the dispatcher.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliInProcess } from '../../helpers/run-cli.ts';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';
import {
  type BackupJson,
  BROKEN,
  dumpFile,
  exportBackup,
  populate,
  preRestoreCopies,
} from './backup-fixture.ts';

let app: TempApp;
let backup: BackupJson;

beforeAll(async () => {
  app = openTempApp('2026-11-16T10:00:00.000Z');
  await populate(app);
  backup = await exportBackup(app);
  // The CLI opens the file itself; the temp app stays out of its way.
  app.context.close();
});
afterAll(() => app.cleanup());

/** In the test's process (a child costs a second or more); `spawned` for a child's view. */
const restore = (file: string, ...args: string[]) =>
  cliInProcess(['restore', file, '--db', app.databasePath, ...args]);
const spawned = (file: string, ...args: string[]) =>
  cli(['restore', file, '--db', app.databasePath, ...args]);

function expectUnchanged(before: ReturnType<typeof dumpFile>) {
  expect(dumpFile(app.databasePath)).toEqual(before);
  expect(preRestoreCopies(app.dir)).toEqual([]);
}

describe('restore on the command line', { timeout: 120_000 }, () => {
  it('refuses every kind of broken JSON backup with exit 2 and JSON on stderr', async () => {
    const before = dumpFile(app.databasePath);
    for (const broken of BROKEN) {
      const copy = structuredClone(backup);
      broken.change(copy);
      const file = join(app.dir, 'broken.json');
      writeFileSync(file, JSON.stringify(copy));
      const run = await restore(file, '--yes', '--json');
      expect(run.code, `${broken.name}: ${run.stderr}`).toBe(2);
      expect(run.stdout).toBe('');
      const { error } = JSON.parse(run.stderr);
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(/broken\.json cannot be restored/);
      expect(error.issues, broken.name).toContainEqual({
        path: expect.stringMatching(broken.path),
        message: expect.stringMatching(broken.message),
      });
      expectUnchanged(before);
    }
  });

  it('names the table and row in words without --json, also when not asked to confirm', async () => {
    const before = dumpFile(app.databasePath);
    const copy = structuredClone(backup);
    (copy.tables.contacts as Record<string, unknown>[])[0]!.created_at = 'not a date';
    const file = join(app.dir, 'not-a-date.json');
    writeFileSync(file, JSON.stringify(copy));
    // Without --yes the file is checked before anything is asked (a child: no terminal to ask on).
    const run = await spawned(file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/tables\.contacts\[0\]\.created_at: must be a date and time.*"not a date"/);
    expectUnchanged(before);
  });

  it('refuses a tampered database copy the same way', async () => {
    const before = dumpFile(app.databasePath);
    const copy = join(app.dir, 'copy.sqlite');
    expect((await cliInProcess(['backup', '--out', copy, '--db', app.databasePath])).code).toBe(0);
    const db = new Database(copy);
    db.exec('PRAGMA foreign_keys = OFF; UPDATE interactions SET contact_id = 404;');
    db.close();
    const run = await restore(copy, '--yes', '--json');
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stderr).error.issues).toContainEqual({
      path: 'tables.interactions[0].contact_id',
      message: 'points to contacts id 404, which is not in the backup.',
    });
    const missing = await restore(join(app.dir, 'nowhere.json'), '--yes');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nowhere\.json cannot be read/);
    expectUnchanged(before);
  });

  it('restores a backup of an empty database and says how many contacts there were', async () => {
    const empty = openTempApp();
    const file = join(app.dir, 'empty.json');
    writeFileSync(file, (await empty.api['data.export']({ format: 'json' })).content);
    empty.cleanup();
    const run = await restore(file, '--yes');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^contacts\s+2\s+0$/m);
    expect(run.stdout).toMatch(/The backup held no contacts, so there are none now \(there were 2\)\./);
    const [safety] = preRestoreCopies(app.dir);
    expect(run.stdout).toContain(safety);
    // And back: the safety copy is a database copy, restored the same way.
    const back = await restore(join(app.dir, 'backups', safety as string), '--yes', '--json');
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(back.stdout)).toMatchObject({ contacts: 2, before: { contacts: 0 } });
  });
});
