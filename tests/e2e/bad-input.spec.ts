import { expect, test, typeText } from './fixtures.ts';

/** Issue 10: bad input gets words next to the field, and nothing typed is lost without asking. */

interface Settings {
  caps: { dailyBudget: number };
}
interface Contact {
  id: number;
  metOn: string | null;
}

// The API's 400 answers are the point of these tests; the browser logs them.
test.use({ allowedConsoleErrors: [/status of 400/] });

test('a daily budget it cannot take is refused next to the field, saying why; a good one saves', async ({
  page,
  server,
  openApp,
}) => {
  await openApp('/settings');
  const budget = page.getByRole('spinbutton', { name: 'Daily budget' });
  await budget.scrollIntoViewIfNeeded();
  await expect(budget).toHaveValue('10');

  for (const typed of ['0', '-5', '100000', '2.5']) {
    await budget.fill(typed);
    await budget.press('Enter');
    // The typed value stays, marked, with the reason under it; nothing was saved.
    await expect(budget).toHaveValue(typed);
    await expect(budget).toHaveAttribute('aria-invalid', 'true');
    await expect(budget).toHaveAccessibleDescription(
      'Daily budget must be a whole number from 1 to 200. It stays 10.',
    );
    await expect(page.getByRole('alert').filter({ hasText: 'Daily budget must be' })).toBeVisible();
    expect((await server.call<Settings>('settings.get')).caps.dailyBudget).toBe(10);
  }

  // Esc puts the saved value back.
  await budget.press('Escape');
  await expect(budget).toHaveValue('10');
  await expect(budget).not.toHaveAttribute('aria-invalid', 'true');

  await budget.fill('25');
  await budget.press('Tab');
  await expect.poll(async () => (await server.call<Settings>('settings.get')).caps.dailyBudget).toBe(25);
  await expect(page.getByRole('alert').filter({ hasText: 'Daily budget must be' })).toHaveCount(0);
});

test('"met on" far in the future or before 1900 is refused on the page with the contract’s words', async ({
  page,
  server,
  openApp,
}) => {
  const ada = await server.call<Contact>('contacts.create', {
    displayName: 'Ada Lovelace',
    metOn: '2025-11-12',
  });
  await openApp(`/contacts/${ada.id}`);
  await page.getByRole('button', { name: /^Date met:/ }).click();
  const field = page.getByRole('textbox', { name: 'Date met' }).or(page.getByLabel('Date met'));
  for (const [day, words] of [
    ['9999-12-31', 'Date met cannot be in the future'],
    ['0001-01-01', 'Date met must be 1900-01-01 or later'],
  ] as const) {
    await field.fill(day);
    await field.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: words })).toBeVisible();
    // The editor stays open with what was typed; nothing is saved.
    await expect(field).toHaveValue(day);
    expect((await server.call<Contact>('contacts.get', { id: ada.id })).metOn).toBe('2025-11-12');
  }
  await field.press('Escape');
  await expect(page.getByRole('button', { name: /^Date met: 12 Nov 2025/ })).toBeVisible();
});

test('Esc in quick capture asks before throwing away what was typed', async ({ page, server, openApp }) => {
  await openApp('/today');
  // Nothing typed: Esc just closes.
  await page.keyboard.press('n');
  const capture = page.getByRole('dialog', { name: 'Capture someone you met' });
  await expect(capture.getByLabel('Name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(capture).toHaveCount(0);

  await page.keyboard.press('n');
  await expect(capture.getByLabel('Name')).toBeFocused();
  await typeText(page, 'Grace Hopper');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog', { name: 'Discard what you typed?' });
  await expect(ask).toContainText('Grace Hopper is not saved yet');
  // The safe choice comes first: Esc (or Cancel) goes back to the form, text intact.
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(capture.getByLabel('Name')).toHaveValue('Grace Hopper');
  await expect(capture.getByLabel('Name')).toBeFocused();

  // Cancel asks too; Discard closes without saving.
  await capture.getByRole('button', { name: 'Cancel' }).click();
  await ask.getByRole('button', { name: 'Discard' }).click();
  await expect(capture).toHaveCount(0);
  expect((await server.call<{ total: number }>('contacts.list', { status: 'all' })).total).toBe(0);
});

test('a contact that loads slowly shows the page’s shape, not a blank pane', async ({
  page,
  server,
  openApp,
}) => {
  const ada = await server.call<Contact>('contacts.create', { displayName: 'Ada Lovelace' });
  await openApp('/contacts');
  let release: () => void = () => {};
  const held = new Promise<void>((done) => {
    release = done;
  });
  await page.route('**/api/contacts.get', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('option', { name: /Ada Lovelace/ }).click();
  const skeleton = page.locator('.contact-skeleton');
  await expect(skeleton).toBeVisible();
  await expect(skeleton).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Loading contact…' })).toBeAttached();
  release();
  await expect(page.getByRole('heading', { level: 1, name: /Ada Lovelace/ })).toBeVisible();
  await expect(skeleton).toHaveCount(0);
  expect(ada.id).toBeGreaterThan(0);
});
