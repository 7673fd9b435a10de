import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import type { RunningServer } from './server.ts';

/**
 * Issue 10: axe-core (WCAG 2.1 AA) finds nothing on any screen or dialog, in either theme, with
 * a realistic network loaded (crowded days, duplicates, long names, every kind of step).
 */
test.use({ seedContacts: 300 });

interface ListPage {
  items: { id: number }[];
}

async function firstContactId(server: RunningServer): Promise<number> {
  const page = await server.call<ListPage>('contacts.list', { status: 'all', limit: 1 });
  return page.items[0]!.id;
}

/** Waits until a screen has its data: no skeleton or busy region left. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.locator('.is-skeleton')).toHaveCount(0);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('every screen passes axe', async ({ page, server, openApp }) => {
      test.setTimeout(120_000);
      const contactId = await firstContactId(server);
      const screens: [string, string][] = [
        ['/today', 'Today'],
        ['/calendar', 'Calendar'],
        ['/calendar?view=week', 'Calendar'],
        ['/calendar?view=list', 'Calendar'],
        ['/contacts', 'Contacts'],
        [`/contacts/${contactId}`, ''],
        ['/events', 'Events'],
        ['/settings', 'Settings'],
        ['/import', 'Import'],
        ['/duplicates', 'Duplicates'],
      ];
      for (const [route, heading] of screens) {
        await openApp(route);
        await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
        if (heading) await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        else await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await settled(page);
        await expectNoAxeViolations(page, `${route} (${colorScheme})`);
      }
      // An event's page, reached as a person would.
      await openApp('/events');
      await page
        .getByRole('region', { name: /events/ })
        .getByRole('link')
        .first()
        .click();
      await expect(page.getByRole('heading', { name: /People you met here/ })).toBeVisible();
      await settled(page);
      await expectNoAxeViolations(page, `an event page (${colorScheme})`);
    });

    test('every dialog passes axe', async ({ page, server, openApp }) => {
      test.setTimeout(120_000);
      await openApp('/today');
      await settled(page);

      // Quick capture, with a field error showing.
      await page.keyboard.press('n');
      const capture = page.getByRole('dialog', { name: 'Capture someone you met' });
      await expect(capture.getByLabel('Name')).toBeFocused();
      await expectNoAxeViolations(page, `quick capture (${colorScheme})`);
      await capture.getByRole('button', { name: 'Cancel' }).click();
      await expect(capture).toHaveCount(0);

      // The shortcuts sheet: long enough to scroll, so its body must be reachable by keyboard.
      await page.keyboard.press('?');
      const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await expect(sheet).toBeVisible();
      await expectNoAxeViolations(page, `shortcuts sheet (${colorScheme})`);
      await page.keyboard.press('Escape');
      await expect(sheet).toHaveCount(0);

      // Calendar: an item's card, a busy day's "+N more", and the export dialog.
      await openApp('/calendar');
      await settled(page);
      const chip = page.locator('.cal-event:not(.cal-event-crowded)').first();
      await chip.click();
      await expect(page.locator('.cal-card')).toBeVisible();
      await expectNoAxeViolations(page, `calendar item card (${colorScheme})`);
      await page.keyboard.press('Escape');
      await expect(page.locator('.cal-card')).toHaveCount(0);
      const more = page.getByRole('button', { name: /more/ }).first();
      if (await more.count()) {
        await more.click();
        await expectNoAxeViolations(page, `calendar "+N more" (${colorScheme})`);
        await page.keyboard.press('Escape');
      }
      await openApp('/calendar');
      await page.getByRole('main').getByRole('button', { name: 'Export .ics' }).click();
      const exporting = page.getByRole('dialog', { name: 'Export follow-ups' });
      await expect(exporting).toBeVisible();
      await expectNoAxeViolations(page, `export dialog (${colorScheme})`);
      await page.keyboard.press('Escape');
      await expect(exporting).toHaveCount(0);

      // A contact: log an interaction, and the delete confirmation.
      await openApp(`/contacts/${await firstContactId(server)}`);
      await settled(page);
      await page.keyboard.press('l');
      const log = page.getByRole('form', { name: 'Log interaction' });
      await expect(log.getByLabel('What happened?')).toBeFocused();
      await expectNoAxeViolations(page, `log interaction (${colorScheme})`);
      await page.keyboard.press('Escape');
      await expect(log).toHaveCount(0);
      await page
        .getByRole('button', { name: /Delete/ })
        .first()
        .click();
      const confirmDelete = page.getByRole('dialog', { name: /Delete/ });
      await expect(confirmDelete).toBeVisible();
      await expectNoAxeViolations(page, `delete confirmation (${colorScheme})`);
      await page.keyboard.press('Escape');
      await expect(confirmDelete).toHaveCount(0);

      // Duplicates: the merge dialog.
      await openApp('/duplicates');
      await settled(page);
      await page.getByRole('button', { name: 'Merge…' }).first().click();
      const merge = page.getByRole('dialog', { name: /Merge/ });
      await expect(merge).toBeVisible();
      await expectNoAxeViolations(page, `merge dialog (${colorScheme})`);
      await page.keyboard.press('Escape');
      await expect(merge).toHaveCount(0);

      // Settings › Data: the restore confirmation.
      const backup = await server.call<{ content: string }>('data.export', { format: 'json' });
      const backupPath = test.info().outputPath('backup.json');
      await writeFile(backupPath, backup.content);
      await openApp('/settings');
      const data = page.getByRole('region', { name: 'Data' });
      await data.getByLabel('Backup file').setInputFiles(backupPath);
      const restore = page.getByRole('dialog', { name: 'Replace your data with this backup?' });
      await expect(restore).toBeVisible();
      await expectNoAxeViolations(page, `restore confirmation (${colorScheme})`);
      await page.keyboard.press('Escape');
      await expect(restore).toHaveCount(0);
    });
  });
}

test('every list takes the arrow keys from the moment it shows, no Tab needed', async ({ page, openApp }) => {
  await openApp('/today');
  const go = async (key: string) => {
    await page.keyboard.press('g');
    await page.keyboard.press(key);
  };

  // Contacts: after `g c` the list has focus and ↓ moves at once.
  await go('c');
  const contacts = page.getByRole('listbox', { name: 'All contacts' });
  await expect(contacts).toBeFocused();
  await expect(contacts.locator('[aria-posinset="1"]')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(contacts.locator('[aria-posinset="2"]')).toHaveAttribute('aria-selected', 'true');

  // Events: the first event link, then the next one.
  await go('e');
  const events = page.locator('.event-item');
  await expect(events.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(events.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(events.last()).toBeFocused();

  // Duplicates: pair by pair; Enter on a pair opens its merge.
  await go('d');
  const pairs = page.locator('.dup-card');
  await expect(pairs.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(pairs.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  const merge = page.getByRole('dialog', { name: /Merge/ });
  await expect(merge).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(merge).toHaveCount(0);

  // Today: ↓ moves the focused row at once.
  await go('t');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.today-row:focus')).toHaveCount(1);

  // A click on the sidebar link hands focus to the list as well.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await expect(contacts).toBeFocused();
});
