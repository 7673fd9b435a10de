import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveCard, saveConflict, syncCards } from '../../../src/main/store/sync-cards-store.ts';
import { writeTransaction } from '../../../src/main/store/transaction.ts';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';

process.env.FT_TEST_DAV_PASSWORD = 'x';

let app: TempApp;
beforeEach(() => {
  app = openTempApp('2026-03-10T09:00:00.000Z');
});
afterEach(() => app.cleanup());

/** A contact linked to a card, with a conflict on its title, as a pass leaves them. */
async function conflicted() {
  const account = await app.api['sync.accounts.add']({
    url: 'http://127.0.0.1:9/',
    user: 'ada',
    credential: { kind: 'env', variable: 'FT_TEST_DAV_PASSWORD' },
    verify: false,
  });
  const ada = await app.api['contacts.create']({ displayName: 'Ada Lovelace', title: 'Analyst' });
  const { db } = app.context;
  writeTransaction(db, () => {
    saveCard(db, {
      accountId: account.id,
      contactId: ada.id,
      href: '/ada.vcf',
      uid: 'u-1',
      etag: '"1"',
      card: 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nTITLE:Countess\r\nEND:VCARD\r\n',
      base: '{}',
      localUpdatedAt: ada.updatedAt,
      state: 'linked',
      syncedAt: '2026-03-10T09:00:00.000Z',
    });
    saveConflict(db, {
      accountId: account.id,
      contactId: ada.id,
      field: 'title',
      base: 'Mathematician',
      local: 'Analyst',
      remote: 'Countess',
      detectedAt: '2026-03-10T09:00:00.000Z',
    });
  });
  return { account, ada };
}

describe('sync.conflicts.list / sync.conflicts.resolve', () => {
  it('lists a conflict with the person and the three values, and resolves it for the server’s value', async () => {
    const { ada } = await conflicted();
    const [item] = await app.api['sync.conflicts.list']({});
    expect(item).toMatchObject({
      contactId: ada.id,
      contactName: 'Ada Lovelace',
      field: 'title',
      base: 'Mathematician',
      local: 'Analyst',
      remote: 'Countess',
    });
    await app.api['sync.conflicts.resolve']({ id: item!.id, take: 'remote' });
    expect((await app.api['contacts.get']({ id: ada.id })).title).toBe('Countess');
    expect(await app.api['sync.conflicts.list']({})).toEqual([]);
    // The card is marked changed here: the next pass merges it (and PUTs nothing new here).
    expect(syncCards(app.context.db, 1)[0]?.localUpdatedAt).toBe('');
  });

  it('takes a value of the user’s own, and refuses an unknown conflict in words', async () => {
    const { ada } = await conflicted();
    const [item] = await app.api['sync.conflicts.list']({});
    await app.api['sync.conflicts.resolve']({ id: item!.id, value: 'Countess of Lovelace' });
    expect((await app.api['contacts.get']({ id: ada.id })).title).toBe('Countess of Lovelace');
    await expect(app.api['sync.conflicts.resolve']({ id: item!.id, take: 'local' })).rejects.toMatchObject({
      code: 'not_found',
      message: `There is no sync conflict with id ${item!.id}.`,
    });
  });
});
