import { join } from 'node:path';
import type { Contact } from '../../shared/domain/contact.ts';
import { type HandlerDeps, nowIso } from '../core/handler-deps.ts';
import { type RegistrySlice, read, write } from '../core/registry.ts';
import { contactsToGoogleCsv } from '../formats/google-csv-write.ts';
import { contactsToVcards } from '../formats/vcard-write.ts';
import { backupDatabase } from '../store/backup.ts';
import { contactIdsByName, getContacts } from '../store/contacts-store.ts';
import { readBackupFile } from './backup-file.ts';
import { createJsonBackup } from './json-backup.ts';
import { previewRestore, restoreBackup } from './restore.ts';
import { backupItem, backupsDir, fileStamp, listBackups } from './rolling.ts';

type DataHandlers = RegistrySlice<
  'data.export' | 'data.previewRestore' | 'data.restore' | 'backups.list' | 'backups.create'
>;

export function dataHandlers(deps: HandlerDeps): DataHandlers {
  const { db } = deps;
  const dir = backupsDir(deps.info.dataDir);

  /** Whole contacts in name order, loaded a batch at a time (never all rows twice in memory). */
  function* contacts(ids: readonly number[] | undefined): Generator<Contact> {
    const order = ids ?? contactIdsByName(db);
    for (let start = 0; start < order.length; start += 2000) {
      yield* getContacts(db, order.slice(start, start + 2000));
    }
  }

  return {
    'data.export': read(({ format, contactIds }) => {
      const day = nowIso(deps).slice(0, 10);
      if (format === 'json') {
        const backup = createJsonBackup(db, deps.settings.get(), nowIso(deps));
        return {
          fileName: `followthrough-backup-${day}.json`,
          mimeType: 'application/json',
          content: JSON.stringify(backup),
          count: backup.tables.contacts?.length ?? 0,
        };
      }
      const list = [...contacts(contactIds)];
      return format === 'vcard'
        ? {
            fileName: `followthrough-contacts-${day}.vcf`,
            mimeType: 'text/vcard',
            content: contactsToVcards(list),
            count: list.length,
          }
        : {
            fileName: `followthrough-contacts-${day}.csv`,
            mimeType: 'text/csv',
            content: contactsToGoogleCsv(list),
            count: list.length,
          };
    }),

    'data.previewRestore': read((input) => previewRestore(db, readBackupFile(input))),

    // Everything is replaced, settings included.
    'data.restore': write(
      ['contacts', 'events', 'interactions', 'followups', 'settings'],
      (input) =>
        // Alone: a call landing between the safety copy and the replacement would be in neither.
        deps.gate.exclusive(async () => {
          const file = readBackupFile(input);
          return restoreBackup(
            { ...deps, dataDir: deps.info.dataDir, now: nowIso(deps) },
            file,
            file.fileName,
          );
        }),
      { outsideDatabase: true },
    ),

    'backups.list': read(() => listBackups(dir, deps.settings.get().backups)),

    // A copy is written beside the database; no row changes.
    'backups.create': read(async () => {
      const file = join(dir, `manual-${fileStamp(nowIso(deps))}.sqlite`);
      await backupDatabase(db, file, { overwrite: true });
      return backupItem(file);
    }),
  };
}
