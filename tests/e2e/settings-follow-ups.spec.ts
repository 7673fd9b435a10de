import { expect, test } from './fixtures.ts';

// Tuesday 10 March 2026, 14:00 in London.
test.use({ startAt: '2026-03-10T14:00:00Z' });

test('follow-up settings apply at once and are kept', async ({ page, openApp, saveScreenshot }) => {
  await openApp('/settings');
  const section = page.getByRole('region', { name: 'Follow-ups' });
  const hour = section.getByLabel('Follow-up hour');
  await expect(hour).toHaveValue('9');
  await hour.selectOption({ label: '08:00' });

  // Working days: Saturday joins the week.
  const saturday = section.getByRole('checkbox', { name: 'Saturday' });
  await expect(saturday).not.toBeChecked();
  await section.getByText('Sat', { exact: true }).click();
  await expect(saturday).toBeChecked();

  const limits = page.getByRole('region', { name: 'Limits' });
  const budget = limits.getByLabel('Daily budget');
  await budget.fill('6');
  await budget.press('Enter');

  const playbooks = page.getByRole('region', { name: 'Playbooks' });
  await playbooks.getByRole('checkbox', { name: 'Reconnect' }).uncheck();
  await expect(playbooks.getByLabel('Days since meeting')).toBeDisabled();
  await playbooks.getByLabel('Days before the second note').fill('5');
  await playbooks.getByLabel('Days before the second note').press('Tab');
  await expect(page.getByRole('region', { name: 'Reminders' })).toContainText('Allow browser notifications');
  await saveScreenshot('settings-followups');

  // Kept across a reload.
  await page.reload();
  await expect(section.getByLabel('Follow-up hour')).toHaveValue('8');
  await expect(saturday).toBeChecked();
  await expect(budget).toHaveValue('6');
  await expect(playbooks.getByRole('checkbox', { name: 'Reconnect' })).not.toBeChecked();
  await expect(playbooks.getByLabel('Days before the second note')).toHaveValue('5');

  // Today's empty state teaches with the new hour.
  await page.keyboard.press('g');
  await page.keyboard.press('t');
  await expect(page.getByRole('region', { name: 'Nothing due' })).toContainText('tomorrow at 08:00');
});

test('a tag gives its people their own pacing and keep-in-touch rhythm', async ({
  page,
  server,
  openApp,
}) => {
  await server.call('contacts.create', { displayName: 'Mary Somerville', tags: ['investors'] });
  await server.call('contacts.create', { displayName: 'Caroline Herschel', tags: ['investors', 'science'] });
  await openApp('/settings');
  const tags = page.getByRole('region', { name: 'Tags' });
  const investors = tags.getByRole('row', { name: /investors/ });
  await expect(investors).toContainText('2 people');
  await investors.getByLabel('Pacing for investors').selectOption('deliberate');
  await investors.getByLabel('Keep in touch with investors').selectOption('90');
  await expect(investors.getByLabel('Pacing for investors')).toHaveValue('deliberate');

  await page.reload();
  await expect(investors.getByLabel('Pacing for investors')).toHaveValue('deliberate');
  await expect(investors.getByLabel('Keep in touch with investors')).toHaveValue('90');
  await expect(tags.getByRole('row', { name: /science/ }).getByLabel('Pacing for science')).toHaveValue('');
});
