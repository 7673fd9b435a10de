// Upgrading a version-7 database (before undo and the trackable next step): the existing next
// steps stay, untracked; an existing step can be acted on and the action undone; a version-7
// JSON backup restores into the new schema.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppContext } from '../../../src/main/app/context.ts';
import { upgradeTables } from '../../../src/main/backup/json-backup.ts';
import { inMemorySettings } from '../../../src/main/settings/settings-store.ts';
import { MIGRATIONS } from '../../../src/main/store/migrations/index.ts';
import { migrate } from '../../../src/main/store/migrations/runner.ts';
import { dumpExistingTables } from '../../../src/main/store/row-snapshot.ts';
import { createApiClient } from '../../../src/shared/api/client.ts';
import { unwrap } from '../../../src/shared/api/errors.ts';
import { tempDir } from '../../helpers/temp-app.ts';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

const AT = '2026-11-16T08:00:00.000Z';

function version7Database() {
  const dir = tempDir();
  const path = join(dir, 'old.db');
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, 7));
  db.prepare(
    `INSERT INTO contacts (id, display_name, next_step, created_at, updated_at) VALUES (1, 'Ada Lovelace', 'Send the notes', ?, ?)`,
  ).run(AT, AT);
  db.prepare(`INSERT INTO cycles (id, contact_id, playbook, started_at) VALUES (1, 1, 'manual', ?)`).run(AT);
  db.prepare(
    `INSERT INTO followups (id, cycle_id, contact_id, purpose, due_on, due_at, priority, reason, created_at, updated_at)
     VALUES (1, 1, 1, 'manual', '2026-11-17', '2026-11-17T08:00:00.000Z', 45, 'A follow-up you scheduled.', ?, ?)`,
  ).run(AT, AT);
  return { dir, path, db };
}

describe('migration 008 on a version-7 database', () => {
  it('adds the undo journal and the next-step columns, keeping every row', () => {
    const old = version7Database();
    expect(old.db.pragma('user_version', { simple: true })).toBe(7);
    const before = dumpExistingTables(old.db);
    migrate(old.db, MIGRATIONS.slice(0, 8));
    closers.push(() => old.db.close());
    expect(old.db.pragma('user_version', { simple: true })).toBe(8);
    expect(old.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const after = dumpExistingTables(old.db);
    expect(after.contacts).toEqual(
      before.contacts?.map((c) => ({
        ...c,
        next_step_due_on: null,
        next_step_done_at: null,
        next_step_promise_id: null,
      })),
    );
    expect(after.followups).toEqual(before.followups);
    expect(old.db.prepare('SELECT count(*) FROM undo_actions').pluck().get()).toBe(0);
  });

  it('opens in the app: the old next step is to do, and a quick action on an old step undoes exactly', async () => {
    const old = version7Database();
    old.db.close();
    const context = openAppContext({
      shell: 'cli',
      dataDir: old.dir,
      databasePath: old.path,
      settings: inMemorySettings({ timeZone: 'Europe/Berlin', followUpHour: 9 }),
      clock: () => new Date('2026-11-16T10:00:00Z'),
      strictScopes: true,
    });
    closers.push(() => context.close());
    const api = createApiClient(
      async (method, input) => unwrap(await context.dispatch(method, input)) as never,
    );
    expect(context.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(await api['contacts.get']({ id: 1 })).toMatchObject({
      nextStep: 'Send the notes',
      nextStepDueOn: null,
      nextStepDoneAt: null,
      nextStepPromiseId: null,
    });
    const steps = () => context.db.prepare('SELECT id, status, due_on FROM followups ORDER BY id').all();
    const before = steps();
    const skipped = await api['followups.skip']({ id: 1 });
    await api['undo.apply']({ id: skipped.undoId });
    expect(steps()).toEqual(before);
  });

  it('restores a version-7 JSON backup into the new schema', () => {
    const old = version7Database();
    const tables = dumpExistingTables(old.db);
    old.db.close();
    const upgraded = upgradeTables({ schemaVersion: 7, tables });
    expect(upgraded.contacts).toEqual([
      expect.objectContaining({
        id: 1,
        next_step: 'Send the notes',
        next_step_due_on: null,
        next_step_done_at: null,
      }),
    ]);
    expect(upgraded.followups).toHaveLength(1);
  });
});
