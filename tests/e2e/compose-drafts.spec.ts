import type { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { dismissToasts, expect, test } from './fixtures.ts';
import { specMailbox } from './mailbox.ts';

/**
 * Issue 12, "Put in Drafts": from the composer the e-mail goes into the Drafts folder of the
 * user's own mailbox (a real Dovecot), refused in words while the server is down; sent from the
 * mail app (its copy in Sent), the next mail sync takes the refresher off Today.
 */

// Tuesday 10 March 2026, 14:00 in London; the refresher is due the next morning.
// The refusal while the server is down is an HTTP 502 (upstream), which Chromium logs.
test.use({ startAt: '2026-03-10T14:00:00Z', allowedConsoleErrors: [/status of 502 \(Bad Gateway\)/] });

const USER = 'me';
const mailbox = specMailbox({
  user: USER,
  password: 'pw-of-me-e2e-Kd4',
  variable: 'FT_E2E_MAIL_PASSWORD',
  address: 'me@example.test',
});

/** The user's mail app, on the same mailbox. */
const mailApp = <T>(fn: (client: ImapFlow) => Promise<T>): Promise<T> => mailbox.dovecot.withClient(USER, fn);

test('Put in Drafts: refused in words while the server is down, then in Drafts, and once sent the refresher leaves Today', async ({
  page,
  server,
  clock,
  openApp,
  saveScreenshot,
}) => {
  await server.call('contacts.create', {
    displayName: 'Ada Lovelace',
    metWhere: 'Royal Society soirée',
    metOn: '2026-03-10',
    discussed: 'Her notes on the Analytical Engine',
    emails: [{ value: 'ada@example.org' }],
  });
  await mailbox.addAccount(server);
  await clock.set('2026-03-11T09:05:00Z');
  await openApp('/today');
  await expect(page.getByRole('region', { name: 'Due today' })).toContainText('Ada Lovelace');
  await dismissToasts(page);
  await page.keyboard.press('w');
  const dialog = page.getByRole('dialog', { name: 'Write to Ada Lovelace' });
  const put = dialog.getByRole('button', { name: 'Put in Drafts' });
  await expect(put).toBeVisible();
  await saveScreenshot('compose-put-in-drafts', { fullPage: false });
  const subject = await dialog.getByLabel('Subject').inputValue();
  const body = await dialog.getByLabel('Message', { exact: true }).inputValue();

  // The server down: the composer stays open with the reason in words.
  await mailbox.dovecot.stop();
  await put.click();
  const refused = page.getByRole('alert').filter({ hasText: 'Could not put it in Drafts' });
  await expect(refused).toContainText(
    `Mail account "Home": could not talk to 127.0.0.1:${mailbox.dovecot.port}`,
  );
  await expect(dialog).toBeVisible();
  await mailbox.dovecot.start();

  await put.click();
  await expect(dialog).toHaveCount(0);
  const done = page.getByRole('status').filter({ hasText: 'In your Drafts (Home)' });
  await expect(done).toContainText('Send it to ada@example.org from your mail app');
  // Still due: a draft is not a message sent.
  await expect(page.getByRole('region', { name: 'Due today' })).toContainText('Ada Lovelace');

  const draft = await mailApp(async (client) => {
    const lock = await client.getMailboxLock('Drafts');
    try {
      const [message] = await client.fetchAll('1:*', { source: true, flags: true });
      return message;
    } finally {
      lock.release();
    }
  });
  expect(draft?.flags?.has('\\Draft')).toBe(true);
  const parsed = await simpleParser(draft?.source ?? '');
  expect(parsed.subject).toBe(subject);
  expect(parsed.text?.replace(/\r\n/g, '\n').trim()).toBe(body.trim());

  // Sent from the mail app: its copy in Sent. The next sync completes the step.
  await mailApp((client) => client.append('Sent', draft?.source ?? '', ['\\Seen']));
  await server.call('mail.sync', {});
  await expect(page.getByRole('region', { name: 'Due today' })).toHaveCount(0);
});
