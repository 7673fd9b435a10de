import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// conf is electron-store's engine without the Electron dependency: the HTTP shell and the CLI
// read config.json with it, so it is what these tests check compatibility against.
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  openSettingsFile,
  type SettingsFileOptions,
  settingsPath,
} from '../../../src/main/electron/settings-file.ts';
import { readWindowState, writeWindowState } from '../../../src/main/electron/window-bounds.ts';
import { settingsOver } from '../../../src/main/settings/settings-store.ts';

// What electron-store does with these options, minus Electron: configName is its `name`.
const createWithConf = (options: SettingsFileOptions) =>
  new Conf<Record<string, unknown>>({ cwd: options.cwd, configName: options.name, schema: options.schema });

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'ft-settings-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the settings file', () => {
  it('is config.json in the data folder, shared with the other shells', () => {
    const { store, persistent } = openSettingsFile(dataDir, createWithConf, vi.fn());
    expect(persistent).toBe(true);
    settingsOver(store).update({ theme: 'dark' });
    writeWindowState(store, { x: 1, y: 2, width: 900, height: 700, maximized: false });

    const file = JSON.parse(readFileSync(settingsPath(dataDir), 'utf8'));
    expect(file).toMatchObject({ theme: 'dark', windowBounds: { x: 1, y: 2, width: 900, height: 700 } });

    // Another process (the HTTP shell) opening the same file sees the same settings.
    const other = openSettingsFile(dataDir, createWithConf, vi.fn()).store;
    expect(settingsOver(other).get().theme).toBe('dark');
    expect(readWindowState(other)).toEqual({ x: 1, y: 2, width: 900, height: 700, maximized: false });
  });

  it('still opens when a hand edit breaks the schema, using defaults where invalid', () => {
    writeFileSync(settingsPath(dataDir), JSON.stringify({ theme: 'sepia', windowBounds: { x: 3 } }));
    const log = vi.fn();
    const { store, persistent } = openSettingsFile(dataDir, createWithConf, log);
    expect(persistent).toBe(true);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('do not match the schema'), expect.anything());
    expect(settingsOver(store).get().theme).toBe('system');
    expect(readWindowState(store)).toBeNull();
    // Choosing a theme again repairs the file.
    settingsOver(store).update({ theme: 'light' });
    expect(JSON.parse(readFileSync(settingsPath(dataDir), 'utf8')).theme).toBe('light');
  });

  it('keeps settings in memory, and leaves the file alone, when it is not JSON', () => {
    writeFileSync(settingsPath(dataDir), '{ theme: dark');
    const log = vi.fn();
    const { store, persistent } = openSettingsFile(dataDir, createWithConf, log);
    expect(persistent).toBe(false);
    expect(log).toHaveBeenLastCalledWith(expect.stringContaining('will not be saved'), expect.anything());
    const settings = settingsOver(store);
    expect(settings.update({ theme: 'dark' }).theme).toBe('dark');
    expect(readFileSync(settingsPath(dataDir), 'utf8')).toBe('{ theme: dark');
  });
});
