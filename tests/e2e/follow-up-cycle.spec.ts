import { dismissToasts, expect, test, typeText } from './fixtures.ts';

// Tuesday 10 March 2026, 14:00 in London (GMT: before the clocks change on 29 March).
test.use({ startAt: '2026-03-10T14:00:00Z' });

test('the follow-up cycle: refresher, second follow-up, a reply cancels the nudge, an overdue reminder', async ({
  page,
  clock,
  openApp,
  saveScreenshot,
}) => {
  await openApp();

  // A first run: Today teaches the loop.
  const empty = page.getByRole('region', { name: 'Nothing due' });
  await expect(empty).toContainText('the refresher appears here tomorrow at 09:00');
  await saveScreenshot('today-empty');

  // Capture someone met today.
  await page.keyboard.press('n');
  const capture = page.getByRole('dialog', { name: 'Capture someone you met' });
  await typeText(page, 'Ada Lovelace');
  await page.keyboard.press('Enter');
  await typeText(page, 'Royal Society soirée');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // met today
  await typeText(page, 'Her notes on the Analytical Engine and Bernoulli numbers');
  await page.keyboard.press('Enter');
  await typeText(page, 'Send her the Menabrea translation');
  await page.keyboard.press('Control+Enter');
  await expect(capture).toBeHidden();

  // The refresher is planned for the next working day's follow-up hour.
  const nextDays = page.getByRole('region', { name: 'Next days' });
  await expect(nextDays.getByRole('listitem', { name: 'Ada Lovelace' })).toContainText('Refresher');
  await expect(nextDays).toContainText('Tomorrow');

  // The next working day, 09:05: the refresher is due, with why now and what to mention.
  await clock.set('2026-03-11T09:05:00Z');
  const dueToday = page.getByRole('region', { name: 'Due today' });
  const refresher = dueToday.getByRole('listitem', { name: 'Ada Lovelace' });
  await expect(refresher).toContainText('Refresher');
  await expect(refresher).toContainText('Royal Society soirée');
  await expect(refresher).toContainText('Send her the Menabrea translation');
  await expect(page.getByRole('link', { name: /^Today/ })).toContainText('1');
  // The reminder itself arrives as a quiet notice in the page.
  const refresherNotice = page
    .getByRole('status')
    .filter({ hasText: 'Follow up with Ada Lovelace — refresher' });
  await expect(refresherNotice).toBeVisible();
  await refresherNotice.getByRole('button', { name: 'Dismiss' }).click();

  // Done in two keys: D, then Enter (the summary is optional).
  await page.keyboard.press('d');
  const doneForm = refresher.getByRole('form', { name: 'Mark done' });
  await expect(doneForm.getByRole('textbox')).toBeFocused();
  await typeText(page, 'Sent the translation with my notes');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Refresher for Ada Lovelace done' })).toContainText(
    'Next: nudge on Wednesday 18 March',
  );
  await expect(dueToday).toBeHidden();
  await expect(page.getByText('You are all caught up.')).toBeVisible();

  // A week without a reply: the second follow-up appears.
  await clock.set('2026-03-18T09:05:00Z');
  const nudge = dueToday.getByRole('listitem', { name: 'Ada Lovelace' });
  await expect(nudge).toContainText('Nudge');
  await expect(nudge).toContainText('No reply to your message');

  // Enter opens the contact; the follow-ups panel shows the same step.
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/contacts\/\d+$/);
  const panel = page.getByRole('region', { name: 'Follow-ups' });
  await expect(panel.getByRole('list', { name: 'Planned follow-ups' })).toContainText('Nudge');
  const timeline = page.getByRole('list', { name: 'Interactions' });
  await expect(timeline).toContainText('Refresher done');
  await expect(timeline).toContainText('Sent the translation with my notes');

  // She replies: log it, and the nudge is cancelled, with the reason on the timeline.
  await page.keyboard.press('l');
  await typeText(page, 'Ada wrote back: she would love to read my notes');
  await page.getByText('They reached out', { exact: true }).click();
  await page.keyboard.press('Control+Enter');
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Nudge cancelled' })).toContainText(
    'They replied',
  );
  await expect(panel).toContainText('Nothing planned');

  // A follow-up scheduled by hand, then missed: the reminder arrives as an in-page notice.
  await panel.getByRole('button', { name: 'Schedule follow-up' }).click();
  const schedule = panel.getByRole('form', { name: 'Schedule follow-up' });
  await schedule.getByLabel('On', { exact: true }).fill('2026-03-19');
  await schedule.getByLabel('About').fill('Ask which of my notes she wants to discuss');
  await schedule.getByRole('button', { name: 'Schedule' }).click();
  await expect(panel.getByRole('list', { name: 'Planned follow-ups' })).toContainText('Thu 19 Mar');
  await dismissToasts(page);
  await saveScreenshot('contact-followups');

  await clock.set('2026-03-20T10:00:00Z');
  const notice = page.getByRole('status').filter({ hasText: 'Follow up with Ada Lovelace — follow-up' });
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await saveScreenshot('reminder-notice');
  await notice.getByRole('button', { name: 'Open' }).click();
  await expect(page).toHaveURL(/#\/today/);
  const overdue = page
    .getByRole('region', { name: 'Overdue' })
    .getByRole('listitem', { name: 'Ada Lovelace' });
  await expect(overdue).toContainText('1 day overdue');
  await expect(overdue).toBeFocused();
});
