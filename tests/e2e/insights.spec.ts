import { readFile } from 'node:fs/promises';
import type { InsightsPeople, InsightsReport } from '../../src/shared/domain/insights.ts';
import { dismissToasts, expect, expectNoAxeViolations, test } from './fixtures.ts';
import { runCli } from './server.ts';

/**
 * Issue 13's screen on a seeded network: the figures the report computes, each bar a button to
 * the people behind it, filters kept in the address, a CSV of the figures, both themes.
 */
const START = '2026-03-18T09:00:00.000Z';
test.use({ startAt: START });

test.beforeEach(async ({ server }) => {
  await runCli(['--now', START, 'seed', '--contacts', '600', '--db', server.dbPath]);
});

test('the screen shows the report’s figures; a bar opens the people behind it, who lead to their page', async ({
  page,
  server,
  openApp,
}) => {
  const report = await server.call<InsightsReport>('insights.report', {});
  expect(report.followThrough.within48h, 'the seed follows some people up within 48 h').toBeGreaterThan(0);

  // Reached from the sidebar, as a person finds it.
  await openApp('/today');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Period' }).selectOption('all');
  await expect(page).toHaveURL(/#\/insights\?period=all$/);

  const bars = page.getByRole('list', { name: 'Share of the people met who got a first message' });
  const ft = report.followThrough;
  const share = `${Math.round((ft.within48h / ft.met) * 100)}%`;
  const bar = bars.getByRole('button', { name: new RegExp(`^Within 48 h ${share}`) });
  await expect(bar).toBeVisible();
  await expect(
    bars
      .getByRole('button', { name: `Within 48 h: all ${ft.met} people met` })
      .locator('[aria-hidden="true"]'),
  ).toHaveText(`${ft.within48h} of ${ft.met}`);

  await bar.click();
  const dialog = page.getByRole('dialog', { name: 'Within 48 h: followed up' });
  await expect(dialog).toBeVisible();
  const expected = await server.call<InsightsPeople>('insights.people', {
    measure: { measure: 'followThrough', bucket: 'within48h' },
    limit: 100,
  });
  const rows = dialog.getByRole('list', { name: 'Within 48 h: followed up' }).getByRole('link');
  await expect(rows).toHaveCount(Math.min(100, ft.within48h));
  const first = expected.people[0]!;
  await expect(rows.first()).toContainText(first.name);
  await rows.first().click();
  await expect(page).toHaveURL(new RegExp(`#/contacts/${first.contactId}$`));
  await expect(page.getByRole('heading', { level: 1, name: first.name })).toBeVisible();
});

test('a reply rate too small to mean anything is shown as counts; the table toggles; filters survive a reload', async ({
  page,
  server,
  openApp,
}) => {
  await openApp('/insights?period=365d');
  await expect(page.getByRole('combobox', { name: 'Period' })).toHaveValue('365d');
  const card = page.getByRole('region', { name: 'By channel' });
  await expect(card.getByRole('list', { name: 'Reply rate by channel' })).toBeVisible();

  const report = await server.call<InsightsReport>('insights.report', {
    from: '2025-03-19',
    to: '2026-03-18',
  });
  const channels = Object.entries(report.replyRate.channel);
  expect(channels.length).toBeGreaterThan(0);
  const small = channels.find(([, r]) => r.small);
  if (small) {
    await expect(card.locator('.bar-row.is-small').first()).toContainText('too few');
    await expect(card.locator('.bar-row.is-small .bar-fill')).toHaveCount(0);
  }

  await card.getByRole('button', { name: 'Show as table' }).click();
  const table = card.getByRole('table', { name: 'Reply rate by channel' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(channels.length + 1);
  await card.getByRole('button', { name: 'Show as chart' }).click();
  await expect(table).toHaveCount(0);

  const tags = await server.call<{ name: string }[]>('contacts.tags', {});
  const tag = tags[0]!.name;
  await page.getByRole('combobox', { name: 'Tag' }).selectOption(tag);
  await expect(page).toHaveURL(new RegExp(`#/insights\\?period=365d&tag=${encodeURIComponent(tag)}$`));
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Tag' })).toHaveValue(tag);
  await expect(page.getByRole('combobox', { name: 'Period' })).toHaveValue('365d');

  // What a measure means is on the screen, in words.
  const ft = page.getByRole('region', { name: 'First message after meeting' });
  await ft.getByText('What this means').click();
  await expect(ft.getByText(/within 48 h by the end of the second day after/)).toBeVisible();
});

test('the chart library loads with the screen, not at start; "g r" opens it; the figures download as CSV', async ({
  page,
  openApp,
}) => {
  const chunks: string[] = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop() ?? '';
    if (name.endsWith('.js')) chunks.push(name);
  });
  await openApp('/today');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  expect(chunks.filter((c) => /^(uplotChart|InsightsScreen)-/.test(c))).toEqual([]);
  await page.keyboard.press('g');
  await page.keyboard.press('r');
  await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();
  await expect(page.locator('.line-chart canvas').first()).toBeVisible();
  expect(chunks.some((c) => c.startsWith('uplotChart-'))).toBe(true);
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('insights-2026-03-18.csv');
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.split('\r\n');
  // The same bytes as `insights --csv` (src/shared/domain/insights-csv.ts), long form.
  expect(lines[0]).toBe('measure,by,key,metric,value');
  expect(lines.some((l) => l.startsWith('followThrough,,within48h,people,'))).toBe(true);
  expect(lines.some((l) => l.startsWith('replyRate,channel,'))).toBe(true);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`at 1024 and 1440 px (${colorScheme}): axe finds nothing, charts drawn, screenshots`, async ({
    page,
    openApp,
    saveScreenshot,
  }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme });
    for (const width of [1024, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await openApp('/insights?period=365d');
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      // The chart library came in its own chunk and drew on canvas.
      await expect(page.locator('.line-chart canvas').first()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow at ${width} px`).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, `/insights at ${width} (${colorScheme})`);
      // The due-now notice in the corner is Today's, not this screen's: keep it out of the picture.
      await dismissToasts(page);
      await saveScreenshot(`insights-${width}-${colorScheme}`);
    }
    // A dialog of people, and a chart as its table, pass too.
    await page
      .getByRole('region', { name: 'Week by week' })
      .getByRole('button', { name: 'Show as table' })
      .click();
    await expectNoAxeViolations(page, `/insights tables (${colorScheme})`);
    await page
      .getByRole('list', { name: 'Share of the people met who got a first message' })
      .getByRole('button')
      .first()
      .click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoAxeViolations(page, `insights people dialog (${colorScheme})`);
    await saveScreenshot(`insights-people-${colorScheme}`, { fullPage: false });
  });
}

test('the forecast follows a change of the daily budget at once', async ({ page, server, openApp }) => {
  await openApp('/insights');
  const forecast = page.getByRole('region', { name: /What the next 30 days will ask of you/ });
  await expect(forecast.getByText(/your budget of 10\b/)).toBeVisible({ timeout: 20_000 });
  // Saved elsewhere (another window, the command line): the push reloads the forecast here.
  await server.call('settings.update', { caps: { minGapDays: 3, maxPer30Days: 4, dailyBudget: 2 } });
  await expect(forecast.getByText(/your budget of 2\b/)).toBeVisible({ timeout: 20_000 });
  await forecast.getByRole('button', { name: 'Show as table' }).click();
  const table = forecast.getByRole('table', { name: 'Prompts a day against the daily budget' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  // Every working day's budget column now says 2 (a day off has one cell for the four).
  const budgets = await table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows
        .filter((r) => !r.querySelector('.forecast-off-cell'))
        .map((r) => r.querySelectorAll('td')[1]?.textContent),
    );
  expect(budgets.length).toBeGreaterThan(0);
  expect(new Set(budgets)).toEqual(new Set(['2']));
});
