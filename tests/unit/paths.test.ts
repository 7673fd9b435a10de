import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolvePaths } from '../../src/main/app/paths.ts';

describe('data location (must match Electron userData for productName Followthrough)', () => {
  it('follows XDG_CONFIG_HOME on Linux, else ~/.config', () => {
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/x/cfg' }, home: '/home/u' })).toBe(
      '/x/cfg/Followthrough',
    );
    expect(defaultDataDir({ platform: 'linux', env: {}, home: '/home/u' })).toBe(
      '/home/u/.config/Followthrough',
    );
  });

  it('uses Application Support on macOS and APPDATA on Windows', () => {
    expect(defaultDataDir({ platform: 'darwin', env: {}, home: '/Users/u' })).toBe(
      '/Users/u/Library/Application Support/Followthrough',
    );
    expect(
      defaultDataDir({
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' },
        home: 'C:\\Users\\u',
      }),
    ).toBe(join('C:\\Users\\u\\AppData\\Roaming', 'Followthrough'));
  });

  it('lets --db win over FOLLOWTHROUGH_DB, which wins over the default; settings sit beside the database', () => {
    const env = { FOLLOWTHROUGH_DB: '/data/env.db', XDG_CONFIG_HOME: '/cfg' };
    expect(resolvePaths({ db: '/data/flag.db', env, platform: 'linux', home: '/h' })).toEqual({
      dataDir: '/data',
      databasePath: '/data/flag.db',
    });
    expect(resolvePaths({ env, platform: 'linux', home: '/h' }).databasePath).toBe('/data/env.db');
    expect(resolvePaths({ env: { XDG_CONFIG_HOME: '/cfg' }, platform: 'linux', home: '/h' })).toEqual({
      dataDir: '/cfg/Followthrough',
      databasePath: '/cfg/Followthrough/followthrough.db',
    });
    expect(resolvePaths({ db: 'rel.db', env: {}, platform: 'linux', home: '/h' }).databasePath).toBe(
      resolve('rel.db'),
    );
  });
});
