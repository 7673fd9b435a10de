// A small static import scanner for the architecture tests. Deliberately regex-based and
// strict: it sees static imports, re-exports, dynamic import(), require() and
// /// <reference types>, in code and comments alike, so a false alarm is fixed by rewording a
// comment, while a missed import could ship Electron into the wrong process.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface ImportRef {
  specifier: string;
  /** `import type` / `export type`: erased by the compiler, never loaded at run time. */
  typeOnly: boolean;
  line: number;
}

const STATIC = /\b(import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s*)?(['"])([^'"\n]+)\3/g;
const DYNAMIC = /\bimport\s*\(\s*(['"`])([^'"`\n]+)\1\s*\)/g;
const REQUIRE = /\brequire\s*\(\s*(['"`])([^'"`\n]+)\1\s*\)/g;
const REFERENCE = /\/\/\/\s*<reference\s+types\s*=\s*(['"])([^'"\n]+)\1/g;

function lineOf(source: string, index: number): number {
  return source.slice(0, index).split('\n').length;
}

export function findImports(source: string): ImportRef[] {
  const refs: ImportRef[] = [];
  for (const m of source.matchAll(STATIC)) {
    refs.push({ specifier: m[4] ?? '', typeOnly: Boolean(m[2]), line: lineOf(source, m.index) });
  }
  for (const pattern of [DYNAMIC, REQUIRE]) {
    for (const m of source.matchAll(pattern)) {
      refs.push({ specifier: m[2] ?? '', typeOnly: false, line: lineOf(source, m.index) });
    }
  }
  for (const m of source.matchAll(REFERENCE)) {
    refs.push({ specifier: m[2] ?? '', typeOnly: true, line: lineOf(source, m.index) });
  }
  return refs;
}

/** 'electron' and its subpath entry points ('electron/main', 'electron/renderer', ...). */
export const isElectron = (specifier: string) => /^electron(\/|$)/.test(specifier);
export const isElectronStore = (specifier: string) => /^electron-store(\/|$)/.test(specifier);

const SOURCE_FILE = /\.(?:[cm]?tsx?|[cm]?jsx?)$/;

/** Every source file under dir, as paths relative to root with forward slashes. */
export function listSourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const child = join(abs, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (SOURCE_FILE.test(entry.name))
        out.push(
          child
            .slice(root.length + 1)
            .split('\\')
            .join('/'),
        );
    }
  };
  walk(join(root, dir));
  return out.sort();
}

/**
 * The bare specifiers a file loads at run time, following its relative value imports
 * (type-only imports are erased, so they are not followed).
 */
export function runtimeDependencies(entry: string): Set<string> {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const ref of findImports(readFileSync(file, 'utf8'))) {
      if (ref.typeOnly) continue;
      if (ref.specifier.startsWith('.')) visit(resolve(dirname(file), ref.specifier));
      else bare.add(ref.specifier);
    }
  };
  visit(resolve(entry));
  return bare;
}
