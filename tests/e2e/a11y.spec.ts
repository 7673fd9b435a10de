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
        ['/insights', 'Insights'],
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

    // Its own test: the dialogs above already take most of a two-minute budget on a busy machine.
    test('the composer and its close question pass axe', async ({ page, openApp }) => {
      test.setTimeout(90_000);
      await openApp('/today');
      await settled(page);
      // The composer (issue 11), on Today's focused row, and its question before closing typed text.
      // 'w' acts on the focused row: pressed before a row has focus it does nothing (CI once saw
      // the data shown and no row focused yet), so wait for the row whose actions show their keys.
      await expect(page.locator('button[aria-keyshortcuts="W"]')).toBeVisible();
      await page.keyboard.press('w');
      const writing = page.getByRole('dialog', { name: /^Write to / });
      await expect(writing.locator('.composer-check').first()).toBeVisible();
      await expect(writing.locator('textarea')).toBeFocused();
      await expectNoAxeViolations(page, `composer (${colorScheme})`);
      await page.keyboard.type(' More.');
      await page.keyboard.press('Escape');
      const closing = page.getByRole('dialog', { name: 'Close the composer?' });
      await expect(closing).toBeVisible();
      await expectNoAxeViolations(page, `composer close question (${colorScheme})`);
      await closing.getByRole('button', { name: 'Discard my text' }).click();
      await expect(writing).toHaveCount(0);
    });

    test('Settings › Composer and the template editor pass axe', async ({ page, openApp }) => {
      test.setTimeout(90_000);
      await openApp('/settings');
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      // Settings › Composer with a refused phrase beside its field (a repeat: refused before the
      // API, whose 400 Chromium would log).
      const composer = page.getByRole('region', { name: 'Composer' });
      const phrase = composer.getByLabel('Extra stock phrases');
      await phrase.fill('quick question');
      await phrase.press('Enter');
      await expect(composer.getByRole('listitem')).toHaveText(['quick question']);
      // The field empties once the save is done (the list shows the phrase before that).
      await expect(phrase).toHaveValue('');
      await phrase.fill('quick question');
      await phrase.press('Enter');
      await expect(composer.getByRole('alert')).toBeVisible();
      await expectNoAxeViolations(page, `composer settings with a refusal (${colorScheme})`);

      // The template editor: with a problem under the body, then with its live preview.
      await page
        .getByRole('region', { name: 'Templates' })
        .getByRole('button', { name: 'New template' })
        .click();
      const editor = page.getByRole('dialog', { name: 'New template' });
      await expect(editor.getByLabel('Name', { exact: true })).toBeFocused();
      await editor.getByRole('textbox', { name: 'Body' }).fill('Hi {{frist_name}},\n\nCoffee next week?');
      await expect(editor.getByRole('button', { name: /^Line 1: unknown placeholder/ })).toBeVisible();
      await expectNoAxeViolations(page, `template editor with a problem (${colorScheme})`);
      await editor.getByRole('textbox', { name: 'Body' }).fill('Hi {{first_name}},\n\nCoffee next week?');
      await expect(editor.locator('.template-preview-body')).toContainText('Coffee next week?');
      await editor.getByText('Placeholders you can use').click();
      await expectNoAxeViolations(page, `template editor with its preview (${colorScheme})`);
      await page.keyboard.press('Escape');
      await page
        .getByRole('dialog', { name: 'Discard your changes?' })
        .getByRole('button', { name: 'Discard' })
        .click();
      await expect(editor).toHaveCount(0);
    });

    test('Settings › Mail, its account dialog and its remove question pass axe', async ({
      page,
      server,
      openApp,
    }) => {
      test.setTimeout(90_000);
      // An account that syncs with an error to show (its variable is unset: nothing is reached).
      await server.call('mail.accounts.add', {
        name: 'Work',
        host: 'imap.example.invalid',
        port: 993,
        security: 'tls',
        user: 'sam@work.example',
        credential: { kind: 'env', variable: 'FT_A11Y_UNSET' },
        verify: false,
        idle: false,
      });
      await server.call('mail.sync', {});
      await openApp('/settings');
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      const mail = page.getByRole('region', { name: 'Mail' });
      await expect(mail).toContainText('FT_A11Y_UNSET is not set');
      await expect(mail).toContainText('Nobody yet');
      await expectNoAxeViolations(page, `Settings › Mail (${colorScheme})`);

      // The form with a preset's note and plain IMAP refused for a remote host, said beside it.
      await mail.getByRole('button', { name: 'Add account' }).click();
      const add = page.getByRole('dialog', { name: 'Add a mail account' });
      await expect(add.getByLabel('Provider')).toBeFocused();
      await add.getByLabel('Provider').selectOption({ label: 'Fastmail' });
      await add.getByRole('radio', { name: /No encryption/ }).check();
      await expect(add.getByRole('alert')).toBeVisible();
      await expectNoAxeViolations(page, `mail account dialog (${colorScheme})`);
      await page.keyboard.press('Escape');
      await expect(add).toHaveCount(0);

      await mail.getByRole('button', { name: 'Remove' }).click();
      const remove = page.getByRole('dialog', { name: 'Remove Work?' });
      await expect(remove).toBeVisible();
      await expectNoAxeViolations(page, `mail remove question (${colorScheme})`);
      await page.keyboard.press('Escape');
      await expect(remove).toHaveCount(0);
    });

    test('Settings › Sync, its add dialog and its remove question pass axe', async ({
      page,
      server,
      openApp,
    }) => {
      test.setTimeout(90_000);
      // A calendar server whose last pass failed (its variable is unset: nothing is reached).
      await server.call('sync.accounts.add', {
        url: 'https://dav.example.invalid/',
        user: 'sam',
        credential: { kind: 'env', variable: 'FT_A11Y_DAV_UNSET' },
        verify: false,
      });
      await server.call('sync.run', {});
      await openApp('/settings');
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      const sync = page.getByRole('region', { name: 'Sync', exact: true });
      await expect(sync).toContainText('FT_A11Y_DAV_UNSET is not set');
      await expectNoAxeViolations(page, `Settings › Sync (${colorScheme})`);

      await sync.getByRole('button', { name: 'Add calendar server' }).click();
      const add = page.getByRole('dialog', { name: 'Add a calendar server' });
      await expect(add.getByLabel('Provider')).toBeFocused();
      await add.getByLabel('Provider').selectOption({ label: 'Nextcloud' });
      await expectNoAxeViolations(page, `sync account dialog (${colorScheme})`);
      await page.keyboard.press('Escape');
      await expect(add).toHaveCount(0);

      await sync.getByRole('button', { name: 'Remove' }).click();
      const remove = page.getByRole('dialog', { name: /Stop syncing with/ });
      await expect(remove).toBeVisible();
      await expectNoAxeViolations(page, `sync remove question (${colorScheme})`);
      await page.keyboard.press('Escape');
      await expect(remove).toHaveCount(0);
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
