import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Db } from './database.ts';

/**
 * A consistent copy of the live database through SQLite's online backup API (never a file copy,
 * which can tear a WAL database). Written beside the target and renamed, so a failed or
 * interrupted backup never leaves a half-written file under the requested name.
 */
export async function backupDatabase(
  db: Db,
  target: string,
  options: { overwrite?: boolean } = {},
): Promise<void> {
  if (existsSync(target) && !options.overwrite) {
    throw new Error(`${target} already exists; choose another file or pass --force.`);
  }
  mkdirSync(dirname(target), { recursive: true });
  const partial = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
  try {
    await db.backup(partial);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
}
