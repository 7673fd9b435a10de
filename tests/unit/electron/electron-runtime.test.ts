import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  electronEnv,
  firstMeaningfulLine,
  isNetworkFailure,
  locateElectronRuntime,
  type RuntimeFs,
  runtimeUnavailableMessage,
} from '../../../src/main/electron/electron-runtime.ts';
import { isElectron, runtimeDependencies } from './import-scan.ts';

const DIR = '/proj/node_modules/electron';

function fakeFs(files: Record<string, string>): RuntimeFs {
  return {
    exists: (path) => Object.hasOwn(files, path),
    readText: (path) => files[path] ?? null,
  };
}

describe('finding the Electron binary', () => {
  it('is not there before the lazy download ran', () => {
    expect(locateElectronRuntime(DIR, {}, fakeFs({}))).toEqual({
      available: false,
      reason: 'not-downloaded',
    });
  });

  it('is the executable path.txt names inside dist/', () => {
    const binary = join(DIR, 'dist', 'electron');
    const fs = fakeFs({ [join(DIR, 'path.txt')]: 'electron\n', [binary]: '' });
    expect(locateElectronRuntime(DIR, {}, fs)).toEqual({ available: true, binary });
  });

  it('notices a path.txt whose binary has been deleted', () => {
    const fs = fakeFs({ [join(DIR, 'path.txt')]: 'Electron.app/Contents/MacOS/Electron' });
    expect(locateElectronRuntime(DIR, {}, fs)).toEqual({
      available: false,
      reason: 'binary-missing',
      expected: join(DIR, 'dist', 'Electron.app/Contents/MacOS/Electron'),
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const binary = join('/opt/electron', 'electron');
    const env = { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' };
    expect(locateElectronRuntime(DIR, env, fakeFs({ [binary]: '' }))).toEqual({ available: true, binary });
    expect(locateElectronRuntime(DIR, env, fakeFs({}))).toMatchObject({
      available: false,
      reason: 'binary-missing',
    });
  });
});

describe('explaining a failed download', () => {
  it('recognises the failures of a machine without network', () => {
    expect(isNetworkFailure('TypeError: fetch failed\n    at node:internal/deps/undici', false)).toBe(true);
    expect(isNetworkFailure('RequestError: getaddrinfo ENOTFOUND github.com', false)).toBe(true);
    expect(isNetworkFailure('connect ETIMEDOUT 140.82.121.4:443', false)).toBe(true);
    expect(isNetworkFailure('', true)).toBe(true);
    expect(isNetworkFailure('Error: Generated checksum for "electron.zip" did not match', false)).toBe(false);
  });

  it('summarises the failure in one line, skipping npm noise and stack frames', () => {
    expect(
      firstMeaningfulLine(
        'npm warn Unknown user config "nodedir"\n\nError: EACCES: permission denied\n    at x (y.js:1:1)',
      ),
    ).toBe('Error: EACCES: permission denied');
    expect(firstMeaningfulLine('\n  \n')).toBeNull();
  });

  it('is one paragraph that says the app is fine and what to do', () => {
    const message = runtimeUnavailableMessage(true, 'TypeError: fetch failed');
    expect(message).not.toContain('\n');
    expect(message).toMatch(/could not be downloaded/);
    expect(message).toMatch(/github\.com/);
    expect(message).toMatch(/Nothing is wrong/);
    expect(message).toContain('`npm run serve`');
    expect(message).toMatch(/same data/);
    expect(message).toMatch(/access token/);
    expect(message).toContain('`npx install-electron`');
    expect(message).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('gives the reason when the failure was not the network', () => {
    const message = runtimeUnavailableMessage(false, 'Error: EACCES: permission denied');
    expect(message).toContain('could not be installed (Error: EACCES: permission denied)');
    expect(message).toContain('`npm run serve`');
  });

  it('starts Electron without ELECTRON_RUN_AS_NODE', () => {
    expect(electronEnv({ ELECTRON_RUN_AS_NODE: '1', PATH: '/bin' })).toEqual({ PATH: '/bin' });
  });
});

describe('npm start', () => {
  it('never loads the electron package, which would try to download the binary', () => {
    const root = resolve(import.meta.dirname, '../../..');
    const deps = runtimeDependencies(join(root, 'scripts/start.ts'));
    expect([...deps].filter(isElectron)).toEqual([]);
    expect([...deps].every((d) => d.startsWith('node:'))).toBe(true);
  });
});
