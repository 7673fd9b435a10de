import type { Page } from '@playwright/test';
import { dismissToasts, expect, test, typeText } from './fixtures.ts';
import type { RunningServer } from './server.ts';

/**
 * Issue 11, the composer: from Today a message 90% written from what was discussed, checked as
 * it is edited, copied, recorded as sent (the cycle moves on as Done does), and kept as a draft
 * in between. Screenshots of every channel in both themes go to test-results/screenshots/.
 */

// Tuesday 10 March 2026, 14:00 in London; a refresher is due the next morning.
test.use({ startAt: '2026-03-10T14:00:00Z' });

async function metAda(server: RunningServer): Promise<number> {
  const ada = await server.call<{ id: number }>('contacts.create', {
    displayName: 'Ada Lovelace',
    metWhere: 'Royal Society soirée',
    metOn: '2026-03-10',
    discussed: 'Her notes on the Analytical Engine',
    nextStep: 'Send her the Babbage letters',
    emails: [{ value: 'ada@example.org' }],
  });
  return ada.id;
}

const composer = (page: Page) => page.getByRole('dialog', { name: /^Write to / });
const check = (page: Page, id: string) => composer(page).locator(`[data-check="${id}"]`);
const messageField = (page: Page) => composer(page).getByLabel('Message', { exact: true });

/** Picks a channel as a person does: a click on its label in the switcher. */
async function pickChannel(page: Page, label: string): Promise<void> {
  const radio = composer(page).getByRole('radio', { name: label });
  await radio.locator('xpath=..').click();
  await expect(radio).toBeChecked();
}

/** Today on the morning the refresher is due, with the composer opened by `w` on its row. */
async function composeFromToday(page: Page, openApp: (route?: string) => Promise<void>) {
  await openApp('/today');
  const row = page.getByRole('region', { name: 'Due today' }).getByRole('listitem').first();
  await expect(row).toContainText('Ada Lovelace');
  await dismissToasts(page);
  await page.keyboard.press('w');
  await expect(composer(page)).toBeVisible();
  await expect(messageField(page)).toBeFocused();
}

