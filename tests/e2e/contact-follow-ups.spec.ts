import { dismissToasts, expect, test } from './fixtures.ts';

// Tuesday 10 March 2026, 14:00 in London.
test.use({ startAt: '2026-03-10T14:00:00Z' });

test('plan follow-ups from a contact: by hand, a meeting, a thank-you, and their rhythm', async ({
  page,
  server,
  openApp,
  saveScreenshot,
}) => {
  const ada = await server.call<{ id: number }>('contacts.create', {
    displayName: 'Ada Lovelace',
    company: 'Analytical Engines Ltd',
    metWhere: 'Royal Society soirée',
    metOn: '2026-03-10',
    discussed: 'Her notes on the Analytical Engine',
  });
  await openApp(`/contacts/${ada.id}`);
  const panel = page.getByRole('region', { name: 'Follow-ups' });
  const planned = panel.getByRole('list', { name: 'Planned follow-ups' });
  await expect(planned.getByRole('listitem')).toHaveCount(1);
  await expect(planned).toContainText('Refresher');

  // A day too close to the refresher is allowed, and the panel says which limit it breaks.
  await panel.getByRole('button', { name: 'Schedule follow-up' }).click();
  const form = panel.getByRole('form', { name: 'Schedule follow-up' });
  await expect(form.getByLabel('On', { exact: true })).toBeFocused();
  await form.getByLabel('On', { exact: true }).fill('2026-03-12');
  await form.getByLabel('About').fill('Send the Menabrea translation');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('status')).toContainText('Scheduled, past a limit you set');
  await expect(planned.getByRole('listitem')).toHaveCount(2);
  await expect(planned.getByRole('listitem').nth(1)).toContainText('Send the Menabrea translation');

  // A meeting: the confirmation is planned for the day before.
  await panel.getByRole('button', { name: 'Arrange meeting' }).click();
  const meeting = page.getByRole('dialog', { name: 'Meeting with Ada Lovelace' });
  await meeting.getByLabel('When').fill('2026-03-17T10:00');
  await meeting.getByLabel('Where, or what about').fill('Coffee at the Royal Society');
  await page.keyboard.press('Control+Enter');
  await expect(meeting).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: 'Meeting confirmation planned for Monday 16 March' }),
  ).toBeVisible();

  // They helped: a thank-you.
  await panel.getByRole('button', { name: 'They helped me' }).click();
  const thank = page.getByRole('dialog', { name: 'Ada helped you' });
  await thank.getByLabel('What did they do for you?').fill('Introduced me to Charles Babbage');
  await thank.getByRole('button', { name: 'Plan a thank-you' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Thank-you planned for/ })).toBeVisible();
  await expect(planned).toContainText('Thank-you');
  await expect(planned).toContainText('Meeting confirmation');

  // Her rhythm: fast pacing, urgent, and a keep-in-touch every 45 days.
  const rhythm = page.getByRole('region', { name: 'Follow-up rhythm' });
  await rhythm.getByLabel('Pacing').selectOption('fast');
  await rhythm.getByText('Shorten the next step').click();
  await rhythm.getByLabel('Keep in touch').selectOption('custom');
  await rhythm.getByLabel('Keep in touch, days').fill('45');
  await rhythm.getByLabel('Keep in touch, days').press('Enter');
  await expect(rhythm.getByLabel('Keep in touch', { exact: true })).toHaveValue('45');
  await expect(rhythm.getByRole('checkbox')).toBeChecked();
  await dismissToasts(page);
  await saveScreenshot('contact-followups-planned');

  await page.reload();
  await expect(rhythm.getByLabel('Pacing')).toHaveValue('fast');
  await expect(rhythm.getByRole('checkbox')).toBeChecked();
  await expect(rhythm.getByLabel('Keep in touch', { exact: true })).toHaveValue('45');
  await expect(rhythm.getByLabel('Keep in touch', { exact: true })).toContainText('Every 45 days');
});
