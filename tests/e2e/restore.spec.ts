import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import type { RunningServer } from './server.ts';

const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');

interface ExportFile {
  content: string;
}
interface Page {
  total: number;
}

const total = async (server: RunningServer) =>
  (await server.call<Page>('contacts.list', { status: 'all' })).total;

/** The window as it is, with `focus` scrolled into the middle (the Data section is far down). */
async function snapshot(focus: Locator, name: string) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await focus.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await focus.page().screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });
}

/** A JSON backup of the server's data as it is now, written where the file picker can find it. */
async function saveBackup(
  server: RunningServer,
  path: string,
  change?: (backup: { tables: object }) => void,
) {
  const file = await server.call<ExportFile>('data.export', { format: 'json' });
  const backup = JSON.parse(file.content);
  change?.(backup);
  await writeFile(path, JSON.stringify(backup));
}

// The refused backup is a 400 answer, which the browser logs as a failed resource.
test.use({ allowedConsoleErrors: [/status of 400/] });

test('restore a backup from Settings › Data: see what it holds, confirm, see the outcome', async ({
  page,
  server,
  openApp,
  saveScreenshot,
}) => {
  await server.call('events.create', { name: 'Web Summit', date: '2026-11-10', location: 'Lisbon' });
  await server.call('contacts.create', { displayName: 'Ada Lovelace', company: 'Analytical Engines' });
  await server.call('contacts.create', { displayName: 'Grace Hopper', company: 'Remington Rand' });
  const backupPath = test.info().outputPath('followthrough-backup.json');
  await saveBackup(server, backupPath);
  const hollowPath = test.info().outputPath('hollow.json');
  await saveBackup(server, hollowPath, (b) => {
    b.tables = {};
  });
  // Made after the backup: the restore takes it away.
  await server.call('contacts.create', { displayName: 'Katherine Johnson' });

  await openApp('/settings');
  const data = page.getByRole('region', { name: 'Data' });
  await data.scrollIntoViewIfNeeded();
  await expect(data.getByRole('button', { name: 'Choose backup…' })).toBeVisible();

  // A hollow backup is refused, saying what it lacks, and nothing changes.
  await data.getByLabel('Backup file').setInputFiles(hollowPath);
  const refused = data.getByRole('alert');
  await expect(refused).toContainText('Not restored');
  await expect(refused).toContainText('hollow.json cannot be restored');
  await expect(refused).toContainText(/tables: holds none of the \d+ tables/);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await total(server)).toBe(3);
  await snapshot(refused, 'restore-refused');

  // A good one: what it holds and what it replaces, before anything changes.
  await data.getByLabel('Backup file').setInputFiles(backupPath);
  const dialog = page.getByRole('dialog', { name: 'Replace your data with this backup?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('followthrough-backup.json');
  await expect(dialog).toContainText(/Full backup, exported .*Schema version \d+/);
  const counts = dialog.getByRole('table', { name: 'What the backup holds' });
  await expect(counts.getByRole('row', { name: /Contacts/ })).toHaveText(/Contacts\s*2\s*3/);
  await expect(counts.getByRole('row', { name: /Events/ })).toHaveText(/Events\s*1\s*1/);
  await expect(dialog).toContainText('A copy of the current data is saved in the backups folder first');
  // Cancel is the safe first stop.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await snapshot(dialog, 'restore-confirm');

  // Escape cancels: nothing changes, focus goes back to the button.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await total(server)).toBe(3);

  // Again, and this time confirm from the keyboard.
  await data.getByLabel('Backup file').setInputFiles(backupPath);
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Replace my data' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);

  const outcome = data.getByRole('status').filter({ hasText: 'Backup restored' });
  await expect(outcome).toBeVisible();
  const after = outcome.getByRole('table', { name: 'Before and after the restore' });
  await expect(after.getByRole('row', { name: /Contacts/ })).toHaveText(/Contacts\s*3\s*2/);
  await expect(outcome).toContainText(/The data as it was before is in .*pre-restore-.*\.sqlite/);
  expect(await total(server)).toBe(2);
  await snapshot(outcome, 'restore-done');
  await saveScreenshot('settings-after-restore');

  // The rest of the app follows: Katherine is gone from the contacts list.
  await page.goto(`${server.url}#/contacts`);
  await expect(page.getByRole('option', { name: /Ada Lovelace/ })).toBeVisible();
  await expect(page.getByRole('option', { name: /Katherine Johnson/ })).toHaveCount(0);
});
