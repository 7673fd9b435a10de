import type { Locator, Page } from '@playwright/test';
import { dismissToasts, expect, test } from './fixtures.ts';
import type { RunningServer } from './server.ts';

// Tuesday 17 March 2026, 14:00 in London.
test.use({ startAt: '2026-03-17T14:00:00Z' });

interface Created {
  id: number;
}

async function planFollowUp(server: RunningServer, name: string, dueOn: string): Promise<number> {
  const c = await server.call<Created>('contacts.create', { displayName: name });
  await server.call('followups.schedule', { contactId: c.id, dueOn, note: `Write to ${name}` });
  return c.id;
}

async function drag(page: Page, from: Locator, to: Locator) {
  await expect(from).toBeVisible();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 8, a.y + a.height / 2 + 8, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

test('a follow-up dragged to a past day stays put and the app says why', async ({
  page,
  server,
  openApp,
}) => {
  const id = await planFollowUp(server, 'Ada Lovelace', '2026-03-19');
  await openApp('/calendar');
  const main = page.getByRole('main');
  const day = (date: string) => main.locator(`[role="cell"][data-date="${date}"]`);
  const ada = day('2026-03-19').locator('.cal-event').filter({ hasText: 'Ada Lovelace' });

  await drag(page, ada, day('2026-03-16'));
  await expect(page.getByRole('alert').filter({ hasText: 'Monday 16 March has passed' })).toContainText(
    'A follow-up can move to today or a later day.',
  );
  await expect(ada).toBeVisible();
  expect(
    (await server.call<{ dueOn: string }[]>('followups.list', { contactId: id })).map((s) => s.dueOn),
  ).toEqual(['2026-03-19']);
});

test('the card moves a follow-up to another day from the keyboard', async ({ page, server, openApp }) => {
  const id = await planFollowUp(server, 'Grace Hopper', '2026-03-19');
  await openApp('/calendar');
  const main = page.getByRole('main');
  const day = (date: string) => main.locator(`[role="cell"][data-date="${date}"]`);

  // The chip takes focus and Enter opens its card, as a click does.
  const chip = day('2026-03-19').locator('.cal-event').filter({ hasText: 'Grace Hopper' });
  await chip.focus();
  await page.keyboard.press('Enter');
  const card = page.getByRole('dialog', { name: 'Grace Hopper' });
  await expect(card).toBeVisible();

  await card.getByRole('button', { name: 'Move…' }).focus();
  await page.keyboard.press('Enter');
  const form = card.getByRole('form', { name: 'Move to another day' });
  const input = form.getByLabel('New day');
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('2026-03-19');
  await expect(input).toHaveAttribute('min', '2026-03-17');
  // Esc leaves the form, not the card.
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  await expect(card).toBeVisible();

  await card.getByRole('button', { name: 'Move…' }).click();
  await input.fill('2026-03-24');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'Follow-up for Grace Hopper moved to Tuesday 24 March' }),
  ).toBeVisible();
  await expect(card).toHaveCount(0);
  await expect(day('2026-03-24').locator('.cal-event').filter({ hasText: 'Grace Hopper' })).toBeVisible();
  expect(
    (await server.call<{ dueOn: string }[]>('followups.list', { contactId: id })).map((s) => s.dueOn),
  ).toEqual(['2026-03-24']);
  await dismissToasts(page);
});

test('"+N more" on a busy day opens the Day tab, selected', async ({ page, server, openApp }) => {
  for (let i = 1; i <= 14; i++)
    await planFollowUp(server, `Person ${String(i).padStart(2, '0')}`, '2026-03-19');
  await openApp('/calendar');
  const main = page.getByRole('main');
  await expect(main.getByRole('tab', { name: 'Month view' })).toHaveAttribute('aria-selected', 'true');
  await main
    .locator('[role="cell"][data-date="2026-03-19"]')
    .getByText(/^\+\d+ more$/)
    .click();
  await expect(page).toHaveURL(/view=day&date=2026-03-19$/);
  const dayTab = main.getByRole('tab', { name: 'Day view' });
  await expect(dayTab).toHaveAttribute('aria-selected', 'true');
  for (const other of ['Month view', 'Week view', 'List view'])
    await expect(main.getByRole('tab', { name: other })).toHaveAttribute('aria-selected', 'false');
  await expect(main.locator('.cal-event-followup')).toHaveCount(14);
});
