import { dismissToasts, expect, test, typeText } from './fixtures.ts';

// Tuesday 10 March 2026, 14:00 in London.
test.use({ startAt: '2026-03-10T14:00:00Z' });

interface Interaction {
  summary: string;
}

test('Done on Today, then Undo from the toast: the step is back and nothing was logged', async ({
  page,
  server,
  clock,
  openApp,
  saveScreenshot,
}) => {
  const ada = await server.call<{ id: number }>('contacts.create', {
    displayName: 'Ada Lovelace',
    metWhere: 'Royal Society soirée',
    metOn: '2026-03-10',
    nextStep: 'Send her the Menabrea translation',
  });
  await clock.set('2026-03-11T09:05:00Z');
  await openApp();
  await dismissToasts(page); // the reminder notice for the due refresher

  const dueToday = page.getByRole('region', { name: 'Due today' });
  const refresher = dueToday.getByRole('listitem', { name: 'Ada Lovelace' });
  await expect(refresher).toContainText('Refresher');
  await page.keyboard.press('d');
  await typeText(page, 'Sent the translation');
  await page.keyboard.press('Enter');

  const toast = page.getByRole('status').filter({ hasText: 'Refresher for Ada Lovelace done' });
  await expect(toast.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(toast.getByRole('button', { name: 'Open' })).toBeVisible();
  await expect(dueToday).toBeHidden();
  expect(await server.call<Interaction[]>('interactions.list', { contactId: ada.id })).toHaveLength(1);
  await saveScreenshot('undo-toast-after-done');

  await toast.getByRole('button', { name: 'Undo' }).click();
  const undone = page.getByRole('status').filter({ hasText: 'Undone' });
  await expect(undone).toContainText('Refresher for Ada Lovelace is back');
  await expect(dueToday.getByRole('listitem', { name: 'Ada Lovelace' })).toContainText('Refresher');
  // The interaction Done logged is gone, and so is the nudge it planned.
  expect(await server.call<Interaction[]>('interactions.list', { contactId: ada.id })).toEqual([]);
  await expect(page.getByRole('region', { name: 'Next days' })).toBeHidden();
  await saveScreenshot('undo-today-restored');

  // Nothing left to undo: `z` says so, and changes nothing.
  await dismissToasts(page);
  await page.keyboard.press('z');
  await expect(page.getByRole('status').filter({ hasText: 'Nothing to undo' })).toBeVisible();
  await expect(dueToday.getByRole('listitem')).toHaveCount(1);
});

test('`z` after Skip brings the step back; Ctrl+Z after a snooze too, but not while typing', async ({
  page,
  server,
  clock,
  openApp,
  saveScreenshot,
}) => {
  for (const [displayName, metWhere] of [
    ['Grace Hopper', 'Compilers Meetup'],
    ['Alan Turing', 'Royal Institution lecture'],
  ]) {
    await server.call('contacts.create', { displayName, metWhere, metOn: '2026-03-10' });
  }
  await clock.set('2026-03-11T09:05:00Z');
  await openApp();
  await dismissToasts(page);

  const dueToday = page.getByRole('region', { name: 'Due today' });
  const rows = dueToday.getByRole('listitem');
  await expect(rows).toHaveCount(2);
  const first = (await rows.first().locator('.today-step-name').textContent()) ?? '';

  await rows.first().focus();
  await page.keyboard.press('x');
  await expect(
    page.getByRole('status').filter({ hasText: `Skipped the refresher for ${first}` }),
  ).toBeVisible();
  await expect(rows).toHaveCount(1);

  await page.keyboard.press('z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toContainText(
    `Refresher for ${first} is back`,
  );
  await expect(rows).toHaveCount(2);
  await expect(dueToday).toContainText(first);
  await saveScreenshot('undo-z-after-skip');

  // Snooze the first, then Ctrl+Z while the search field has focus: the field's own undo, not ours.
  await dismissToasts(page);
  await rows.first().focus();
  await page.keyboard.press('s');
  await page.keyboard.press('2'); // tomorrow
  await expect(rows).toHaveCount(1);
  await page.keyboard.press('/');
  await typeText(page, 'gr');
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await openApp('/today');
  await expect(rows).toHaveCount(1);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toBeVisible();
  await expect(rows).toHaveCount(2);
});

test('a calendar move is undone with `z` on the calendar', async ({ page, server, openApp }) => {
  const ada = await server.call<{ id: number }>('contacts.create', {
    displayName: 'Ada Lovelace',
    metOn: '2026-03-10',
  });
  const [step] = await server.call<{ id: number; dueOn: string }[]>('followups.list', { contactId: ada.id });
  // The drag itself is FullCalendar's (calendar.spec.ts drags); the move goes through the same call.
  await server.call('followups.reschedule', { id: step!.id, dueOn: '2026-03-13' });
  await openApp('/calendar?view=list&date=2026-03-01');
  const calendar = page.locator('.calendar-screen');
  await expect(calendar.getByText('13 March 2026')).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toContainText('is back');
  await expect(calendar.getByText('11 March 2026')).toBeVisible();
  await expect(calendar.getByText('13 March 2026')).toBeHidden();
  const [after] = await server.call<{ dueOn: string }[]>('followups.list', { contactId: ada.id });
  expect(after?.dueOn).toBe(step!.dueOn);
});

test('the agreed next step: a due date, a promise in one action, done when logging', async ({
  page,
  server,
  openApp,
  saveScreenshot,
}) => {
  const priya = await server.call<{ id: number }>('contacts.create', {
    displayName: 'Priya Raman',
    company: 'Northwind',
    nextStep: 'Send her our partner deck by Friday',
  });
  await openApp(`/contacts/${priya.id}`);
  const next = page.locator('.followup-next');
  await expect(next).toContainText('Send her our partner deck by Friday');

  // A due date, in place.
  await next.getByRole('button', { name: 'Next step due: not set' }).click();
  await next.getByLabel('Next step due').fill('2026-03-13');
  await page.keyboard.press('Enter');
  await expect(next).toContainText('Due 13 Mar');
  await saveScreenshot('next-step-due');

  // One action makes it a promise; the promises panel and Today carry it from now on.
  await next.getByRole('button', { name: 'Make it a promise' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Now a promise' })).toBeVisible();
  await expect(next).toContainText('Promised for 13 Mar');
  await expect(page.getByRole('region', { name: 'Promises' })).toContainText(
    'Send her our partner deck by Friday',
  );

  // Logging the interaction that did it offers to mark it done.
  await page.keyboard.press('l');
  const form = page.getByRole('form', { name: 'Log interaction' });
  const offer = form.getByRole('checkbox', { name: /This did the agreed next step/ });
  await expect(offer).not.toBeChecked();
  await typeText(page, 'Sent the partner deck');
  await offer.check();
  await saveScreenshot('next-step-log-offer');
  await form.getByRole('button', { name: 'Log interaction' }).click();
  await expect(form).toBeHidden();
  await expect(next).toContainText('Done');
  await expect(next.getByRole('button', { name: 'Not done yet' })).toBeVisible();
  const [promise] = await server.call<{ status: string }[]>('promises.list', {
    contactId: priya.id,
    status: 'all',
  });
  expect(promise?.status).toBe('done');
  await saveScreenshot('next-step-done');
});

test('a bulk skip is undone from its toast: every step it skipped is back', async ({
  page,
  server,
  clock,
  openApp,
  saveScreenshot,
}) => {
  // A budget of one and three overdue refreshers: two wait beyond it.
  await server.call('settings.update', { caps: { dailyBudget: 1 } });
  for (const displayName of ['Grace Hopper', 'Alan Turing', 'Ada Lovelace'])
    await server.call('contacts.create', { displayName, metWhere: 'Royal Society', metOn: '2026-03-10' });
  await clock.set('2026-03-12T09:05:00Z');
  const open = async () =>
    (await server.call<{ id: number; dueOn: string; status: string }[]>('followups.list', {}))
      .map((s) => `${s.id}@${s.dueOn}:${s.status}`)
      .sort();
  const before = await open();
  await openApp('/today');
  await dismissToasts(page);
  const waiting = page.getByRole('region', { name: 'Waiting' });
  await expect(waiting.locator('.today-section-count')).toHaveText('2');

  await page.getByRole('button', { name: 'Skip in bulk…' }).click();
  const bulk = page.getByRole('dialog', { name: 'Skip in bulk' });
  await expect(bulk.getByRole('status')).toHaveAttribute('aria-busy', 'false');
  await bulk.getByRole('button', { name: 'Skip 2 follow-ups' }).click();
  await expect(bulk).toBeHidden();
  const toast = page.getByRole('status').filter({ hasText: 'Skipped 2 follow-ups' });
  await expect(waiting).toBeHidden();
  await saveScreenshot('undo-toast-after-bulk-skip');

  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toContainText(
    'Skipped 2 follow-ups in bulk: undone.',
  );
  await expect(waiting.locator('.today-section-count')).toHaveText('2');
  expect(await open()).toEqual(before);
});
