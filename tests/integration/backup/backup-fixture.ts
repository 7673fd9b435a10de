// A small network with a row in every kind of table a restore must bring back, and the ways a
// backup file goes wrong (each as a change to a valid backup, so only that one thing is wrong).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATA_TABLES, dumpTables } from '../../../src/main/store/row-snapshot.ts';
import type { TempApp } from '../../helpers/temp-app.ts';

export async function populate(app: TempApp) {
  const event = await app.api['events.create']({
    name: 'Web Summit',
    date: '2026-11-10',
    location: 'Lisbon',
  });
  const zoe = await app.api['contacts.create']({
    displayName: 'Zoë Ångström',
    metEventId: event.id,
    emails: [{ value: 'zoe@example.com', label: 'work' }],
    phones: [{ value: '+46 8 123 456' }],
    tags: ['Investors'],
    discussed: 'Nordic seed rounds',
  });
  await app.api['contacts.create']({ displayName: 'Kim Park', company: 'Acme' });
  await app.api['interactions.add']({
    contactId: zoe.id,
    channel: 'email',
    direction: 'outbound',
    summary: 'Thanks for the chat',
    occurredAt: '2026-11-11T09:00:00Z',
  });
  await app.api['promises.add']({
    contactId: zoe.id,
    direction: 'theirs',
    text: 'Send the memo',
    dueOn: '2026-11-25',
  });
  return { event, zoe };
}

export type BackupJson = {
  format: string;
  schemaVersion: number;
  exportedAt: string | null;
  tables: Record<string, Record<string, unknown>[]>;
  [key: string]: unknown;
};

export async function exportBackup(app: TempApp): Promise<BackupJson> {
  return JSON.parse((await app.api['data.export']({ format: 'json' })).content);
}

/** The ways a backup is refused: each changes one thing of a valid backup. */
export const BROKEN: { name: string; change: (b: BackupJson) => void; path: RegExp; message: RegExp }[] = [
  {
    name: 'hollow (no tables at all)',
    change: (b) => {
      b.tables = {};
    },
    path: /^tables$/,
    message: new RegExp(
      `holds none of the ${DATA_TABLES.length} tables of schema version \\d+\\. .*would only empty the database`,
    ),
  },
  {
    name: 'missing the contacts table',
    change: (b) => {
      delete b.tables.contacts;
    },
    path: /^tables\.contacts$/,
    message: /missing/,
  },
  {
    name: 'created_at is not a date',
    change: (b) => {
      (b.tables.contacts as Record<string, unknown>[])[1]!.created_at = 'not a date';
    },
    path: /^tables\.contacts\[1\]\.created_at$/,
    message: /must be a date and time.*"not a date"/,
  },
  {
    name: 'a foreign key points nowhere',
    change: (b) => {
      b.tables.interactions![0]!.contact_id = 999;
    },
    path: /^tables\.interactions\[0\]\.contact_id$/,
    message: /points to contacts id 999, which is not in the backup/,
  },
  {
    name: 'a duplicate id',
    change: (b) => {
      b.tables.contacts!.push({ ...b.tables.contacts![0]! });
    },
    path: /^tables\.contacts\[2\]\.id$/,
    message: /repeats the id 1 of row 0/,
  },
  {
    name: 'a value of the wrong type',
    change: (b) => {
      b.tables.contacts![0]!.display_name = 42;
    },
    path: /^tables\.contacts\[0\]\.display_name$/,
    message: /must be text, not 42/,
  },
];

/** Every row of a database file, read directly (opening the app would repair or migrate it). */
export function dumpFile(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    return dumpTables(db);
  } finally {
    db.close();
  }
}

/** Safety copies taken in a data folder (none when a restore was refused before it began). */
export function preRestoreCopies(dataDir: string): string[] {
  const dir = join(dataDir, 'backups');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('pre-restore-')) : [];
}
