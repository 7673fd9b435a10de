import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImports, isElectron, isElectronStore, listSourceFiles } from './electron/import-scan.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const files = listSourceFiles(ROOT, 'src');

const importsOf = (file: string) => findImports(readFileSync(resolve(ROOT, file), 'utf8'));
const where = (file: string, line: number, specifier: string) => `${file}:${line} imports '${specifier}'`;

// Electron at the edge: everything else must run (and be tested) under plain Node and in a
// browser, where requiring 'electron' fails and electron-store tries to download a binary.
describe('process boundaries', () => {
  it('finds the source tree', () => {
    expect(files).toContain('src/main/electron/index.ts');
    expect(files).toContain('src/preload/index.ts');
  });

  it("only src/main/electron and src/preload import 'electron' (value or type)", () => {
    const offenders = files
      .filter((f) => !f.startsWith('src/main/electron/') && !f.startsWith('src/preload/'))
      .flatMap((f) =>
        importsOf(f)
          .filter((r) => isElectron(r.specifier))
          .map((r) => where(f, r.line, r.specifier)),
      );
    expect(offenders).toEqual([]);
  });

  it("only src/main/electron imports 'electron-store'", () => {
    const offenders = files
      .filter((f) => !f.startsWith('src/main/electron/'))
      .flatMap((f) =>
        importsOf(f)
          .filter((r) => isElectronStore(r.specifier))
          .map((r) => where(f, r.line, r.specifier)),
      );
    expect(offenders).toEqual([]);
  });

  it('keeps value imports of electron and electron-store to the two entry files', () => {
    // The other shell modules take Electron objects as parameters and use `import type`
    // only, so they run under vitest with fakes.
    const entries = new Set(['src/main/electron/index.ts', 'src/preload/index.ts']);
    const offenders = files
      .filter((f) => !entries.has(f))
      .flatMap((f) =>
        importsOf(f)
          .filter((r) => !r.typeOnly && (isElectron(r.specifier) || isElectronStore(r.specifier)))
          .map((r) => where(f, r.line, r.specifier)),
      );
    expect(offenders).toEqual([]);
  });
});

// The house has an up and a down: shells (electron, http, cli) and the composition root (app)
// wire the domains together through the dispatcher (api); domains never reach back up.
describe('layers', () => {
  const UPPER = ['src/main/api/', 'src/main/app/', 'src/main/cli/', 'src/main/http/', 'src/main/electron/'];
  const isUpper = (file: string) => UPPER.some((folder) => file.startsWith(folder));

  it('domains (contacts, followups, store, formats, …) import nothing from the shells, app/ or api/', () => {
    const offenders = files
      .filter((f) => f.startsWith('src/main/') && !isUpper(f))
      .flatMap((f) =>
        importsOf(f)
          .filter((r) => r.specifier.startsWith('.'))
          .filter((r) => isUpper(`${resolve(ROOT, f, '..', r.specifier).slice(ROOT.length + 1)}`))
          .map((r) => where(f, r.line, r.specifier)),
      );
    expect(offenders).toEqual([]);
  });

  it('every write transaction begins in store/transaction.ts (IMMEDIATE), nowhere else', () => {
    // A deferred transaction that reads and then writes fails with SQLITE_BUSY without waiting
    // when another process writes (see store/transaction.ts).
    const offenders = files
      .filter((f) => f !== 'src/main/store/transaction.ts' && f.startsWith('src/'))
      .flatMap((f) =>
        readFileSync(resolve(ROOT, f), 'utf8')
          .split('\n')
          .map((text, i) => ({ text, line: i + 1 }))
          .filter(({ text }) =>
            /\.transaction\(|\(\s*['"`]\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT)\b(?!:)/i.test(text),
          )
          .map(({ line, text }) => `${f}:${line}: ${text.trim()}`),
      );
    expect(offenders).toEqual([]);
  });
});

describe('the import scanner', () => {
  const specs = (source: string) => findImports(source).map((r) => [r.specifier, r.typeOnly]);

  it('sees every form of import', () => {
    expect(
      specs(`
        import { app } from 'electron';
        import type { BrowserWindow } from "electron/main";
        import {
          type IpcRenderer,
          contextBridge,
        } from 'electron/renderer';
        import Store from 'electron-store';
        import 'electron';
        export { shell } from 'electron';
        export type { Session } from 'electron';
        const e = require('electron');
        const lazy = await import('electron');
        /// <reference types="electron" />
      `),
    ).toEqual([
      ['electron', false],
      ['electron/main', true],
      ['electron/renderer', false],
      ['electron-store', false],
      ['electron', false],
      ['electron', false],
      ['electron', true],
      ['electron', false],
      ['electron', false],
      ['electron', true],
    ]);
  });

  it('does not mistake look-alike packages for Electron', () => {
    expect(isElectron('electron-vite')).toBe(false);
    expect(isElectron('electron-store')).toBe(false);
    expect(isElectron('@electron-toolkit/tsconfig')).toBe(false);
    expect(isElectron('electron')).toBe(true);
    expect(isElectron('electron/main')).toBe(true);
    expect(isElectronStore('electron-store')).toBe(true);
  });
});
