// Upgrading a database from before imports: phones get their E.164 matching key on first open,
// and the JSON backup of a version-4 database restores into the current schema.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppContext } from '../../../src/main/app/context.ts';
import { upgradeTables } from '../../../src/main/backup/json-backup.ts';
import { inMemorySettings } from '../../../src/main/settings/settings-store.ts';
import { MIGRATIONS } from '../../../src/main/store/migrations/index.ts';
import { migrate } from '../../../src/main/store/migrations/runner.ts';
import { dumpExistingTables } from '../../../src/main/store/row-snapshot.ts';
import { tempDir } from '../../helpers/temp-app.ts';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

function version4Database() {
  const dir = tempDir();
  const path = join(dir, 'old.db');
  const db = new Database(path);
  migrate(db, MIGRATIONS.slice(0, 4));
  db.exec(`
    INSERT INTO contacts (id, display_name, created_at, updated_at) VALUES (1, 'Kim Park', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
    INSERT INTO contact_phones (contact_id, position, value, label) VALUES (1, 0, '030 1234567', 'mobile'), (1, 1, 'call me', NULL);
  `);
  return { dir, path, db };
}

describe('migration 005 on an existing database', () => {
  it('keys existing phones on first open with the user region (unparsable ones marked, not retried)', () => {
    const old = version4Database();
    old.db.close();
    const context = openAppContext({
      shell: 'cli',
      dataDir: old.dir,
      databasePath: old.path,
      settings: inMemorySettings({ phoneRegion: 'DE' }),
    });
    closers.push(() => context.close());
    const keys = context.db.prepare('SELECT value, e164 FROM contact_phones ORDER BY position').all();
    expect(keys).toEqual([
      { value: '030 1234567', e164: '+49301234567' },
      { value: 'call me', e164: '' },
    ]);
  });

  it('upgrades the rows of a version-4 backup to the current schema', () => {
    const old = version4Database();
    const tables = dumpExistingTables(old.db);
    old.db.close();
    expect(tables.imports).toBeUndefined();
    const upgraded = upgradeTables({ schemaVersion: 4, tables });
    expect(upgraded.contacts).toEqual([
      expect.objectContaining({ id: 1, display_name: 'Kim Park', review_state: null }),
    ]);
    expect(upgraded.contact_phones).toHaveLength(2);
    expect(upgraded.imports).toEqual([]);
  });
});
