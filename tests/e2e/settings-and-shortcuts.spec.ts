import { expect, test } from './fixtures.ts';

test('switching the theme applies at once and survives a reload', async ({
  page,
  openApp,
  saveScreenshot,
}) => {
  await openApp();
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');

  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  const theme = page.getByRole('radiogroup', { name: 'Theme' });
  await expect(theme.getByRole('radio', { name: /System/ })).toBeChecked();
  await expect(page.getByText('Browser (local server)')).toBeVisible();
  await saveScreenshot('settings');

  await theme.getByText('Dark', { exact: true }).click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await saveScreenshot('settings-dark');

  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('radio', { name: /Dark/ })).toBeChecked();

  await page.getByRole('radiogroup', { name: 'Theme' }).getByText('Light', { exact: true }).click();
  await expect(html).toHaveAttribute('data-theme', 'light');
});

test.describe('on a dark system', () => {
  test.use({ colorScheme: 'dark' });

  test('the system theme follows the operating system', async ({ page, openApp }) => {
    await openApp();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });
});

test('? shows the shortcuts sheet; Esc closes it and focus returns', async ({
  page,
  openApp,
  saveScreenshot,
}) => {
  await openApp('/contacts');
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByText('Capture someone you met')).toBeVisible();
  await expect(sheet.getByText('Log an interaction')).toBeVisible();
  await saveScreenshot('shortcuts-sheet');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // Opened from the sidebar, closing returns focus to the button that opened it.
  const button = page.getByRole('button', { name: /Shortcuts/ });
  await button.click();
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(button).toBeFocused();

  // Shortcuts stay quiet while typing in a field.
  await page.keyboard.press('/');
  await page.keyboard.type('n?');
  await expect(page.getByRole('searchbox', { name: 'Search contacts' })).toHaveValue('n?');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('"/" and typing at once: every key reaches the contact search, none acts as a shortcut', async ({
  page,
  server,
  openApp,
}) => {
  await server.call('contacts.create', { displayName: 'Grace Hopper', metWhere: 'Compilers Meetup' });
  await server.call('contacts.create', { displayName: 'Alan Turing', metWhere: 'Royal Institution' });
  await openApp('/today');
  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
  // A slow machine: the contacts screen takes a while to come, and the keys typed meanwhile
  // ("g r" is the way to Insights) went to the page's shortcuts instead.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  try {
    await page.keyboard.type('/gr');
    const search = page.getByRole('searchbox', { name: /Search/ });
    await expect(search).toBeFocused();
    await expect(search).toHaveValue('gr');
    await expect(page).toHaveURL(/#\/contacts/);
    await expect(page.getByRole('listbox', { name: 'Matching contacts' }).getByRole('option')).toHaveCount(1);
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
});
