import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openDatabase } from '../../src/main/store/database.ts';
import { saveCard, saveConflict, saveReview } from '../../src/main/store/sync-cards-store.ts';
import { writeTransaction } from '../../src/main/store/transaction.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

/**
 * Issue 14: a contact field changed both here and on the CardDAV server is kept with both values
 * in the merge view (Duplicates) until the user picks one. The conflict is written into the served
 * database as a sync pass leaves it (the pass itself is tested against Radicale and Xandikos).
 */

test.use({ startAt: '2026-03-02T10:00:00Z' });
// `serve` takes the account's password from its environment: set before the server starts.
process.env.FT_E2E_CONFLICT_PW = 'x';
const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');

test('a field changed on both sides: both values offered, the server’s kept', async ({
  page,
  server,
  openApp,
}) => {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.setViewportSize({ width: 1024, height: 700 });
  const account = await server.call<{ id: number }>('sync.accounts.add', {
    url: 'http://127.0.0.1:9/',
    user: 'ada',
    credential: { kind: 'env', variable: 'FT_E2E_CONFLICT_PW' },
    verify: false,
  });
  const ada = await server.call<{ id: number; updatedAt: string }>('contacts.create', {
    displayName: 'Ada Lovelace',
    title: 'Analyst',
  });
  const { db } = openDatabase(server.dbPath);
  try {
    writeTransaction(db, () => {
      saveCard(db, {
        accountId: account.id,
        contactId: ada.id,
        href: '/ada/contacts/ada.vcf',
        uid: 'ios-ada',
        etag: '"1"',
        card: 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ios-ada\r\nFN:Ada Lovelace\r\nTITLE:Countess\r\nEND:VCARD\r\n',
        base: 'null',
        localUpdatedAt: ada.updatedAt,
        state: 'linked',
        syncedAt: '2026-03-02T10:00:00.000Z',
      });
      saveConflict(db, {
        accountId: account.id,
        contactId: ada.id,
        field: 'title',
        base: 'Mathematician',
        local: 'Analyst',
        remote: 'Countess',
        detectedAt: '2026-03-02T10:00:00.000Z',
      });
    });
  } finally {
    db.close();
  }

  await openApp('/duplicates');
  const section = page.getByRole('region', { name: 'Changed on both sides' });
  const item = section.getByRole('listitem', { name: 'Ada Lovelace: Title' });
  await expect(item).toBeVisible();
  await expect(item.getByRole('button', { name: 'Keep here: Analyst' })).toBeVisible();
  await expectNoAxeViolations(page, 'duplicates with a sync conflict');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/sync-conflicts.png` });

  await item.getByRole('button', { name: 'Keep server’s: Countess' }).click();
  await expect(page.getByText('Ada Lovelace: kept the server’s value')).toBeVisible();
  await expect(section).toHaveCount(0);
  expect((await server.call<{ title: string }>('contacts.get', { id: ada.id })).title).toBe('Countess');
  expect(await server.call('sync.conflicts.list', {})).toEqual([]);
});

test('a delete made here waits for the user; a guessed card is settled as someone new', async ({
  page,
  server,
  openApp,
}) => {
  await page.setViewportSize({ width: 1024, height: 760 });
  const account = await server.call<{ id: number }>('sync.accounts.add', {
    url: 'http://127.0.0.1:9/',
    user: 'ada',
    credential: { kind: 'env', variable: 'FT_E2E_CONFLICT_PW' },
    verify: false,
  });
  const grace = await server.call<{ id: number; updatedAt: string }>('contacts.create', {
    displayName: 'Grace Hopper',
  });
  const alan = await server.call<{ id: number }>('contacts.create', {
    displayName: 'Alan Turing',
    company: 'Bletchley',
  });
  const { db } = openDatabase(server.dbPath);
  try {
    writeTransaction(db, () => {
      saveCard(db, {
        accountId: account.id,
        contactId: grace.id,
        href: '/ada/contacts/grace.vcf',
        uid: 'grace',
        etag: '"1"',
        card: 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:grace\r\nFN:Grace Hopper\r\nEND:VCARD\r\n',
        base: 'null',
        localUpdatedAt: grace.updatedAt,
        state: 'linked',
        syncedAt: '2026-03-02T10:00:00.000Z',
      });
      saveReview(db, {
        accountId: account.id,
        href: '/ada/contacts/alan-phone.vcf',
        contactId: alan.id,
        reason: 'name',
        etag: '"2"',
        card: 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-alan\r\nFN:Alan Turing\r\nORG:Bletchley Ltd\r\nEND:VCARD\r\n',
        foundAt: '2026-03-02T10:00:00.000Z',
      });
    });
  } finally {
    db.close();
  }
  await server.call('contacts.delete', { id: grace.id, confirm: true });

  await openApp('/duplicates');
  const deletes = page.getByRole('region', { name: 'Deleted here, still on the sync server' });
  await expect(deletes).toContainText('Grace Hopper');
  const reviews = page.getByRole('region', { name: 'On the sync server: the same person?' });
  await expect(reviews.getByRole('listitem', { name: 'Alan Turing on the server' })).toBeVisible();
  await expectNoAxeViolations(page, 'duplicates with sync deletes and reviews');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/sync-pending.png` });

  await deletes.getByRole('button', { name: 'Keep on the server' }).click();
  await expect(page.getByText('Kept 1 card on the server')).toBeVisible();
  await expect(deletes).toHaveCount(0);
  await reviews.getByRole('button', { name: 'Not the same person' }).click();
  await expect(page.getByText('Alan Turing added as a contact')).toBeVisible();
  await expect(reviews).toHaveCount(0);
  const list = await server.call<{ total: number }>('contacts.list', { query: 'Alan', status: 'all' });
  expect(list.total).toBe(2);
});
