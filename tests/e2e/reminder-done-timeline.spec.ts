import { dismissToasts, expect, test } from './fixtures.ts';

// Tuesday 10 March 2026, 14:00 in London.
test.use({ startAt: '2026-03-10T14:00:00Z' });

// Done on a reminder logs an interaction in main. The handler declares what it changed
// (follow-ups, interactions, the contact) and the dispatcher pushes it, so a contact page that is
// open shows the new entry without a reload. Before, only "followups" was announced and the
// timeline stayed as it was.
test('Done on a reminder notice updates the open contact page', async ({
  page,
  server,
  clock,
  openApp,
  saveScreenshot,
}) => {
  const ada = await server.call<{ id: number }>('contacts.create', {
    displayName: 'Ada Lovelace',
    metOn: '2026-03-10',
    discussed: 'Her notes on the Analytical Engine',
  });
  await openApp(`/contacts/${ada.id}`);
  const timeline = page.getByRole('list', { name: 'Interactions' });
  const panel = page.getByRole('region', { name: 'Follow-ups' });
  await expect(panel).toContainText('Refresher');
  await expect(page.getByText('Refresher done')).toHaveCount(0);
  await dismissToasts(page);

  // The refresher falls due the next morning: the reminder arrives as an in-page notice.
  await clock.set('2026-03-11T09:05:00Z');
  const notice = page.getByRole('status').filter({ hasText: 'Follow up with Ada Lovelace' });
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await saveScreenshot('reminder-notice-done');
  await notice.getByRole('button', { name: 'Done' }).click();

  // Nothing on this page asked for a reload: the push did it. The logged interaction itself is
  // there (the step's ending comes with the follow-ups; the interaction needs its own scope).
  await expect(timeline.getByRole('button', { name: /^Delete interaction:/ })).toHaveCount(1);
  await expect(timeline).toContainText('Refresher done');
  await expect(panel).not.toContainText('Refresher');
  await expect(page).toHaveURL(new RegExp(`#/contacts/${ada.id}$`));
});
