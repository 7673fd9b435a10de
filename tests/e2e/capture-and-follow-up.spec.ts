import { expect, test, typeText } from './fixtures.ts';
import { runCli } from './server.ts';

test('capture a contact, find it by company, edit it, log an interaction', async ({
  page,
  openApp,
  saveScreenshot,
}) => {
  await openApp();

  // Quick capture from anywhere with N, filled field by field with Enter.
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Capture someone you met' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await typeText(page, 'Ada Lovelace');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('combobox', { name: 'Where you met' })).toBeFocused();
  await typeText(page, 'Royal Society soirée');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // keep today's date
  await typeText(page, 'Her notes on the Analytical Engine and Bernoulli numbers');
  await page.keyboard.press('Enter');
  await typeText(page, 'Send her the Menabrea translation');
  await page.keyboard.press('Enter');
  await typeText(page, 'Analytical Engines Ltd');
  await page.keyboard.press('Enter');
  await typeText(page, 'ada@example.org');
  await saveScreenshot('quick-capture-dialog');
  await page.keyboard.press('Enter'); // Enter in the last field saves

  await expect(dialog).toBeHidden();
  const toast = page.getByRole('status').filter({ hasText: 'Ada Lovelace captured' });
  await expect(toast).toBeVisible();
  await expect(toast.getByRole('button', { name: 'Open' })).toBeVisible();
  await toast.getByRole('button', { name: 'Dismiss' }).click();

  // Find her by typing part of the company.
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search contacts' })).toBeFocused();
  await typeText(page, 'analyt');
  const results = page.getByRole('listbox', { name: 'Matching contacts' });
  await expect(results.getByRole('option', { name: /Ada Lovelace/ })).toBeVisible();
  await expect(results.getByRole('option')).toHaveCount(1);
  await expect(page.getByText('1 match', { exact: true })).toBeVisible();
  await page.keyboard.press('Enter');

  // The contact page leads with the follow-up context.
  await expect(page).toHaveURL(/#\/contacts\/\d+$/);
  await expect(
    page.getByRole('button', { name: 'Agreed next step: Send her the Menabrea translation' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Where you met: Royal Society soirée' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'ada@example.org' })).toHaveAttribute(
    'href',
    'mailto:ada@example.org',
  );

  // Edit a field in place: click, type, Enter saves.
  await page.getByRole('button', { name: 'Title: not set' }).click();
  const title = page.getByRole('textbox', { name: 'Title' });
  await expect(title).toBeFocused();
  await typeText(page, 'Mathematician');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Title: Mathematician' })).toBeVisible();
  await expect(page.getByText('Mathematician · Analytical Engines Ltd')).toBeVisible();

  // Esc cancels an edit.
  await page.getByRole('button', { name: 'Location: not set' }).click();
  await typeText(page, 'London');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Location: not set' })).toBeVisible();
  await expect(page.getByText('No interactions yet.')).toBeVisible();
  await saveScreenshot('contact-page');

  // Log an interaction in two keystrokes: L, type, Enter.
  await page.keyboard.press('l');
  const form = page.getByRole('form', { name: 'Log interaction' });
  await expect(form.getByLabel('What happened?')).toBeFocused();
  await expect(form.getByLabel('Channel')).toHaveValue('email');
  await expect(form.getByRole('radio', { name: 'I reached out' })).toBeChecked();
  await typeText(page, 'Sent the translation with my notes');
  await saveScreenshot('log-interaction');
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();

  const timeline = page.getByRole('list', { name: 'Interactions' });
  const entry = timeline.getByRole('listitem').filter({ hasText: 'Sent the translation with my notes' });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('Email');
  await expect(entry).toContainText('I reached out');
  await expect(entry).toContainText('just now');
  await expect(page.getByText('Last in touch just now')).toBeVisible();
  await saveScreenshot('contact-page-with-timeline');
});

test.describe('invalid input', () => {
  // The browser logs the API's 400 answer; that is the point of this test, not a fault.
  test.use({ allowedConsoleErrors: [/status of 400/] });

  test('quick capture shows field errors next to the field and keeps what was typed', async ({
    page,
    openApp,
  }) => {
    await openApp('/contacts');
    await page.getByRole('button', { name: 'Capture' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Capture someone you met' });
    await dialog.getByLabel('Name').fill('Grace Hopper');
    await dialog.getByLabel('Email').fill('not-an-email');
    await dialog.getByRole('button', { name: 'Save contact' }).click();
    await expect(dialog.getByText('Email is not an e-mail address')).toBeVisible();
    await expect(dialog.getByLabel('Name')).toHaveValue('Grace Hopper');
    await dialog.getByLabel('Email').fill('grace@example.org');
    await page.keyboard.press('Control+Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('option', { name: /Grace Hopper/ })).toBeVisible();
  });

  test('an invalid edit explains itself next to the field; Esc restores the saved value', async ({
    page,
    server,
    openApp,
  }) => {
    await runCli(['contacts', 'add', 'Alan Turing', '--time-zone', 'Europe/London', '--db', server.dbPath]);
    await openApp('/contacts');
    await page.getByRole('option', { name: /Alan Turing/ }).click();
    await page.getByRole('button', { name: /^Time zone: Europe\/London/ }).click();
    // With its list of known zones the input is a combobox.
    const field = page.getByRole('combobox', { name: 'Time zone' });
    await field.fill('Mars/Olympus_Mons');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toHaveText(
      'Time zone is not an IANA time zone (e.g. Europe/Berlin)',
    );
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveValue('Mars/Olympus_Mons');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: /^Time zone: Europe\/London/ })).toBeFocused();
  });
});