test('w on Today: a draft from what was discussed, checked as it is edited, copied and marked sent', async ({
  page,
  context,
  server,
  clock,
  openApp,
  saveScreenshot,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const adaId = await metAda(server);
  await clock.set('2026-03-11T09:05:00Z');
  // Someone met today, so the next days list a one-line row too.
  await server.call('contacts.create', {
    displayName: 'Grace Hopper',
    metWhere: 'Compilers Meetup',
    metOn: '2026-03-11',
  });
  // The rows' Write buttons at the narrowest laptop width, on a full row and a one-line one.
  await page.setViewportSize({ width: 1024, height: 800 });
  await openApp('/today');
  const write = page.getByRole('button', { name: 'Write: refresher for Ada Lovelace' });
  await expect(write).toBeVisible();
  await page.keyboard.press('j');
  await expect(page.getByRole('button', { name: 'Write: refresher for Grace Hopper' })).toBeVisible();
  await saveScreenshot('compose-today-rows-1024', { fullPage: false });
  await page.keyboard.press('k');
  await page.setViewportSize({ width: 1280, height: 800 });
  await composeFromToday(page, openApp);
  const dialog = composer(page);
  const body = messageField(page);

  // Written from what was discussed, with a subject, and checked.
  await expect(body).toHaveValue(/Analytical Engine/);
  await expect(dialog.getByLabel('Subject')).not.toHaveValue('');
  await expect(dialog.getByRole('region', { name: 'What the draft uses' })).toContainText(
    'Her notes on the Analytical Engine',
  );
  await expect(check(page, 'specific_detail')).toHaveClass(/is-ok/);
  await expect(check(page, 'stock_phrases')).toHaveClass(/is-ok/);
  const mailLink = dialog.getByRole('link', { name: 'Open in mail app' });
  await expect(mailLink).toHaveAttribute('href', /^mailto:ada@example\.org\?subject=.+&body=Hi%20Ada/);

  // A stock phrase flips its item as it is typed; taking it out flips it back.
  await body.press('ControlOrMeta+End');
  await typeText(page, '\n\nJust checking in.');
  await expect(check(page, 'stock_phrases')).toHaveClass(/is-advice/);
  await expect(check(page, 'stock_phrases')).toContainText(/just checking in/i);
  for (let i = 0; i < 'Just checking in.'.length; i++) await page.keyboard.press('Backspace');
  await typeText(page, 'PS: the Babbage letters are on their way.');
  await expect(check(page, 'stock_phrases')).toHaveClass(/is-ok/);
  // The mail link follows the text as it is typed.
  await expect(mailLink).toHaveAttribute('href', /PS%3A%20the%20Babbage%20letters/);
  const finalBody = await body.inputValue();
  const subject = await dialog.getByLabel('Subject').inputValue();

  await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(finalBody);

  // Mark sent completes the step as Done does: the toast offers Undo and names the next step.
  await dialog.getByRole('button', { name: 'Mark sent' }).click();
  await expect(dialog).toHaveCount(0);
  const done = page.getByRole('status').filter({ hasText: 'Refresher for Ada Lovelace done' });
  await expect(done).toContainText('Next: nudge on Wednesday 18 March');
  await expect(done.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Due today' })).toHaveCount(0);

  // The timeline keeps the message as sent, subject line first; the nudge waits a week.
  await openApp(`/contacts/${adaId}`);
  const timeline = page.getByRole('list', { name: 'Interactions' });
  await expect(timeline).toContainText(subject);
  await expect(timeline).toContainText('PS: the Babbage letters are on their way.');
  await expect(timeline.getByText('Email', { exact: true })).toBeVisible();
  const sent = await server.call<{ summary: string; channel: string }[]>('interactions.list', {
    contactId: adaId,
  });
  expect(sent.find((i) => i.summary.includes('PS:'))).toMatchObject({
    channel: 'email',
    summary: `${subject}\n\n${finalBody.trim()}`,
  });
  // Long, so it starts folded with a control to read it all.
  await timeline.getByRole('button', { name: 'Show the whole message' }).click();
  await expect(timeline.getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
  const panel = page.getByRole('region', { name: 'Follow-ups' });
  await expect(panel).toContainText('Nudge');
  await expect(panel).toContainText('Wed 18 Mar');
});

test('a draft survives closing and a reload; Esc asks first; start over drafts afresh; another channel is recorded', async ({
  page,
  server,
  clock,
  openApp,
}) => {
  const adaId = await metAda(server);
  await clock.set('2026-03-11T09:05:00Z');
  await composeFromToday(page, openApp);
  const dialog = composer(page);

  // Untouched, Esc just closes.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // Typed in, Esc asks; closing keeps the text as a draft.
  await page.keyboard.press('w');
  await expect(messageField(page)).toBeFocused();
  await typeText(page, 'Dear Ada, a line of my own. ');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog', { name: 'Close the composer?' });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Close, keep draft' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);

  // After a reload (as after a restart) the saved edit comes back.
  await openApp('/today');
  await page.keyboard.press('w');
  await expect(messageField(page)).toHaveValue(/^Dear Ada, a line of my own\. /);
  await expect(dialog).toContainText('Your saved draft');

  // Start over: a fresh draft, with one way back to the text it replaced.
  await dialog.getByRole('button', { name: 'Start over' }).click();
  await expect(messageField(page)).not.toHaveValue(/a line of my own/);
  await dialog.getByRole('button', { name: 'Back to your text' }).click();
  await expect(messageField(page)).toHaveValue(/^Dear Ada, a line of my own\. /);

  // Another channel keeps each text while the composer is open; "sent" records the one used.
  await pickChannel(page, 'LinkedIn');
  await expect(messageField(page)).not.toHaveValue(/a line of my own/);
  await expect(dialog.getByLabel('Subject')).toHaveCount(0);
  await pickChannel(page, 'E-mail');
  await expect(messageField(page)).toHaveValue(/^Dear Ada, a line of my own\. /);
  await pickChannel(page, 'Text');
  const textBody = dialog.getByLabel('Text message', { exact: true });
  await expect(textBody).toHaveValue(/Ada/);
  await expect(dialog.locator('.composer-count')).toContainText(/characters · [12] texts?$/);
  await textBody.press('ControlOrMeta+Enter');
  await expect(dialog).toHaveCount(0);
  const sent = await server.call<{ channel: string; direction: string }[]>('interactions.list', {
    contactId: adaId,
  });
  expect(sent[0]).toMatchObject({ channel: 'text', direction: 'outbound' });
});

test('a notice opens the composer on its step; a late hour offers "Schedule for", which snoozes it', async ({
  page,
  server,
  clock,
  openApp,
}) => {
  await metAda(server);
  await openApp('/today');
  await clock.set('2026-03-11T09:05:00Z');
  const notice = page.getByRole('status').filter({ hasText: 'Follow up with Ada Lovelace' });
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await notice.getByRole('button', { name: 'Open' }).click();
  await expect(composer(page)).toHaveAccessibleName('Write to Ada Lovelace');
  await expect(messageField(page)).toHaveValue(/Analytical Engine/);
  await page.keyboard.press('Escape');
  await expect(composer(page)).toHaveCount(0);
  await expect(page).toHaveURL(/#\/today$/);

  // At 21:00 the message would land outside working hours: the check says so and offers a time.
  await clock.set('2026-03-11T21:00:00Z');
  await openApp('/today');
  await dismissToasts(page);
  await page.getByRole('button', { name: 'Write: refresher for Ada Lovelace' }).click();
  const timing = check(page, 'timing');
  await expect(timing).toHaveClass(/is-advice/);
  const schedule = timing.getByRole('button', { name: /^Schedule for / });
  await expect(schedule).toBeVisible();
  await schedule.click();
  await expect(composer(page)).toHaveCount(0);
  const waiting = page.getByRole('status').filter({ hasText: 'Waiting until' });
  await expect(waiting).toContainText('Your draft to Ada Lovelace is kept for then.');
  await expect(waiting.getByRole('button', { name: 'Undo' })).toBeVisible();
});

test('the calendar card writes the follow-up it shows', async ({ page, server, clock, openApp }) => {
  await metAda(server);
  await clock.set('2026-03-11T09:05:00Z');
  await openApp('/calendar');
  await dismissToasts(page);
  await page.getByRole('main').locator('.cal-event').filter({ hasText: 'Ada Lovelace' }).first().click();
  const card = page.getByRole('dialog', { name: 'Ada Lovelace' });
  await card.getByRole('button', { name: 'Write' }).click();
  await expect(card).toHaveCount(0);
  await expect(composer(page)).toHaveAccessibleName('Write to Ada Lovelace');
  await expect(messageField(page)).toBeFocused();
  await expect(messageField(page)).toHaveValue(/Analytical Engine/);
});

test('writing to a contact without a step asks for a detail, redrafts with it and logs what was sent', async ({
  page,
  server,
  openApp,
}) => {
  const bob = await server.call<{ id: number }>('contacts.create', { displayName: 'Bob Bare' });
  await openApp(`/contacts/${bob.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bob Bare');
  await page.keyboard.press('w');
  const dialog = composer(page);
  await expect(dialog).toHaveAccessibleName('Write to Bob Bare');
  await expect(check(page, 'specific_detail')).toHaveClass(/is-advice/);
  const answer = dialog.getByLabel('What did you talk about?');
  await answer.fill('Solar roofs for village schools');
  await answer.press('Enter');
  await expect(answer).toHaveCount(0);
  await expect(messageField(page)).toHaveValue(/solar roofs for village schools/i);
  await expect(check(page, 'specific_detail')).toHaveClass(/is-ok/);
  const contact = await server.call<{ discussed: string }>('contacts.get', { id: bob.id });
  expect(contact.discussed).toBe('Solar roofs for village schools');

  await dialog.getByRole('button', { name: 'Mark sent' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Message to Bob Bare logged' })).toBeVisible();
  const timeline = page.getByRole('list', { name: 'Interactions' });
  await expect(timeline).toContainText(/solar roofs for village schools/i);
});

/** Someone with every way to reach them, in another zone, so every hand-off is a link. */
async function metGrace(server: RunningServer): Promise<number> {
  const grace = await server.call<{ id: number }>('contacts.create', {
    displayName: 'Grace Hopper',
    company: 'US Navy',
    metWhere: 'Compilers Meetup',
    metOn: '2026-03-10',
    discussed: 'Making programs read like English, and the first compiler',
    interests: 'COBOL, nanoseconds',
    nextStep: 'A call about COBOL for the payroll team',
    timeZone: 'America/New_York',
    emails: [{ value: 'grace@example.org' }],
    phones: [{ value: '+1 212 555 0142' }],
    links: [{ url: 'https://www.linkedin.com/in/grace-hopper' }],
  });
  return grace.id;
}

const CHANNELS = [
  ['email', 'E-mail', 'Open in mail app'],
  ['linkedin', 'LinkedIn', 'Copy and open LinkedIn'],
  ['text', 'Text', 'Open in messages'],
  ['call', 'Call', 'Call +1 212 555 0142'],
  ['note', 'Note', 'Print note card'],
] as const;

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every channel of the composer (${colorScheme}), at 1280 and 1024 px`, async ({
    page,
    server,
    clock,
    openApp,
    saveScreenshot,
  }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme });
    const graceId = await metGrace(server);
    await clock.set('2026-03-11T14:05:00Z');
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      await openApp(`/contacts/${graceId}`);
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      await dismissToasts(page);
      // The ways in on a contact page: "Write to them" in the header, Write on each step.
      await expect(page.getByRole('button', { name: 'Write to them' })).toBeVisible();
      await saveScreenshot(`compose-${width}-${colorScheme}-contact-page`, { fullPage: false });
      await page
        .getByRole('region', { name: 'Follow-ups' })
        .getByRole('button', { name: 'Write: refresher' })
        .click();
      const dialog = composer(page);
      await expect(messageField(page)).toBeFocused();
      for (const [id, label, handoff] of CHANNELS) {
        await pickChannel(page, label);
        const action = dialog.getByRole(id === 'note' ? 'button' : 'link', { name: handoff });
        await expect(action).toBeVisible();
        await expect(dialog.locator('.composer-check')).toHaveCount(7);
        // The whole window: the composer over the page, as a person sees it.
        await saveScreenshot(`compose-${width}-${colorScheme}-${id}`, { fullPage: false });
        // Nothing in the dialog runs past its edge (the footer's buttons at 1024 px).
        const overflow = await dialog.evaluate((el) => el.scrollWidth - el.clientWidth);
        expect(overflow, `${label} at ${width}px`).toBeLessThanOrEqual(0);
      }
      if (width === 1280) {
        // The note card alone on the printed page.
        await page.emulateMedia({ media: 'print', colorScheme });
        await saveScreenshot(`compose-${colorScheme}-note-print`, { fullPage: false });
        await page.emulateMedia({ media: 'screen', colorScheme });
      }
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
    }
  });
}
