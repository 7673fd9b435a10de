import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  DAV_PASSWORD,
  listObjects,
  makeAddressBookOnServer,
  moveOnServer,
  putPhoneCards,
  uidOf,
} from '../helpers/dav-servers.ts';
import { startFaultProxy } from '../helpers/fault-proxy.ts';
import { metWithStep, radicaleForThisFile } from './dav.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

/**
 * Issue 14, Settings › Sync against a real Radicale (Basic auth): the server linked in the form
 * (the password in an environment variable of the serving process, as the browser shell
 * requires), the follow-up seen on the server, moved there as a phone would, and seen moved in
 * Today after Sync now.
 */

// Monday 2 March 2026 in London: met Ada; her refresher is due tomorrow. A password variable
// that is not set is refused as bad input (HTTP 400), which Chromium logs.
test.use({ startAt: '2026-03-02T10:00:00Z', allowedConsoleErrors: [/status of 400 \(Bad Request\)/] });

const VARIABLE = 'FT_E2E_DAV_PASSWORD';
// Set before the server fixture starts: `serve` takes the password from its environment.
process.env[VARIABLE] = DAV_PASSWORD;
const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');

const radicale = radicaleForThisFile();

test('link the calendar server in Settings › Sync; a follow-up moved there is moved in Today', async ({
  page,
  server,
  openApp,
}) => {
  test.setTimeout(90_000);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.setViewportSize({ width: 1024, height: 900 });
  const dav = radicale();
  const { step: refresher } = await metWithStep(server, 'Ada Lovelace', '2026-03-02');
  expect(refresher?.dueOn).toBe('2026-03-03');
  await openApp('/settings');
  const section = page.getByRole('region', { name: 'Sync' });
  await expect(section).toContainText('No calendar server connected yet.');
  await section.getByRole('button', { name: 'Add calendar server' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a calendar server' });
  await expect(dialog.getByLabel('Provider')).toBeFocused();
  await dialog.getByLabel('Provider').selectOption({ label: 'Fastmail' });
  await expect(dialog.getByLabel('Server address')).toHaveValue('https://caldav.fastmail.com/');
  await dialog.getByLabel('Provider').selectOption({ label: 'Another server' });
  await dialog.getByLabel('Server address').fill(dav.url);
  await dialog.getByLabel('User name').fill(dav.user);
  // The browser shell takes no password: a variable of the serving process holds it.
  await expect(dialog.getByLabel('Password', { exact: true })).toHaveCount(0);
  await dialog.getByLabel('Environment variable').fill('FT_E2E_NOT_SET');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog).toContainText('FT_E2E_NOT_SET is not set');
  expect(await server.call('sync.accounts.list', {})).toEqual([]);
  await dialog.screenshot({
    path: `${SCREENSHOT_DIR}/sync-add-refused-1024-light.png`,
    animations: 'disabled',
  });
  await expectNoAxeViolations(page, 'Settings › Sync, Add a calendar server (refused)');
  await dialog.getByLabel('Environment variable').fill(VARIABLE);
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Calendar synced' })).toBeVisible();
  const account = section.getByRole('listitem').filter({ hasText: 'Followthrough follow-ups' });
  await expect(account).toContainText('Everything sent');
  await expect(account).toContainText(`password from $${VARIABLE}`);
  await section.screenshot({
    path: `${SCREENSHOT_DIR}/sync-settings-1024-light.png`,
    animations: 'disabled',
  });

  // On the server: Ada's refresher, as the phone sees it.
  const [linked] = await server.call<{ calendarUrl: string }[]>('sync.accounts.list', {});
  const uid = `followup-${refresher?.id}@followthrough.app`;
  const event = (await listObjects(dav, linked!.calendarUrl)).find((o) => uidOf(o.data) === uid);
  expect(event?.data).toContain('SUMMARY:Follow up with Ada Lovelace');
  // Dragged on the phone to this afternoon.
  expect((await moveOnServer(dav, event!, '2026-03-02T15:00:00.000Z')).ok).toBe(true);

  await account.getByRole('button', { name: 'Sync now' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /1 moved there and rescheduled here/ }),
  ).toBeVisible();
  await openApp('/today');
  await expect(page.getByRole('region', { name: 'Due today' })).toContainText('Ada Lovelace');

  // Removed: the server's calendar stays; focus goes to Add (the row that had it is gone).
  await openApp('/settings');
  await section.getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(section).toContainText('No calendar server connected yet.');
  await expect(section.getByRole('button', { name: 'Add calendar server' })).toBeFocused();
  expect(await listObjects(dav, linked!.calendarUrl)).not.toEqual([]);
});

test('a pass under way shows its progress on the account’s card, in words, then goes', async ({
  page,
  server,
  openApp,
}) => {
  test.setTimeout(120_000);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.setViewportSize({ width: 1024, height: 900 });
  const dav = radicale();
  // A phone's address book of 250 cards, read in multigets of 100: the second one is held at a
  // proxy until the bar has been seen, so what it shows is certain, not a race with the pass.
  const book = `${dav.url}${dav.user}/phone-book/`;
  expect((await makeAddressBookOnServer(dav, book, 'Phone contacts')).status).toBe(201);
  await putPhoneCards(dav, book, 250);
  const proxy = await startFaultProxy(dav.base);
  try {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The first REPORT on the book lists it (sync-collection), the next reads cards 1-100.
    const held = proxy.inject({
      method: 'REPORT',
      path: /\/phone-book\//,
      after: 2,
      fault: { kind: 'before', run: () => gate },
    });
    await server.call('sync.accounts.add', {
      url: `${proxy.base}/`,
      user: dav.user,
      credential: { kind: 'env', variable: VARIABLE },
      calendar: 'Progress follow-ups',
      addressbook: 'Phone contacts',
    });
    await openApp('/settings');
    const section = page.getByRole('region', { name: 'Sync' });
    const account = section.getByRole('listitem').filter({ hasText: 'Progress follow-ups' });
    await account.getByRole('button', { name: 'Sync now' }).click();
    await held.fired;
    const bar = account.getByRole('progressbar', { name: 'Reading cards from the server' });
    await expect(bar).toBeVisible();
    await expect(bar).toHaveAttribute('aria-valuenow', '100');
    await expect(bar).toHaveAttribute('aria-valuemax', '250');
    await expect(account).toContainText('100 of 250 cards');
    await expectNoAxeViolations(page, 'Settings › Sync, a pass under way');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      await account.screenshot({
        path: `${SCREENSHOT_DIR}/sync-progress-1024-${scheme}.png`,
        animations: 'disabled',
      });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    release();
    await expect(page.getByRole('status').filter({ hasText: 'Calendar synced' })).toBeVisible();
    await expect(account.getByRole('progressbar')).toHaveCount(0);
  } finally {
    await proxy.close();
  }
});
