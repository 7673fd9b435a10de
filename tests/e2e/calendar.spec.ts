import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { dismissToasts, expect, test } from './fixtures.ts';
import type { RunningServer } from './server.ts';

// Tuesday 17 March 2026, 14:00 in London (GMT). The clocks go forward on Sunday 29 March, so the
// week of 23 March ends in summer time and the next one starts there.
test.use({ startAt: '2026-03-17T14:00:00Z' });

interface Created {
  id: number;
}

/** A month of plans: follow-ups on several days, a meeting, promises both ways, one overdue step. */
async function seedAMonth(server: RunningServer, clock: { set: (iso: string) => Promise<void> }) {
  const add = (draft: Record<string, unknown>) => server.call<Created>('contacts.create', draft);

  // Met a while ago; the follow-up planned for last Friday was missed.
  await clock.set('2026-03-02T10:00:00Z');
  const alan = await add({
    displayName: 'Alan Turing',
    company: 'University of Manchester',
    metOn: '2026-01-14',
    metWhere: 'Royal Institution lecture',
    discussed: 'Whether machines can think; his imitation game',
    tags: ['research'],
  });
  await server.call('followups.schedule', {
    contactId: alan.id,
    dueOn: '2026-03-13',
    note: 'Ask what he made of the Manchester Mark 1 demo',
  });

  await clock.set('2026-03-17T14:00:00Z');
  const ada = await add({
    displayName: 'Ada Lovelace',
    company: 'Analytical Engines Ltd',
    metOn: '2026-03-17',
    metWhere: 'Royal Society soirée',
    discussed: 'Her notes on the Analytical Engine and Bernoulli numbers',
    nextStep: 'Send her the Menabrea translation',
    tags: ['research'],
  });
  const grace = await add({
    displayName: 'Grace Hopper',
    company: 'Remington Rand',
    metOn: '2026-03-16',
    metWhere: 'Compilers Meetup',
    discussed: 'Making programs readable by people who are not mathematicians',
    tags: ['clients'],
  });
  const katherine = await add({
    displayName: 'Katherine Johnson',
    company: 'NASA Langley',
    tags: ['clients'],
  });
  const margaret = await add({ displayName: 'Margaret Hamilton', company: 'Apollo Software' });

  await server.call('followups.schedule', {
    contactId: katherine.id,
    dueOn: '2026-03-20',
    note: 'Send the trajectory paper',
  });
  await server.call('followups.schedule', {
    contactId: margaret.id,
    dueOn: '2026-03-30',
    note: 'Ask how the priority display tests went',
  });
  // A meeting on the Wednesday of the DST week: the confirmation comes the day before.
  await server.call('followups.arrangeMeeting', {
    contactId: grace.id,
    meetingAt: '2026-03-25T14:30:00Z',
    note: 'Coffee near the office',
  });
  await server.call('promises.add', {
    contactId: ada.id,
    direction: 'mine',
    text: 'Send the Menabrea translation with my notes',
    dueOn: '2026-03-19',
  });
  await server.call('promises.add', {
    contactId: katherine.id,
    direction: 'theirs',
    text: 'Introduce me to the flight research team',
    dueOn: '2026-03-26',
  });
  return { ada, alan, grace, katherine, margaret };
}

