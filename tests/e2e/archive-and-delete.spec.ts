import { expect, test, typeText } from './fixtures.ts';
import { runCli } from './server.ts';

test('archive hides a contact, unarchive brings it back, delete asks first', async ({
  page,
  server,
  openApp,
}) => {
  await runCli([
    'contacts',
    'add',
    'Ada Lovelace',
    '--company',
    'Analytical Engines',
    '--met-where',
    'Royal Society',
    '--link',
    'https://www.example.org/ada/',
    '--db',
    server.dbPath,
  ]);
  await openApp('/contacts');
  await page
    .getByRole('listbox', { name: 'All contacts' })
    .getByRole('option', { name: /Ada Lovelace/ })
    .click();

  // Multi-line fields keep Enter for new lines and save with Ctrl/Cmd+Enter.
  await page.getByRole('button', { name: 'Notes: not set' }).click();
  await typeText(page, 'Prefers letters.');
  await page.keyboard.press('Enter');
  await typeText(page, 'Ask about the poetry of science.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('button', { name: /^Notes: Prefers letters\.\s+Ask about/ })).toBeVisible();
  // Links render as safe external links, shown without the scheme.
  const link = page.getByRole('link', { name: 'example.org/ada' });
  await expect(link).toHaveAttribute('href', 'https://www.example.org/ada/');
  await expect(link).toHaveAttribute('target', '_blank');

  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ada Lovelace archived' })).toBeVisible();
  await expect(page.getByText('This contact is archived')).toBeVisible();

  await page.getByRole('link', { name: 'Contacts' }).first().click();
  const archivedState = page.getByRole('region', { name: 'Everyone here is archived' });
  await expect(archivedState).toBeVisible();
  await archivedState.getByRole('button', { name: 'Show 1 archived contact' }).click();
  const row = page.getByRole('option', { name: /Ada Lovelace/ });
  await expect(row).toContainText('Archived');
  await row.click();
  await page.getByRole('button', { name: 'Unarchive' }).first().click();
  await expect(page.getByText('This contact is archived')).toBeHidden();

  await page.getByRole('button', { name: 'Delete contact' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete Ada Lovelace?' });
  await expect(confirm).toContainText('cannot be undone');
  // Cancel is the safe default: it has the focus.
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('heading', { name: /Ada Lovelace/ })).toBeVisible();

  await page.getByRole('button', { name: 'Delete contact' }).click();
  await confirm.getByRole('button', { name: 'Delete contact' }).click();
  await expect(page).toHaveURL(/#\/contacts$/);
  await expect(page.getByRole('status').filter({ hasText: 'Ada Lovelace deleted' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Nobody here yet' })).toBeVisible();
});
