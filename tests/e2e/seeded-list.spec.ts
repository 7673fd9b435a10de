import { ROWS_SHOWN_MARK } from '../../src/renderer/src/contacts/rows-shown-mark.ts';
import type { ContactPage } from '../../src/shared/domain/contact.ts';
import { expect, test, typeText } from './fixtures.ts';

test.use({ seedContacts: 2000 });

test('typing fast shows the last query’s rows, never an older one’s, and cancels the rest', async ({
  page,
  openApp,
  server,
}) => {
  const someone = (await server.call<ContactPage>('contacts.list', { sort: 'name', offset: 700, limit: 1 }))
    .items[0]!;
  const final = someone.displayName;
  const expected = await server.call<ContactPage>('contacts.list', { query: final, sort: 'relevance' });
  // Every answer but the last query's is held back, so without latest-wins an older query's
  // rows would land after the final ones.
  const sent: string[] = [];
  const cancelled: string[] = [];
  const queryOf = (body: unknown) => ((body ?? {}) as { query?: string }).query ?? '';
  await page.route('**/api/contacts.list', async (route) => {
    if (queryOf(route.request().postDataJSON()) !== final) await new Promise((done) => setTimeout(done, 500));
    await route.continue().catch(() => {});
  });
  // Counted as the page sends them: one cancelled fast enough never reaches the route at all.
  page.on('request', (request) => {
    if (request.url().endsWith('/api/contacts.list')) sent.push(queryOf(request.postDataJSON()));
  });
  page.on('requestfailed', (request) => {
    if (request.url().endsWith('/api/contacts.list')) cancelled.push(queryOf(request.postDataJSON()));
  });

  await openApp('/contacts');
  await expect(page.getByRole('listbox', { name: 'All contacts' }).getByRole('option').first()).toBeVisible();
  // Which result sets the list showed, in order, and whether it ever blanked in between.
  await page.evaluate((mark) => {
    const w = window as unknown as { shown: string[]; blank: string[] };
    w.shown = [];
    w.blank = [];
    new PerformanceObserver((entries) => {
      for (const e of entries.getEntriesByName(mark))
        w.shown.push(((e as PerformanceMark).detail as { query: string }).query);
    }).observe({ type: 'mark' });
    new MutationObserver(() => {
      if (!document.querySelector('[role="listbox"] [role="option"]')) w.blank.push('no rows');
      if (document.querySelector('.contact-row.is-skeleton')) w.blank.push('skeleton rows');
      if (document.querySelector('.empty-state')) w.blank.push('empty state');
    }).observe(document.body, { subtree: true, childList: true });
  }, ROWS_SHOWN_MARK);

  const browseRequests = sent.length;
  await page.getByRole('searchbox', { name: 'Search contacts' }).click();
  await page.keyboard.type(final);
  const matches = page.getByRole('listbox', { name: 'Matching contacts' });
  await expect(matches.getByRole('option').first()).toHaveId(`contact-row-${expected.items[0]!.id}`);
  await expect(
    page.getByText(expected.total === 1 ? '1 match' : `${expected.total.toLocaleString('en-GB')} matches`, {
      exact: true,
    }),
  ).toBeVisible();
  // Past the held-back answers: the final rows stay, and no older query's rows ever came after.
  await page.waitForTimeout(800);
  await expect(matches.getByRole('option').first()).toHaveId(`contact-row-${expected.items[0]!.id}`);
  const { shown, blank } = await page.evaluate(() => {
    const w = window as unknown as { shown: string[]; blank: string[] };
    return { shown: w.shown, blank: w.blank };
  });
  expect(shown.at(-1)).toBe(final);
  expect(shown.slice(shown.indexOf(final))).toEqual([final]);
  expect(blank, 'the list never blanked between keystrokes').toEqual([]);
  // One request per new query as it is typed, each older one cancelled once the next asks.
  const typed = sent.slice(browseRequests);
  expect(typed.at(-1)).toBe(final);
  expect(typed.length).toBeLessThanOrEqual(final.length);
  expect(cancelled.sort()).toEqual(typed.filter((q) => q !== final).sort());
});

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
