import { expect, test, typeText } from './fixtures.ts';

test('capture three people from one event', async ({ page, openApp, saveScreenshot }) => {
  await openApp();
  await page.getByRole('link', { name: 'Events' }).click();
  await page.getByRole('button', { name: 'New event' }).click();

  const dialog = page.getByRole('dialog', { name: 'New event' });
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await typeText(page, 'Web Summit 2025');
  await dialog.getByLabel('Date').fill('2025-11-12');
  await dialog.getByLabel('Location').fill('Lisbon');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/#\/events\/\d+$/);
  await expect(page.getByRole('button', { name: 'Event name: Web Summit 2025' })).toBeVisible();

  // A stack of business cards: Tab across a row, Enter for the next person.
  const people = [
    ['Margaret Hamilton', 'Apollo Software', 'Error recovery in flight software'],
    ['Katherine Johnson', 'NASA Langley', 'Orbital mechanics by hand'],
    ['Radia Perlman', 'Spanning Tree Co', 'Why networks should heal themselves'],
  ];
  await expect(page.getByLabel('Name, person 1')).toBeFocused();
  for (const [i, [name, company, discussed]] of people.entries()) {
    await expect(page.getByLabel(`Name, person ${i + 1}`)).toBeFocused();
    await typeText(page, name!);
    await page.keyboard.press('Tab');
    await typeText(page, company!);
    await page.keyboard.press('Tab');
    await typeText(page, discussed!);
    if (i < people.length - 1) await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('button', { name: 'Save 3 people' })).toBeVisible();
  await saveScreenshot('event-multi-capture');

  // Slow each create down a little so the progress indicator can be seen and checked.
  await page.route('**/api/contacts.create', async (route) => {
    await new Promise((r) => setTimeout(r, 250));
    await route.continue();
  });
  await page.keyboard.press('Control+Enter');
  const progress = page.getByRole('progressbar', { name: 'Saving people' });
  await expect(progress).toBeVisible();
  await expect(page.getByText(/Saving \d of 3…/)).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: '3 people added to Web Summit 2025' }),
  ).toBeVisible();
  await expect(progress).toBeHidden();

  const met = page.getByRole('listbox', { name: 'People met at Web Summit 2025' });
  await expect(met.getByRole('option')).toHaveCount(3);
  await expect(met.getByRole('option', { name: /Katherine Johnson/ })).toContainText('NASA Langley');
  // The form is ready for the next stack.
  await expect(page.getByLabel('Name, person 1')).toHaveValue('');
  await saveScreenshot('event-page');

  // Each person is linked to the event and dated on its day.
  await met.getByRole('option', { name: /Radia Perlman/ }).click();
  await expect(page.getByRole('button', { name: 'Where you met: Web Summit 2025' })).toBeVisible();
  // Named by what it shows (WCAG 2.5.3), the date as the page writes it.
  await expect(page.getByRole('button', { name: /^Date met: 12 Nov 2025/ })).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'What you discussed: Why networks should heal themselves' }),
  ).toBeVisible();

  await page.getByRole('link', { name: 'Events' }).click();
  const row = page.getByRole('link', { name: /Web Summit 2025/ });
  await expect(row).toContainText('3 people');
  await expect(row).toContainText('Lisbon');
  await saveScreenshot('events-list');
});

test('quick capture links a contact to an event picked by typing', async ({ page, openApp }) => {
  await openApp();
  await page.getByRole('link', { name: 'Events' }).click();
  await page.getByRole('button', { name: 'New event' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill('PyCon Berlin');
  await page.getByRole('dialog').getByLabel('Date').fill('2025-04-23');
  await page.getByRole('button', { name: 'Create event' }).click();
  await expect(page).toHaveURL(/#\/events\/\d+$/);

  // Opened on an event's page, quick capture starts from that event.
  await page
    .getByRole('complementary')
    .getByRole('button', { name: /Capture/ })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Capture someone you met' });
  await expect(dialog.getByRole('combobox', { name: 'Where you met' })).toHaveValue('PyCon Berlin');
  await expect(dialog.getByLabel('Met on')).toHaveValue('2025-04-23');
  await page.keyboard.press('Escape');

  // Anywhere else, the event is picked by typing part of its name.
  await page.getByRole('link', { name: 'Contacts' }).click();
  await page.keyboard.press('n');
  await typeText(page, 'Guido van Rossum');
  await page.keyboard.press('Enter');
  await typeText(page, 'pycon');
  await expect(dialog.getByRole('option', { name: /PyCon Berlin/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter'); // picks the event
  await expect(dialog.getByLabel('Met on')).toHaveValue('2025-04-23');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('listbox', { name: 'All contacts' })).toContainText('PyCon Berlin');
  await page.getByRole('link', { name: 'Events' }).click();
  await page.getByRole('link', { name: /PyCon Berlin/ }).click();
  const met = page.getByRole('listbox', { name: 'People met at PyCon Berlin' });
  await expect(met.getByRole('option', { name: /Guido van Rossum/ })).toBeVisible();
});
