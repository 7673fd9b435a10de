import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { openAppContext } from '../../../src/main/app/context.ts';
import { describeStartupError, openOrExplain } from '../../../src/main/electron/startup-errors.ts';
import { inMemorySettings } from '../../../src/main/settings/settings-store.ts';
import { ApiError } from '../../../src/shared/api/errors.ts';

const DB = '/home/me/.config/Followthrough/followthrough.db';

describe('start-up errors', () => {
  it('explains a database from a newer version without blaming the user', () => {
    const { title, content } = describeStartupError(
      new ApiError('newer_database', 'Database schema version 9 is newer than this app supports (3).'),
      DB,
    );
    expect(title).toMatch(/out of date/);
    expect(content).toContain(DB);
    expect(content).toMatch(/newer version/);
    expect(content).toMatch(/left untouched/);
    expect(content).toContain('schema version 9');
    expect(content).not.toMatch(/\n\s+at /);
  });

  it('names the file and the reason for any other failure', () => {
    const { title, content } = describeStartupError(
      new Error('SQLITE_CANTOPEN: unable to open database file'),
      DB,
    );
    expect(title).toMatch(/could not start/);
    expect(content).toContain(DB);
    expect(content).toContain('SQLITE_CANTOPEN');
    expect(content).toContain('FOLLOWTHROUGH_DB');
    expect(content).not.toMatch(/\n\s+at /);
  });

  it('opens normally without a dialog', () => {
    const showErrorBox = vi.fn();
    const quit = vi.fn();
    expect(openOrExplain({ open: () => 'context', showErrorBox, quit, databasePath: DB })).toBe('context');
    expect(showErrorBox).not.toHaveBeenCalled();
    expect(quit).not.toHaveBeenCalled();
  });

  it('shows an error box and quits when the database cannot be opened', () => {
    const showErrorBox = vi.fn();
    const quit = vi.fn();
    const result = openOrExplain({
      open: () => {
        throw new ApiError('newer_database', 'too new');
      },
      showErrorBox,
      quit,
      databasePath: DB,
    });
    expect(result).toBeNull();
    expect(showErrorBox).toHaveBeenCalledWith(
      expect.stringMatching(/out of date/),
      expect.stringContaining(DB),
    );
    expect(quit).toHaveBeenCalledOnce();
  });
});

describe('start-up with a real database from the future', () => {
  it('refuses it, explains it, and leaves the file as it was', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ft-newer-'));
    const databasePath = join(dataDir, 'followthrough.db');
    try {
      const future = new Database(databasePath);
      future.pragma('user_version = 9999');
      future.close();

      const showErrorBox = vi.fn();
      const quit = vi.fn();
      const context = openOrExplain({
        open: () =>
          openAppContext({ shell: 'electron', dataDir, databasePath, settings: inMemorySettings() }),
        showErrorBox,
        quit,
        databasePath,
      });
      expect(context).toBeNull();
      expect(quit).toHaveBeenCalledOnce();
      const [title, content] = showErrorBox.mock.calls[0] as [string, string];
      expect(title).toMatch(/out of date/);
      expect(content).toContain(databasePath);

      const after = new Database(databasePath, { readonly: true });
      expect(after.pragma('user_version', { simple: true })).toBe(9999);
      after.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
