import { dueCountsText } from '../../src/shared/domain/due-counts.ts';
import type { TodayView } from '../../src/shared/domain/followup.ts';
import { dismissToasts, expect, test } from './fixtures.ts';
import { runCli } from './server.ts';

// Wednesday 18 November 2026, 10:30 in London (GMT, so the CLI's UTC agrees on the day).
const START = '2026-11-18T10:30:00Z';
test.use({ startAt: START });
// Each test seeds a network of 600 (six months of use replayed through the engine) first.
test.describe.configure({ timeout: 90_000 });

const summaryOf = async (server: { call: <T>(m: string, i?: unknown) => Promise<T> }) =>
  (await server.call<TodayView>('followups.today', {})).counts;

test('one seeded day: the sidebar, Today, the calendar’s today and the CLI say the same numbers', async ({
  page,
  server,
  openApp,
  saveScreenshot,
}) => {
  // Six months of use, replayed: plans that follow from the network's history.
  await runCli(['--now', START, 'seed', '--contacts', '600', '--db', server.dbPath]);
  const counts = await summaryOf(server);
  expect(counts.waiting, 'the seeded day has a backlog').toBeGreaterThan(counts.inBudget);
  const cli = JSON.parse(
    await runCli(['--now', START, '--db', server.dbPath, '--json', 'today']),
  ) as TodayView;
  expect(cli.counts).toEqual(counts);
  const words = dueCountsText(counts);
  expect(await runCli(['--now', START, '--db', server.dbPath, 'today'])).toContain(words);

  await openApp('/today');
  await expect(page.locator('.today-summary')).toHaveText(words);
  const todayLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Today/ });
  await expect(todayLink.locator('.sidebar-badge')).toHaveText(`${counts.inBudget} due`);
  await expect(page).toHaveTitle(`(${counts.inBudget}) Followthrough`);
  const inBudget = page.locator(
    '.today-section-overdue > .today-list > li, .today-section-dueToday > .today-list > li',
  );
  await expect(inBudget).toHaveCount(counts.inBudget);
  const waiting = page.getByRole('region', { name: 'Waiting' });
  await expect(waiting.locator('.today-section-count')).toHaveText(String(counts.waiting));
  await expect(waiting.locator('.today-step.is-compact').first()).toBeVisible();
  if (counts.waiting > 50) await expect(waiting).toContainText(`+${counts.waiting - 50} more waiting`);
  await expect(page.getByRole('region', { name: 'Catch up' })).toBeVisible();
  await saveScreenshot('today-counts');

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /^Calendar/ })
    .click();
  const cell = page.getByRole('main').locator('[role="cell"][data-date="2026-11-18"]');
  const total = cell.locator('.cal-event-crowded');
  await expect(total).toContainText(`${counts.inBudget} of ${counts.due} today · ${counts.waiting} waiting`);
  await saveScreenshot('calendar-today-total');
  await total.click();
  const card = page.getByRole('dialog', { name: /today/ });
  await expect(card).toContainText(words);
  await saveScreenshot('calendar-today-total-card');
});

test('Done keeps the budget honest; a bulk skip and a catch-up clear the backlog', async ({
  page,
  server,
  openApp,
  saveScreenshot,
}) => {
  await runCli(['--now', START, 'seed', '--contacts', '600', '--db', server.dbPath]);
  const before = await summaryOf(server);
  await openApp('/today');
  const summary = page.locator('.today-summary');
  await expect(summary).toHaveText(dueCountsText(before));

  // Done on the first row: one fewer in today's budget, nothing pulled in from waiting.
  const first = page.locator('.today-section-overdue > .today-list > li').first();
  await first.focus();
  await expect(first).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('d');
  await expect(first.getByRole('form', { name: 'Mark done' })).toBeVisible();
  await page.keyboard.press('Enter');
  const afterDone = {
    ...before,
    due: before.due - 1,
    inBudget: before.inBudget - 1,
    doneToday: before.doneToday + 1,
  };
  await expect(summary).toHaveText(dueCountsText(afterDone));
  expect(await summaryOf(server)).toEqual(afterDone);
  const todayLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Today/ });
  await expect(todayLink.locator('.sidebar-badge')).toHaveText(`${afterDone.inBudget} due`);
  await dismissToasts(page);

  // Let the nudges overdue for a month or more go, with a count first.
  await page.getByRole('button', { name: 'Skip in bulk…' }).click();
  const bulk = page.getByRole('dialog', { name: 'Skip in bulk' });
  await bulk.getByRole('checkbox', { name: 'Nudge' }).check();
  await bulk.getByLabel(/Due at least/).fill('30');
  const preview = bulk.getByRole('status');
  // The count is for these filters once it is no longer busy (the button waits for it too).
  await expect(preview).toHaveAttribute('aria-busy', 'false');
  await expect(preview.locator('p').first()).toHaveText(/^\d+ follow-ups?: Nudge \(\d+\)$/);
  const count = Number((await preview.locator('strong').textContent())?.match(/\d+/)?.[0]);
  expect(count).toBeGreaterThan(0);
  await saveScreenshot('today-bulk-skip');
  await bulk.getByRole('button', { name: /^Skip \d+ follow-ups?$/ }).click();
  await expect(bulk).toBeHidden();
  const afterSkip = await summaryOf(server);
  expect(afterSkip).toMatchObject({ inBudget: afterDone.inBudget, doneToday: afterDone.doneToday });
  expect(afterSkip.waiting).toBe(afterDone.waiting - count);
  await expect(summary).toHaveText(dueCountsText(afterSkip));
  await dismissToasts(page);

  // Spread the rest over the coming working days, after a look at the new days.
  await page.getByRole('button', { name: 'Spread over the coming days…' }).click();
  const spread = page.getByRole('dialog', { name: 'Spread over the coming days' });
  const days = spread.getByRole('list', { name: 'New days' }).getByRole('listitem');
  await expect(days.first()).toBeVisible();
  await saveScreenshot('today-catch-up-preview');
  await spread.getByRole('button', { name: /^Move \d+ follow-ups?$/ }).click();
  await expect(spread).toBeHidden();
  const caughtUp = await summaryOf(server);
  expect(caughtUp).toMatchObject({ waiting: 0, goingCold: 0, inBudget: afterDone.inBudget });
  await expect(summary).toHaveText(dueCountsText(caughtUp));
  await expect(page.getByRole('region', { name: 'Waiting' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Catch up' })).toBeHidden();
  await expect(todayLink.locator('.sidebar-badge')).toHaveText(`${caughtUp.inBudget} due`);
  await saveScreenshot('today-after-catch-up');
});
