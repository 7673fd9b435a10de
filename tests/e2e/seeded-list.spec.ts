import { expect, test, typeText } from './fixtures.ts';

test.use({ seedContacts: 2000 });

test('a seeded list of 2,000 scrolls, searches, sorts and filters', async ({
  page,
  openApp,
  saveScreenshot,
}) => {
  await openApp('/contacts');
  await expect(page.getByText('2,000 people')).toBeVisible();
  const list = page.getByRole('listbox', { name: 'All contacts' });
  const rows = list.getByRole('option');
  await expect(rows.first()).toBeVisible();
  // Virtualised: only the rows in view (plus a little overscan) are in the DOM.
  expect(await rows.count()).toBeLessThan(60);
  await saveScreenshot('contacts-seeded-light');

  // Keyboard: from search, ↓ moves into the list; End jumps to the 2,000th person.
  await page.keyboard.press('/');
  await page.keyboard.press('ArrowDown');
  await expect(list).toBeFocused();
  await page.keyboard.press('End');
  const last = list.locator('[aria-posinset="2000"]');
  await expect(last).toBeVisible();
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(last).not.toBeEmpty();

  // Wheel scrolling loads pages on demand; rows in the middle get real content.
  await page.keyboard.press('Home');
  await list.hover();
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 4000);
  await expect
    .poll(async () => Number(await rows.first().getAttribute('aria-posinset')), { timeout: 10_000 })
    .toBeGreaterThan(300);
  // Skeleton rows are replaced by real people once their page arrives.
  await expect(page.locator('.contact-row.is-skeleton')).toHaveCount(0);

  // Opening someone and coming back returns to the same place in the list.
  const visible = list.getByRole('option').nth(3);
  const position = await visible.getAttribute('aria-posinset');
  await visible.click();
  await expect(page).toHaveURL(/#\/contacts\/\d+$/);
  await page.goBack();
  await expect(list.locator(`[aria-posinset="${position}"]`)).toBeInViewport();
  await list.focus();

  // Search by part of someone's company.
  await page.keyboard.press('Home');
  const first = rows.first();
  const company = ((await first.locator('.contact-role').textContent()) ?? '').split(' · ').pop() ?? '';
  const fragment = company.split(/\s+/)[0]!.slice(0, 5);
  await page.getByRole('searchbox', { name: 'Search contacts' }).click();
  await typeText(page, fragment);
  const matches = page.getByRole('listbox', { name: 'Matching contacts' });
  await expect(matches.getByRole('option').first()).toContainText(new RegExp(fragment, 'i'));
  await expect(page.getByText(/^[\d,]+ match(es)?$/)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('relevance');

  // Clearing the search brings everyone back, then sorting and filtering narrow it again.
  await page.keyboard.press('Escape');
  await expect(page.getByText('2,000 people')).toBeVisible();
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('recentlyAdded');
  await expect(list.getByRole('option').first()).toBeVisible();
  const tagSelect = page.getByRole('combobox', { name: 'Filter by tag' });
  const firstTag = await tagSelect.locator('option').nth(1).getAttribute('value');
  await tagSelect.selectOption(firstTag!);
  const filtered = page.getByRole('listbox', { name: 'Matching contacts' });
  await expect(filtered.getByRole('option').first()).toContainText(firstTag!);

  // Opening a contact and coming back keeps the filter.
  await filtered.getByRole('option').first().click();
  await expect(page).toHaveURL(/#\/contacts\/\d+$/);
  await saveScreenshot('contact-page-seeded');
  await page.getByRole('link', { name: 'Contacts' }).first().click();
  await expect(tagSelect).toHaveValue(firstTag!);
});

test.describe('dark', () => {
  test.use({ colorScheme: 'dark' });

  test('the seeded list and a contact in dark mode', async ({ page, openApp, saveScreenshot }) => {
    await openApp('/contacts');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(
      page.getByRole('listbox', { name: 'All contacts' }).getByRole('option').first(),
    ).toBeVisible();
    await saveScreenshot('contacts-seeded-dark');
    await page.getByRole('listbox', { name: 'All contacts' }).getByRole('option').nth(2).click();
    await expect(page.getByText('Agreed next step', { exact: true })).toBeVisible();
    await saveScreenshot('contact-page-dark');
    await page.getByRole('link', { name: 'Events' }).click();
    await expect(
      page
        .getByRole('region', { name: 'Past events' })
        .or(page.getByRole('region', { name: 'Upcoming events' }))
        .first(),
    ).toBeVisible();
    await page
      .getByRole('region', { name: /events/ })
      .getByRole('link')
      .first()
      .click();
    await expect(page.getByRole('heading', { name: /People you met here/ })).toBeVisible();
    await saveScreenshot('event-page-dark');
  });
});
