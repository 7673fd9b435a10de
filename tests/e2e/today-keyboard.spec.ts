import { expect, test } from './fixtures.ts';

// Tuesday 10 March 2026, 14:00 in London.
test.use({ startAt: '2026-03-10T14:00:00Z' });

test('snooze and skip from Today without touching the mouse', async ({ page, server, clock, openApp }) => {
  for (const [displayName, metWhere] of [
    ['Ada Lovelace', 'Royal Society soirée'],
    ['Grace Hopper', 'Compilers Meetup'],
    ['Alan Turing', 'Royal Institution lecture'],
  ]) {
    await server.call('contacts.create', { displayName, metWhere, metOn: '2026-03-10' });
  }
  await clock.set('2026-03-11T09:05:00Z');
  await openApp();

  const dueToday = page.getByRole('region', { name: 'Due today' });
  const rows = dueToday.getByRole('listitem');
  await expect(rows).toHaveCount(3);
  const nameOf = async (i: number) => (await rows.nth(i).locator('.today-step-name').textContent()) ?? '';

  // J moves to the second item; S opens the snooze menu; 2 picks "Tomorrow".
  await page.keyboard.press('j');
  await expect(rows.nth(1)).toBeFocused();
  const snoozed = await nameOf(1);
  await page.keyboard.press('s');
  const menu = page.getByRole('menu', { name: 'Snooze until' });
  await expect(menu.getByRole('menuitem', { name: /In an hour/ })).toBeFocused();
  await expect(menu.getByRole('menuitem', { name: /Tomorrow/ })).toContainText('at 09:00');
  await page.keyboard.press('2');
  await expect(menu).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Snoozed until tomorrow at 09:00' })).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expect(dueToday).not.toContainText(snoozed);

  // Focus stays on the list, on the item that took its place; X skips it.
  await expect(rows.nth(1)).toBeFocused();
  const skipped = await nameOf(1);
  await page.keyboard.press('x');
  await expect(
    page.getByRole('status').filter({ hasText: `Skipped the refresher for ${skipped}` }),
  ).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(dueToday).not.toContainText(skipped);

  // K goes back up; Esc closes a menu opened by mistake without acting.
  await page.keyboard.press('k');
  await expect(rows.first()).toBeFocused();
  await page.keyboard.press('s');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: /In an hour/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toBeFocused();

  // K on the top row moves nowhere; the menu opened next keeps the keyboard (K's wish to focus
  // the row it was on waited for a render and took focus back from the menu, so Esc missed it).
  await page.keyboard.press('k');
  await page.keyboard.press('s');
  await expect(menu.getByRole('menuitem', { name: /In an hour/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(rows.first()).toBeFocused();

  // The snoozed one comes back tomorrow; the skipped one is gone.
  await expect(page.getByRole('region', { name: 'Next days' })).toContainText(snoozed);
  await expect(page.getByRole('link', { name: /^Today/ })).toContainText('1');
});
