import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileSettings } from '../../src/main/settings/file-settings.ts';
import { settingsOver } from '../../src/main/settings/settings-store.ts';
import { DEFAULT_SETTINGS } from '../../src/shared/settings.ts';
import { tempDir } from '../helpers/temp-app.ts';

describe('settings', () => {
  it('fall back to defaults when the stored value is not valid', () => {
    const store = settingsOver({ get: (k) => (k === 'theme' ? 'purple' : undefined), set: () => {} });
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('reject an invalid update without writing', () => {
    const writes: unknown[] = [];
    const store = settingsOver({ get: () => undefined, set: (k, v) => writes.push([k, v]) });
    expect(() => store.update({ theme: 'purple' as never })).toThrow();
    expect(writes).toEqual([]);
  });

  it('persist in config.json in the data folder (the file electron-store uses)', () => {
    const dir = tempDir();
    openFileSettings(dir).update({ theme: 'dark' });
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toMatchObject({ theme: 'dark' });
    expect(openFileSettings(dir).get().theme).toBe('dark');
  });

  it('read the whole file once per get, and see what another shell wrote since', () => {
    const dir = tempDir();
    const here = openFileSettings(dir);
    const there = openFileSettings(dir);
    expect(here.get().theme).toBe(DEFAULT_SETTINGS.theme);
    there.update({ theme: 'dark' });
    expect(here.get().theme).toBe('dark');
    // A value the schema refuses, written by hand, falls back alone; the others stand.
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), followUpHour: 'nine' }));
    expect(here.get()).toMatchObject({ theme: 'dark', followUpHour: DEFAULT_SETTINGS.followUpHour });
    const keysRead: string[] = [];
    const counted = settingsOver({
      get: (k) => void keysRead.push(k),
      set: () => {},
      get store() {
        keysRead.push('*');
        return { theme: 'dark' };
      },
    });
    expect(counted.get().theme).toBe('dark');
    expect(keysRead).toEqual(['*']);
  });

  it('survive a hand-broken config.json', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), '{"theme": 42, "windowBounds": {"x": 1}}');
    expect(openFileSettings(dir).get().theme).toBe('system');
  });
});

describe('settings updates', () => {
  it('change only the keys sent, never resetting the others to their defaults', () => {
    const dir = tempDir();
    const store = openFileSettings(dir);
    store.update({ timeZone: 'Asia/Tokyo', followUpHour: 8 });
    store.update({ theme: 'dark' });
    expect(openFileSettings(dir).get()).toMatchObject({
      theme: 'dark',
      timeZone: 'Asia/Tokyo',
      followUpHour: 8,
    });
  });

  it('keep the valid fields of a partly broken config', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), '{"theme": "dark", "followUpHour": 99}');
    expect(openFileSettings(dir).get()).toMatchObject({ theme: 'dark', followUpHour: 9 });
  });
});
