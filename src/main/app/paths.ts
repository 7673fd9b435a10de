import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** Electron derives userData from productName; every shell must agree on it. */
export const PRODUCT_NAME = 'Followthrough';
export const DATABASE_FILE = 'followthrough.db';

interface PathEnv {
  platform?: NodeJS.Platform;
  env?: Record<string, string | undefined>;
  home?: string;
}

/**
 * The folder Electron's app.getPath('userData') returns for this product, computed without
 * Electron so the HTTP shell and the CLI open the very same database as the desktop app.
 */
export function defaultDataDir({
  platform = process.platform,
  env = process.env,
  home = homedir(),
}: PathEnv = {}): string {
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', PRODUCT_NAME);
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
    default:
      return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_NAME);
  }
}

export interface ResolvedPaths {
  /** Holds the database, settings (config.json) and backups. */
  dataDir: string;
  databasePath: string;
}

/**
 * --db PATH wins, then FOLLOWTHROUGH_DB, then the desktop app's default location. Settings live
 * beside the database, so a test or demo database never touches the user's real settings.
 */
export function resolvePaths(options: { db?: string | undefined } & PathEnv = {}): ResolvedPaths {
  const env = options.env ?? process.env;
  const explicit = options.db ?? env.FOLLOWTHROUGH_DB;
  if (explicit) {
    const databasePath = resolve(explicit);
    return { dataDir: dirname(databasePath), databasePath };
  }
  const dataDir = defaultDataDir(options);
  return { dataDir, databasePath: join(dataDir, DATABASE_FILE) };
}
