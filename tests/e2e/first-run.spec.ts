import { expect, test } from './fixtures.ts';

const ACCESS_MESSAGE = 'Open the link printed by `npm run serve` — it includes an access token.';

test('an empty database teaches how to start', async ({ page, openApp, server, saveScreenshot }) => {
  await openApp('/contacts');
  const empty = page.getByRole('region', { name: 'Nobody here yet' });
  await expect(empty).toBeVisible();
  await expect(empty).toContainText('Press N to capture someone you met');
  // The demo-data command names this very database, ready to paste.
  await expect(empty.locator('code')).toHaveText(
    `npm run cli -- seed --contacts 200 --db "${server.dbPath}"`,
  );
  // The token has been moved out of the address bar.
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  await saveScreenshot('contacts-empty');

  await empty.getByRole('button', { name: /Capture someone you met/ }).click();
  await expect(page.getByRole('dialog', { name: 'Capture someone you met' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.keyboard.press('g');
  await page.keyboard.press('e');
  await expect(page).toHaveURL(/#\/events$/);
  await expect(page.getByRole('region', { name: 'No events yet' })).toBeVisible();
  await saveScreenshot('events-empty');
});

test('without the token the app says how to open it', async ({ page, server, saveScreenshot }) => {
  await page.goto(server.origin);
  await expect(page.getByRole('heading', { name: ACCESS_MESSAGE })).toBeVisible();
  await saveScreenshot('access-screen');
});

test.describe('with a stale token', () => {
  test.use({ allowedConsoleErrors: [/status of 401/] });

  test('a rejected token shows the same screen', async ({ page, server }) => {
    await page.goto(`${server.origin}/?token=not-the-right-one`);
    await expect(page.getByRole('heading', { name: ACCESS_MESSAGE })).toBeVisible();
    await expect(page.getByText('was not accepted')).toBeVisible();
  });
});
