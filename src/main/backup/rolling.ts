import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupItem, BackupList } from '../../shared/domain/imports.ts';
import { backupDatabase } from '../store/backup.ts';
import type { Db } from '../store/database.ts';

const DAILY = /^followthrough-(\d{4}-\d{2}-\d{2})\.sqlite$/;

export const backupsDir = (dataDir: string) => join(dataDir, 'backups');

/** The local calendar day (the user's "daily"), in their zone. */
function localDay(now: Date, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export interface RollingOptions {
  db: Db;
  dir: string;
  now: Date;
  timeZone?: string | undefined;
  keep: number;
}

/**
 * One consistent copy of the database per day (SQLite's online backup API), the oldest deleted
 * beyond `keep`. Returns the new file, or null when today's copy already exists.
 */
export async function ensureDailyBackup(options: RollingOptions): Promise<string | null> {
  mkdirSync(options.dir, { recursive: true });
  const file = join(options.dir, `followthrough-${localDay(options.now, options.timeZone)}.sqlite`);
  let created: string | null = null;
  try {
    statSync(file);
  } catch {
    await backupDatabase(options.db, file);
    created = file;
  }
  pruneBackups(options.dir, options.keep);
  return created;
}

/** Deletes daily copies beyond the newest `keep`; other files in the folder are left alone. */
export function pruneBackups(dir: string, keep: number): string[] {
  const daily = readdirSync(dir)
    .filter((f) => DAILY.test(f))
    .sort()
    .reverse();
  const removed = daily.slice(keep);
  for (const f of removed) rmSync(join(dir, f), { force: true });
  return removed;
}

export function listBackups(dir: string, settings: { enabled: boolean; keep: number }): BackupList {
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.sqlite'));
  } catch {
    // No backup yet: the folder is created by the first one.
  }
  const items = names
    .map((f) => backupItem(join(dir, f)))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { dir, ...settings, items };
}

export function backupItem(file: string): BackupItem {
  const stat = statSync(file);
  return { file, bytes: stat.size, createdAt: stat.mtime.toISOString() };
}

/** An instant as a file-name part: 2026-11-22T13-05-09 (no colons, which Windows refuses). */
export const fileStamp = (iso: string) => iso.slice(0, 19).replaceAll(':', '-');

/**
 * Keeps the daily backup going while an app shell runs: once at start, then hourly (so a laptop
 * left open overnight still gets its copy). The timer never keeps the process alive.
 */
export function startRollingBackups(
  run: () => Promise<unknown>,
  onError: (error: unknown) => void,
  everyMs = 60 * 60_000,
): () => void {
  const tick = () => {
    run().catch(onError);
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