/** Drags an event by the mouse the way a person does: press, move in steps, release. */
async function drag(page: Page, from: Locator, to: Locator) {
  const a = await settledBox(page, from);
  const b = await settledBox(page, to);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 8, a.y + a.height / 2 + 8, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

/**
 * Where an element is once it is on screen. After a drop the calendar refetches and redraws its
 * events, so an element can be between two renders for a moment: wait for it as a person would.
 */
async function settledBox(page: Page, locator: Locator) {
  await expect(locator).toBeVisible();
  for (let attempt = 0; attempt < 20; attempt++) {
    const box = await locator.boundingBox();
    if (box) return box;
    await page.waitForTimeout(50);
  }
  throw new Error('drag: the element never settled on screen');
}

function veventCount(ics: string): number {
  return ics.match(/^BEGIN:VEVENT\r?$/gm)?.length ?? 0;
}

test('the calendar: month, week and list views, the card, filters and the time zone across DST', async ({
  page,
  server,
  clock,
  openApp,
  saveScreenshot,
}) => {
  await seedAMonth(server, clock);
  await openApp();
  // "g" then "a" opens the calendar from anywhere.
  await page.keyboard.press('g');
  await page.keyboard.press('a');
  await expect(page).toHaveURL(/#\/calendar$/);

  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Calendar', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Calendar/ })).toHaveAttribute('aria-current', 'page');
  const chip = (name: string) => main.locator('.cal-event').filter({ hasText: name });

  // Month view: follow-ups, the meeting and promises, each on its day; missed ones marked.
  await expect(main.getByRole('heading', { name: 'March 2026' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Month view' })).toHaveAttribute('aria-selected', 'true');
  const alan = chip('Alan Turing');
  await expect(alan).toHaveCount(2);
  await expect(alan.first()).toHaveClass(/is-overdue/);
  await expect(alan.first()).toContainText('overdue');
  await expect(main.getByRole('cell', { name: /18 March 2026/ })).toContainText('Ada Lovelace');
  await expect(main.locator('.cal-event-meeting')).toContainText('14:30');
  await expect(main.locator('.cal-event-promise')).toHaveCount(2);
  // Your promise shows once, not again as its own reminder on the same day.
  await expect(main.getByRole('cell', { name: /19 March 2026/ }).locator('.cal-event')).toHaveCount(1);
  await saveScreenshot('calendar-month-light');

  // The card: who, why, what to mention, and the actions.
  await chip('Ada Lovelace').filter({ hasText: 'Refresher' }).click();
  const card = page.getByRole('dialog', { name: 'Ada Lovelace' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Refresher');
  await expect(card).toContainText('Royal Society soirée');
  await expect(card).toContainText('Send her the Menabrea translation');
  await expect(card.getByRole('button', { name: 'Done' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Snooze' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Open contact' })).toBeVisible();
  await saveScreenshot('calendar-card');
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await expect(chip('Ada Lovelace').filter({ hasText: 'Refresher' })).toBeFocused();

  // A meeting is not a step: no Done, no Snooze, just the person.
  await main.locator('.cal-event-meeting').click();
  const meeting = page.getByRole('dialog', { name: 'Grace Hopper' });
  await expect(meeting).toContainText('Meeting');
  await expect(meeting).toContainText('Coffee near the office');
  await expect(meeting.getByRole('button', { name: 'Done' })).toHaveCount(0);
  await meeting.getByRole('button', { name: 'Open contact' }).click();
  await expect(page).toHaveURL(/#\/contacts\/\d+$/);
  await expect(page.getByRole('heading', { name: 'Grace Hopper' })).toBeVisible();
  await page.goBack();

  // Filters: kinds (their chips are the legend), a tag, one person.
  await page.getByRole('button', { name: 'Meetings', pressed: true }).click();
  await expect(main.locator('.cal-event-meeting')).toHaveCount(0);
  await page.getByRole('button', { name: 'Meetings', pressed: false }).click();
  await expect(main.locator('.cal-event-meeting')).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Tag' }).selectOption('clients');
  await expect(chip('Ada Lovelace')).toHaveCount(0);
  await expect(chip('Katherine Johnson')).toHaveCount(3);
  await page.getByRole('combobox', { name: 'Tag' }).selectOption('');
  const contactFilter = page.getByRole('combobox', { name: 'Contact' });
  await contactFilter.fill('lovel');
  await page.getByRole('option', { name: /Ada Lovelace/ }).click();
  await expect(chip('Grace Hopper')).toHaveCount(0);
  await expect(chip('Ada Lovelace')).toHaveCount(2);
  await page.getByRole('button', { name: 'Any contact' }).click();
  await expect(chip('Grace Hopper')).toHaveCount(3);

  // Week view. The week of 23 March ends with the clocks going forward; the next starts in
  // summer time, where 09:00 is 08:00 UTC and must still sit on the 09:00 line.
  await page.getByRole('tab', { name: 'Week view' }).click();
  await expect(chip('Ada Lovelace').first()).toBeVisible();
  await saveScreenshot('calendar-week-light');
  await main.getByRole('button', { name: /^Next/ }).click();
  await expect(main.locator('.cal-event-meeting')).toContainText('14:30');
  await main.getByRole('button', { name: /^Next/ }).click();
  const margaret = chip('Margaret Hamilton');
  await expect(margaret.locator('.cal-chip')).toHaveAttribute('title', /09:00/);
  // An hour is a whole slot: an hour off would be a slot's height away from the line.
  const line = await main.locator('[data-time="09:00:00"]').last().boundingBox();
  const box = await margaret.boundingBox();
  expect(Math.abs((box?.y ?? 0) - (line?.y ?? 1000))).toBeLessThan((line?.height ?? 0) / 3);
  // FullCalendar's "This week" hint is gone: the button is named by what it says (WCAG 2.5.3).
  await main.getByRole('button', { name: 'Today', exact: true }).click();

  // List view: with room for why each item is there.
  await page.getByRole('tab', { name: 'List view' }).click();
  await expect(main.getByText('Katherine Johnson').first()).toBeVisible();
  await expect(main.getByText(/You met at Royal Society soirée/)).toBeVisible();
  await expect(main.getByText('“Introduce me to the flight research team”')).toBeVisible();
  await saveScreenshot('calendar-list-light');

  // From the keyboard: Enter on an item opens its card; Done there logs it, and the step stays
  // on its day, marked done.
  await page.getByRole('tab', { name: 'Month view' }).click();
  const grace = chip('Grace Hopper').filter({ hasText: 'Refresher' });
  await grace.focus();
  await page.keyboard.press('Enter');
  const graceCard = page.getByRole('dialog', { name: 'Grace Hopper' });
  await expect(graceCard).toContainText('Compilers Meetup');
  await graceCard.getByRole('button', { name: 'Done' }).click();
  await graceCard.getByRole('textbox').fill('Sent a thank-you with the slides');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Refresher for Grace Hopper done' })).toBeVisible();
  await expect(graceCard).toBeHidden();
  await expect(grace).toHaveClass(/is-closed/);
  await expect(grace).toContainText('done');
  await dismissToasts(page);

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await saveScreenshot('calendar-month-dark');
  await chip('Alan Turing').first().click();
  await expect(page.getByRole('dialog', { name: 'Alan Turing' })).toContainText('Overdue');
  await saveScreenshot('calendar-card-dark');
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Week view' }).click();
  await saveScreenshot('calendar-week-dark');
});

test('the zone from Settings everywhere, and the view, dates and filters kept in the address', async ({
  page,
  server,
  clock,
  openApp,
}) => {
  // The browser is in London; the user's zone (Settings) is New York, already on summer time
  // (UTC-4) while London is not (UTC+0): 09:00 in New York is 13:00 in London.
  await server.call('settings.update', { timeZone: 'America/New_York' });
  await seedAMonth(server, clock);
  await openApp('/calendar');
  const main = page.getByRole('main');
  const chip = (name: string) => main.locator('.cal-event').filter({ hasText: name });

  await page.getByRole('tab', { name: 'Week view' }).click();
  await expect(page).toHaveURL(/#\/calendar\?view=week$/);
  const ada = chip('Ada Lovelace').filter({ hasText: 'Refresher' });
  await expect(ada.locator('.cal-chip')).toHaveAttribute('title', /09:00/);
  await ada.click();
  const card = page.getByRole('dialog', { name: 'Ada Lovelace' });
  await expect(card).toContainText('Tomorrow at 09:00');
  await expect(card).toContainText('Email');
  await page.keyboard.press('Escape');

  // A week ahead, one tag, no promises: all of it survives a reload.
  await main.getByRole('button', { name: /^Next/ }).click();
  await page.getByRole('combobox', { name: 'Tag' }).selectOption('clients');
  await page.getByRole('button', { name: 'Promises', pressed: true }).click();
  await expect(page).toHaveURL(/view=week&date=2026-03-23&kinds=followup%2Cmeeting&tag=clients$/);
  // The meeting at 14:30 UTC is at 10:30 in New York.
  await expect(main.locator('.cal-event-meeting')).toContainText('10:30');
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Week view' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('combobox', { name: 'Tag' })).toHaveValue('clients');
  await expect(page.getByRole('button', { name: 'Promises', pressed: false })).toBeVisible();
  await expect(main.locator('[data-date="2026-03-23"]').first()).toBeVisible();
  await expect(main.locator('.cal-event-meeting')).toContainText('10:30');
  await expect(main.locator('.cal-event-promise')).toHaveCount(0);
  await expect(chip('Katherine Johnson')).toHaveCount(1);

  // Back from a contact opened on the card comes back to the same calendar.
  await main.locator('.cal-event-meeting').click();
  await page
    .getByRole('dialog', { name: 'Grace Hopper' })
    .getByRole('button', { name: 'Open contact' })
    .click();
  await expect(page.getByRole('heading', { name: 'Grace Hopper' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('tab', { name: 'Week view' })).toHaveAttribute('aria-selected', 'true');
  await expect(main.locator('.cal-event-meeting')).toBeVisible();
});

test('a crowded day: its count first, its most important follow-ups, a card saying where the rest are', async ({
  page,
  server,
  clock,
  openApp,
  saveScreenshot,
}) => {
  await clock.set('2026-03-17T14:00:00Z');
  const people = 56;
  for (let i = 1; i <= people; i++) {
    const c = await server.call<Created>('contacts.create', {
      displayName: `Person ${String(i).padStart(2, '0')}`,
    });
    await server.call('followups.schedule', { contactId: c.id, dueOn: '2026-03-19' });
  }
  await openApp('/calendar');
  const main = page.getByRole('main');
  const day = main.locator('[role="cell"][data-date="2026-03-19"]');
  const count = day.locator('.cal-event-crowded');
  await expect(count).toContainText('56 follow-ups');
  await expect(day.getByText(/^\+\d+ more$/)).toBeVisible();
  await saveScreenshot('calendar-crowded-month');
  await count.click();
  const card = page.getByRole('dialog', { name: '56 follow-ups' });
  await expect(card).toContainText('Thursday 19 March');
  // The month asks a day for as many as its popover holds; the day's list has the 50.
  await expect(card).toContainText('lists the 8 most important');
  await saveScreenshot('calendar-crowded-card');
  await page.keyboard.press('Escape');

  // A crowded day's "+N more" leads to that day's list, not a popover of the few the month has.
  await day.getByText(/^\+\d+ more$/).click();
  await expect(page).toHaveURL(/view=day&date=2026-03-19$/);
  await expect(main.getByRole('heading', { name: '19 March 2026' })).toBeVisible();
  await expect(main.locator('.cal-event-followup')).toHaveCount(50);
  await saveScreenshot('calendar-crowded-day');

  await page.getByRole('tab', { name: 'Week view' }).click();
  await expect(main.locator('.cal-event-crowded')).toContainText('56 follow-ups');
  await saveScreenshot('calendar-crowded-week');
  await page.getByRole('tab', { name: 'List view' }).click();
  await expect(main.locator('.cal-event-crowded')).toContainText('the 50 most important are listed');
  await expect(main.locator('.cal-event-followup')).toHaveCount(50);

  // The card leads to the day's list too (on a tall window the month shows its few whole, with
  // no "+N more").
  await page.getByRole('tab', { name: 'Month view' }).click();
  await day.locator('.cal-event-crowded').click();
  await page
    .getByRole('dialog', { name: '56 follow-ups' })
    .getByRole('button', { name: 'List the day' })
    .click();
  await expect(page).toHaveURL(/view=day&date=2026-03-19$/);
  await expect(main.locator('.cal-event-followup')).toHaveCount(50);
});

test('drag a follow-up to another day: Today and the sidebar follow at once; days off are flagged', async ({
  page,
  server,
  clock,
  openApp,
}) => {
  await seedAMonth(server, clock);
  await openApp('/today');
  const nextDays = page.getByRole('region', { name: 'Next days' });
  await expect(nextDays.getByRole('listitem', { name: 'Ada Lovelace' }).first()).toContainText('Tomorrow');
  const badge = page.getByRole('link', { name: /^Today/ });
  await expect(badge).toContainText('3');

  await page.getByRole('link', { name: /^Calendar/ }).click();
  const main = page.getByRole('main');
  const day = (date: string) => main.locator(`[role="cell"][data-date="${date}"]`);
  const chip = (date: string, name: string) => day(date).locator('.cal-event').filter({ hasText: name });

  // Ada's refresher, from Wednesday to Thursday.
  await drag(page, chip('2026-03-18', 'Ada Lovelace'), day('2026-03-19'));
  await expect(
    page.getByRole('status').filter({ hasText: 'Refresher for Ada Lovelace moved to Thursday 19 March' }),
  ).toBeVisible();
  await expect(chip('2026-03-19', 'Refresher')).toBeVisible();
  await expect(chip('2026-03-18', 'Ada Lovelace')).toHaveCount(0);

  // One of Alan's missed steps, to next Monday: the sidebar's count drops at once.
  await drag(page, chip('2026-03-13', 'Alan Turing'), day('2026-03-23'));
  await expect(badge).toContainText('2');
  await expect(chip('2026-03-23', 'Alan Turing')).not.toHaveClass(/is-overdue/);

  // A Saturday is a day off: allowed by hand, and the app says so.
  await drag(page, chip('2026-03-20', 'Katherine Johnson'), day('2026-03-21'));
  await expect(page.getByRole('status').filter({ hasText: 'Falls on one of your days off' })).toBeVisible();

  // Meetings and promises keep their dates; past days take nothing.
  await drag(page, main.locator('.cal-event-meeting'), day('2026-03-26'));
  await expect(day('2026-03-25').locator('.cal-event-meeting')).toBeVisible();
  await drag(page, chip('2026-03-19', 'Refresher'), day('2026-03-16'));
  await expect(chip('2026-03-19', 'Refresher')).toBeVisible();
  await dismissToasts(page);

  // Today shows the new day without a reload.
  await page.getByRole('link', { name: /^Today/ }).click();
  await expect(nextDays.getByRole('listitem', { name: 'Ada Lovelace' }).first()).toContainText('Thu 19 Mar');
});

test('export to .ics: the visible range or the next days, a tag, alarms; and one contact’s', async ({
  page,
  server,
  clock,
  openApp,
  saveScreenshot,
}) => {
  const { ada } = await seedAMonth(server, clock);
  await openApp('/calendar');
  const main = page.getByRole('main');
  await expect(main.locator('.cal-event').first()).toBeVisible();

  await main.getByRole('button', { name: 'Export .ics' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export follow-ups' });
  await expect(dialog.getByRole('radio', { name: 'Dates shown' })).toBeChecked();
  await expect(dialog).toContainText('23 Feb 2026 to 5 Apr 2026');
  await saveScreenshot('calendar-export-dialog');

  const downloaded = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export .ics' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const ics = await readFile(await download.path(), 'utf8');
  expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
  const done = dialog.getByRole('status');
  await expect(done).toContainText('follow-ups exported');
  const count = Number((await done.textContent())?.match(/(\d+) follow-ups exported/)?.[1]);
  expect(count).toBeGreaterThanOrEqual(8);
  expect(veventCount(ics)).toBe(count);
  expect(ics).toContain('Ada Lovelace');
  expect(ics).not.toContain('BEGIN:VALARM');
  await saveScreenshot('calendar-export-done');
  await dialog.getByRole('button', { name: 'Done' }).click();

  // The next 30 days of one tag, with alarms.
  await main.getByRole('button', { name: 'Export .ics' }).click();
  await dialog.getByText('Next 30 days').click();
  await dialog.getByLabel('Tag').selectOption('clients');
  await dialog.getByText('Add alarms').click();
  const downloaded2 = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export .ics' }).click();
  const ics2 = await readFile(await (await downloaded2).path(), 'utf8');
  expect(ics2).toContain('BEGIN:VALARM');
  expect(ics2).toContain('Katherine Johnson');
  expect(ics2).not.toContain('Ada Lovelace');
  await expect(done).toContainText(`${veventCount(ics2)} follow-ups exported`);
  await dialog.getByRole('button', { name: 'Done' }).click();

  // From a contact's page: that person's follow-ups only.
  await page.goto(`${server.origin}/#/contacts/${ada.id}`);
  const panel = page.getByRole('region', { name: 'Follow-ups' });
  await expect(panel.getByRole('link', { name: 'Show in calendar' })).toHaveAttribute(
    'href',
    `#/calendar?contact=${ada.id}`,
  );
  await panel.screenshot({ path: 'test-results/screenshots/contact-followups-calendar-actions.png' });
  await panel.getByRole('button', { name: 'Export to calendar' }).click();
  const mine = page.getByRole('dialog', { name: 'Export Ada Lovelace’s follow-ups' });
  const downloaded3 = page.waitForEvent('download');
  await mine.getByRole('button', { name: 'Export .ics' }).click();
  const ics3 = await readFile(await (await downloaded3).path(), 'utf8');
  expect(veventCount(ics3)).toBeGreaterThan(0);
  expect(ics3).not.toContain('Grace Hopper');
  await expect(mine.getByRole('status')).toContainText(`${veventCount(ics3)} follow-up`);
});

test('Settings: the calendar feed link, copy and a new link', async ({ page, context, openApp }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp('/settings');
  const section = page.getByRole('region', { name: 'Calendar feed' });
  const link = section.getByLabel('Subscription link');
  await expect(link).toHaveValue(/^webcal:\/\/127\.0\.0\.1:\d+\/feed\/.+\.ics$/);
  await expect(section).toContainText('Google Calendar, Outlook on the web');
  const first = await link.inputValue();

  // The feed itself answers over http with the calendar.
  const httpUrl = first.replace(/^webcal:/, 'http:');
  const feed = await page.request.get(httpUrl);
  expect(feed.ok()).toBe(true);
  expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR/);

  await section.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);
  await section.screenshot({ path: 'test-results/screenshots/settings-calendar-feed.png' });

  await section.getByRole('button', { name: 'New link' }).click();
  await page
    .getByRole('dialog', { name: 'Make a new link?' })
    .getByRole('button', { name: 'Make a new link' })
    .click();
  await expect(link).not.toHaveValue(first);
  expect((await page.request.get(httpUrl)).status()).toBe(404);
});
