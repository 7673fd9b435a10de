import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/main/store/database.ts';
import { saveConflict } from '../../src/main/store/sync-cards-store.ts';
import { writeTransaction } from '../../src/main/store/transaction.ts';
import { DAV_SERVERS, type DavServer } from '../helpers/dav-servers.ts';
import { test } from './fixtures.ts';
import type { RunningServer } from './server.ts';

/**
 * A real Radicale for the calling spec file: started on 127.0.0.1 before its tests, stopped by
 * its own pid after, its folder removed. Call at the top level; read the server inside a test.
 */
export function radicaleForThisFile(): () => DavServer {
  let dav: DavServer | undefined;
  let dir: string | undefined;
  test.beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ft-e2e-dav-'));
    dav = await DAV_SERVERS.find((s) => s.name === 'Radicale')!.start(dir);
  });
  test.afterAll(async () => {
    await dav?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (!dav) throw new Error('Radicale is not running: call radicaleForThisFile() at the top of the spec');
    return dav;
  };
}

/** Someone met on `metOn`, and the first follow-up step the engine planned for them. */
export async function metWithStep(
  server: RunningServer,
  displayName: string,
  metOn: string,
): Promise<{ contactId: number; step: { id: number; dueOn: string } | undefined }> {
  const contact = await server.call<{ id: number }>('contacts.create', { displayName, metOn });
  const [step] = await server.call<{ id: number; dueOn: string }[]>('followups.list', {
    contactId: contact.id,
    statuses: ['pending'],
  });
  return { contactId: contact.id, step };
}

/**
 * Contact fields changed on both sides, written into the served database the way a contact sync
 * pass leaves them (for screens that show them; the pass is tested against real servers).
 */
export function conflictsAsAPassLeavesThem(
  dbPath: string,
  conflicts: Parameters<typeof saveConflict>[1][],
): void {
  const { db } = openDatabase(dbPath);
  try {
    writeTransaction(db, () => {
      for (const c of conflicts) saveConflict(db, c);
    });
  } finally {
    db.close();
  }
}
