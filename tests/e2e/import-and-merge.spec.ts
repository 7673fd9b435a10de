import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { dismissToasts, expect, test } from './fixtures.ts';
import type { RunningServer } from './server.ts';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/imports/e2e-connections.csv');
const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');

interface Created {
  id: number;
}

/** Two people the file knows too: Ada by her e-mail (certain), Grace by name and company only. */
async function seedKnownPeople(server: RunningServer) {
  const ada = await server.call<Created>('contacts.create', {
    displayName: 'Ada Lovelace',
    company: 'Analytical Engines Ltd',
    emails: [{ value: 'ada@example.org' }],
  });
  const grace = await server.call<Created>('contacts.create', {
    displayName: 'Grace Hopper',
    company: 'Remington Rand',
    title: 'Rear Admiral',
    emails: [{ value: 'grace@navy.example' }],
    metWhere: 'Compilers Meetup',
  });
  return { ada, grace };
}

/** A viewport screenshot (not the full page) of what is on screen now, with no settling delay. */
async function snapshot(page: Page, name: string) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/**
 * Catches the progress bar while the import runs: as soon as it shows a phase part-way through,
 * or whatever it shows once the held answer is the only thing left.
 */
async function snapshotProgress(page: Page, name: string) {
  const bar = page.getByRole('progressbar');
  await expect(bar).toBeVisible();
  const deadline = Date.now() + 4_000;
  while (Date.now() < deadline) {
    const [now, max] = await Promise.all([
      bar.getAttribute('aria-valuenow'),
      bar.getAttribute('aria-valuemax'),
    ]);
    if (now !== null && max !== null && Number(now) > 0 && Number(now) < Number(max)) break;
    await page.waitForTimeout(15);
  }
  await snapshot(page, name);
}

/** Holds the answer to the next call of an API method until `release` (the server still does the work). */
async function holdAnswer(page: Page, method: string): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((done) => {
    release = done;
  });
  await page.route(
    `**/api/${method}`,
    async (route) => {
      const response = await route.fetch();
      await released;
      await route.fulfill({ response });
    },
    { times: 1 },
  );
  return release;
}

