// Finds the Electron binary for `npm start` (scripts/start.ts). Runs under plain Node before
// Electron exists, so it must not load the electron package: loading that package tries to download
// the binary and throws when it cannot.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RuntimeFs {
  exists(path: string): boolean;
  /** The file's text, or null if it cannot be read. */
  readText(path: string): string | null;
}

export const nodeRuntimeFs: RuntimeFs = {
  exists: existsSync,
  readText(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return null;
    }
  },
};

export type RuntimeStatus =
  | { available: true; binary: string }
  | { available: false; reason: 'not-downloaded' | 'binary-missing'; expected?: string };

/**
 * Same rules as the electron package's own index.js, without its side effect (it starts a
 * download when the binary is missing): path.txt names the executable inside dist/, written by
 * install.js after a successful download; ELECTRON_OVERRIDE_DIST_PATH points at a build
 * elsewhere.
 */
export function locateElectronRuntime(
  electronDir: string,
  env: Record<string, string | undefined> = process.env,
  fs: RuntimeFs = nodeRuntimeFs,
): RuntimeStatus {
  const executable = fs.readText(join(electronDir, 'path.txt'))?.trim() || null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!executable && !override) return { available: false, reason: 'not-downloaded' };
  const binary = override
    ? join(override, executable ?? 'electron')
    : join(electronDir, 'dist', executable ?? '');
  return fs.exists(binary)
    ? { available: true, binary }
    : { available: false, reason: 'binary-missing', expected: binary };
}

/**
 * Whether a failed `install.js` run failed for lack of network. It prints only the error's
 * stack, e.g. "TypeError: fetch failed" (the ENOTFOUND sits in the unprinted cause), so both
 * the generic fetch failure and the usual socket error codes count; so does our own timeout.
 */
export function isNetworkFailure(output: string, timedOut: boolean): boolean {
  if (timedOut) return true;
  return /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up|getaddrinfo|certificate/i.test(
    output,
  );
}

/** The first line of a failure that says something, for the one-line reason in the message. */
export function firstMeaningfulLine(output: string): string | null {
  for (const line of output.split(/\r?\n/)) {
    const trimmed = line.trim();
    // npm's own config warnings and stack frames say nothing about the failure.
    if (!trimmed || trimmed.startsWith('npm warn') || trimmed.startsWith('at ')) continue;
    return trimmed.length > 160 ? `${trimmed.slice(0, 160)}…` : trimmed;
  }
  return null;
}

/**
 * The single paragraph `npm start` prints when there is no desktop runtime. It must leave the
 * user knowing three things: the app is fine, how to use it right now, how to get the window.
 */
export function runtimeUnavailableMessage(networkFailure: boolean, reason: string | null): string {
  const why = networkFailure
    ? 'could not be downloaded, because this machine cannot reach its download host (github.com)'
    : `could not be installed${reason ? ` (${reason})` : ''}`;
  return [
    `Followthrough was built, but the Electron desktop runtime ${why}.`,
    'Nothing is wrong with the app or your data.',
    'Run `npm run serve` to use the same app in your browser with the same data:',
    'it starts the local browser version and prints a URL, with an access token, to open.',
    'To get the desktop window, run `npm start` (or `npx install-electron`) on a machine that can',
    'reach github.com: it downloads the runtime once (set ELECTRON_MIRROR to use a mirror instead).',
  ].join(' ');
}

/**
 * The environment Electron is started with. ELECTRON_RUN_AS_NODE, if it leaked in from the
 * parent (some editors set it), would make the binary behave as plain Node and ignore the app.
 */
export function electronEnv(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const { ELECTRON_RUN_AS_NODE: _ignored, ...rest } = env;
  return rest;
}
