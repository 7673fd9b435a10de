import { expect, test } from './fixtures.ts';

// Tuesday 10 March 2026, 14:00 in London.
test.use({ startAt: '2026-03-10T14:00:00Z' });

test('promises both ways: add them on the contact page, keep them from Today', async ({
  page,
  server,
  openApp,
}) => {
  const ada = await server.call<{ id: number }>('contacts.create', {
    displayName: 'Ada Lovelace',
    metWhere: 'Royal Society soirée',
    metOn: '2026-03-10',
  });
  await openApp(`/contacts/${ada.id}`);

  const panel = page.getByRole('region', { name: 'Promises' });
  await expect(panel).toContainText('Note it here and it will not slip');
  await panel.getByRole('button', { name: 'I promised…' }).click();
  const mine = panel.getByRole('form', { name: 'I promised' });
  await expect(mine.getByLabel('What you promised Ada')).toBeFocused();
  await mine.getByLabel('What you promised Ada').fill('Send the Menabrea translation');
  await mine.getByLabel('By').fill('2026-03-13');
  await mine.getByRole('button', { name: 'Save promise' }).click();
  await expect(mine).toBeHidden();

  await panel.getByRole('button', { name: 'They promised…' }).click();
  const theirs = panel.getByRole('form', { name: 'They promised' });
  await theirs.getByLabel('What Ada promised you').fill('Introduce me to Charles Babbage');
  await theirs.getByLabel('By').fill('2026-03-20');
  await page.keyboard.press('Enter');

  const list = panel.getByRole('list', { name: 'Promises' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText('due Fri 13 Mar');
  await expect(list.getByRole('listitem').nth(1)).toContainText('Introduce me to Charles Babbage');

  // Today lists open promises, each side under its own heading.
  await page.getByRole('link', { name: /^Today/ }).click();
  const promises = page.getByRole('region', { name: 'Open promises' });
  await expect(promises).toContainText('You promised');
  await expect(promises).toContainText('They promised');
  await promises.getByRole('button', { name: 'Mark done: Send the Menabrea translation' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Promise kept' })).toBeVisible();
  await expect(promises).not.toContainText('Send the Menabrea translation');

  // Back on her page the kept promise stays, struck through, with the open one above it.
  await page.getByRole('link', { name: 'Ada Lovelace' }).first().click();
  await expect(list.getByRole('listitem').first()).toContainText('Introduce me to Charles Babbage');
  await expect(list.getByRole('listitem').nth(1)).toContainText('Kept');
  await list.getByRole('button', { name: 'Mark done: Introduce me to Charles Babbage' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ada Lovelace kept their promise' })).toBeVisible();
});