test('import a LinkedIn export: preview, commit, review, merge a duplicate, undo', async ({
  page,
  server,
  openApp,
  saveScreenshot,
}) => {
  const { grace } = await seedKnownPeople(server);
  await openApp('/contacts');

  // From the contacts screen's toolbar to the import screen.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Import contacts' })).toBeVisible();
  await page.getByLabel('Contacts file').setInputFiles(FIXTURE);

  // The preview: what would happen, nothing written yet.
  const preview = page.getByRole('region', { name: 'Preview of e2e-connections.csv' });
  await expect(preview).toContainText('read as LinkedIn Connections.csv (detected)');
  const summary = page.getByRole('list', { name: 'What this import would do' });
  await expect(summary.getByRole('listitem').filter({ hasText: 'New' }).first()).toContainText('4');
  await expect(summary.getByRole('listitem').filter({ hasText: 'Matched' })).toContainText('1');
  await expect(summary.getByRole('listitem').filter({ hasText: 'Possible matches' })).toContainText('1');

  const matched = page.getByRole('region', { name: 'Already in your contacts' });
  await expect(matched).toContainText('same e-mail as Ada Lovelace');

  // Grace matches by name and company only: offered, never merged silently.
  const mergeGrace = page.getByRole('checkbox', { name: 'Merge into Grace Hopper' });
  await expect(mergeGrace).toBeVisible();
  await expect(mergeGrace).not.toBeChecked();

  // The row with a made-up date is reported with its line and column.
  const problems = page.getByRole('region', { name: 'Problems' });
  const badDate = problems.getByRole('row').filter({ hasText: 'Foo 2024' });
  await expect(badDate).toContainText('9');
  await expect(badDate).toContainText('Connected On');
  // The action bar stays at the bottom of the window: a window-sized picture shows it in place.
  await snapshot(page, 'import-preview');

  // Import, leaving Grace unticked: she comes in as a second Grace Hopper.
  await page.getByRole('button', { name: /^Import \d+ contacts$/ }).click();
  const result = page.getByRole('region', { name: /Imported e2e-connections\.csv/ });
  await expect(result).toBeVisible();
  await expect(result).toContainText('5 created');
  await expect(result).toContainText('1 updated');
  await expect(page.getByRole('region', { name: 'Earlier imports' })).toContainText('e2e-connections.csv');
  await saveScreenshot('import-result');

  // The newcomers wait in "to review", marked as imported.
  await result.getByRole('link', { name: 'Review imported contacts' }).click();
  await expect(page.getByRole('button', { name: /Imported — to review \(5\)/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const list = page.getByRole('listbox', { name: 'Imported contacts to review' });
  await expect(list.getByRole('option', { name: /Katherine Johnson/ })).toContainText('Imported');
  await expect(list.getByRole('option')).toHaveCount(5);
  await expect(page.getByRole('button', { name: 'Mark all reviewed' })).toBeVisible();
  await saveScreenshot('import-to-review');

  // One of them, looked at and marked reviewed: it leaves the list.
  await list.getByRole('option', { name: /Katherine Johnson/ }).click();
  await expect(
    page.getByText(/Imported from e2e-connections\.csv \(LinkedIn\) on .*, not reviewed yet/),
  ).toBeVisible();
  await saveScreenshot('imported-contact');
  await page.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Katherine Johnson reviewed' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark reviewed' })).toBeHidden();
  await page.getByRole('link', { name: 'Contacts', exact: true }).first().click();
  await expect(page.getByRole('button', { name: /Imported — to review \(4\)/ })).toBeVisible();
  await dismissToasts(page);

  // Duplicates: the two Graces.
  await page.getByRole('link', { name: 'Duplicates' }).click();
  const pair = page.getByRole('listitem', { name: 'Grace Hopper and Grace Hopper' });
  await expect(pair).toContainText('Same name and company');
  await saveScreenshot('duplicates-list');

  await pair.getByRole('button', { name: 'Merge…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge two contacts' });
  const title = dialog.getByRole('radiogroup', { name: 'Title' });
  // Keep the Grace we had (the Rear Admiral), and take the title from the imported one.
  await expect(title).toBeVisible();
  if (!(await title.getByRole('radio', { name: 'Rear Admiral' }).isChecked())) {
    await dialog.getByRole('button', { name: /^Swap/ }).click();
  }
  await expect(title.getByRole('radio', { name: 'Rear Admiral' })).toBeChecked();
  await title.getByRole('radio', { name: 'Senior Mathematician' }).check();
  await expect(dialog).toContainText('grace@navy.example, grace@remington.example');
  await expect(dialog).toContainText('Interactions, promises and follow-ups of both are kept.');
  await saveScreenshot('merge-view');
  await dialog.getByRole('button', { name: 'Merge into Grace Hopper' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'merged into Grace Hopper' })).toBeVisible();
  await expect(pair).toBeHidden();

  // One Grace now, with both addresses and the title chosen from the imported row.
  await page.evaluate((id) => {
    window.location.hash = `/contacts/${id}`;
  }, grace.id);
  await expect(page.getByRole('link', { name: 'grace@navy.example' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'grace@remington.example' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('Senior Mathematician');
  await expect(page.getByRole('list', { name: 'Sources' })).toContainText(
    'Imported from e2e-connections.csv (LinkedIn)',
  );
  await dismissToasts(page);
  await saveScreenshot('merge-result-contact');

  // Undo from the duplicates page: both Graces are back, and so is the pair.
  await page.getByRole('link', { name: 'Duplicates' }).click();
  await page.getByRole('button', { name: 'Undo merge of Grace Hopper' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Merge undone' })).toBeVisible();
  // Nothing left to undo: the button goes away rather than failing on the next click.
  await expect(page.getByRole('button', { name: /Undo merge/ })).toHaveCount(0);
  await expect(page.getByRole('listitem', { name: 'Grace Hopper and Grace Hopper' })).toBeVisible();
  const graces = await server.call<{ total: number }>('contacts.list', {
    query: 'Grace Hopper',
    status: 'all',
  });
  expect(graces.total).toBe(2);
});

test('a large file shows its progress while it is read and written, dropped onto the screen', async ({
  page,
  openApp,
}) => {
  test.setTimeout(90_000);
  await openApp('/import');
  await expect(page.getByRole('button', { name: 'Choose file…' })).toBeFocused();

  // 30,000 connections, made in the page and dropped as a file (the drag-and-drop path).
  const releasePreview = await holdAnswer(page, 'imports.preview');
  await page.evaluate(() => {
    const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
    for (let i = 1; i <= 30_000; i++) {
      lines.push(
        `Person${i},Example${i},https://www.linkedin.com/in/person-${i},person${i}@example.net,Company ${i % 700},Engineer,${(i % 28) + 1} Mar 2024`,
      );
    }
    const file = new File([lines.join('\n')], 'Connections.csv', { type: 'text/csv' });
    const transfer = new DataTransfer();
    transfer.items.add(file);
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(
        new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    }
  });
  await expect(
    page.getByRole('heading', { name: /Preparing the preview of Connections\.csv/ }),
  ).toBeVisible();
  await snapshotProgress(page, 'import-progress-preview');
  releasePreview();

  await expect(page.getByRole('heading', { name: 'Preview of Connections.csv' })).toBeVisible({
    timeout: 20_000,
  });
  const summary = page.getByRole('list', { name: 'What this import would do' });
  await expect(summary.getByRole('listitem').filter({ hasText: 'New' }).first()).toContainText('30,000');

  const releaseCommit = await holdAnswer(page, 'imports.commit');
  await page.getByRole('button', { name: 'Import 30,000 contacts' }).click();
  await expect(page.getByRole('heading', { name: /Importing Connections\.csv/ })).toBeVisible();
  await snapshotProgress(page, 'import-progress');
  // The page stays responsive while main writes: the sidebar still answers.
  await expect(page.getByRole('link', { name: 'Duplicates' })).toBeEnabled();
  releaseCommit();

  const result = page.getByRole('region', { name: /Imported Connections\.csv/ });
  await expect(result).toContainText('30,000 created', { timeout: 20_000 });
});

test('settings: export as vCard and JSON, back up now', async ({ page, server, openApp }) => {
  await seedKnownPeople(server);
  await openApp('/settings');
  const data = page.getByRole('region', { name: 'Data' });
  await data.scrollIntoViewIfNeeded();

  const vcard = page.waitForEvent('download');
  await data.getByRole('button', { name: 'Export .vcf' }).click();
  expect((await vcard).suggestedFilename()).toMatch(/\.vcf$/);
  await expect(page.getByRole('status').filter({ hasText: '2 contacts exported' })).toBeVisible();

  const json = page.getByRole('button', { name: 'Export .json' });
  const backup = page.waitForEvent('download');
  await json.click();
  expect((await backup).suggestedFilename()).toMatch(/\.json$/);

  const backups = page.getByRole('region', { name: 'Automatic backups' });
  // The daily copy is made when the server starts; "Back up now" adds one more.
  const copies = backups.getByRole('list', { name: 'Backups' }).getByRole('listitem');
  await expect(copies).toHaveCount(1);
  await backups.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backup made' })).toBeVisible();
  await expect(copies).toHaveCount(2);
  // Restoring is in Settings › Data now (it used to be CLI-only): the note points there.
  await expect(backups).toContainText('Restore from a backup under Data');
  await dismissToasts(page);
  await data.scrollIntoViewIfNeeded();
  await page.evaluate(() => {
    document.getElementById('data-title')?.scrollIntoView({ block: 'start', behavior: 'instant' });
    window.scrollBy({ top: -20, behavior: 'instant' });
  });
  await snapshot(page, 'settings-data');
});
