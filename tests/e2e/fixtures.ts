import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { makeDatabaseDir, type RunningServer, runCli, startServer } from './server.ts';

export { expect };

const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');

interface Options {
  /** Contacts to seed with the CLI before the server starts; 0 means an empty database. */
  seedContacts: number;
  /** Console errors a test provokes on purpose (e.g. the browser logging a 401). */
  allowedConsoleErrors: RegExp[];
}

interface Fixtures {
  server: RunningServer;
  /** Opens the app with the printed token URL and waits until it is ready. */
  openApp: () => Promise<void>;
  /** Full-page screenshot into test-results/screenshots/<name>.png. */
  saveScreenshot: (name: string) => Promise<void>;
}

export const test = base.extend<Options & Fixtures>({
  seedContacts: [0, { option: true }],
  allowedConsoleErrors: [[], { option: true }],

  server: async ({ seedContacts }, use) => {
    const db = await makeDatabaseDir();
    if (seedContacts > 0) await runCli(['seed', '--contacts', String(seedContacts), '--db', db.dbPath]);
    const server = await startServer(db.dbPath);
    try {
      await use(server);
    } finally {
      await server.stop();
      await db.cleanup();
    }
  },

  // Every test fails on a console error, an uncaught exception or a CSP violation. Depending on
  // `server` makes the server outlive the page, so late requests never meet a closed port.
  page: async ({ page, allowedConsoleErrors, server: _server }, use) => {
    const problems: string[] = [];
    const allowed = (text: string) => allowedConsoleErrors.some((re) => re.test(text));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !allowed(msg.text())) problems.push(`console.error: ${msg.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
      });
    });
    await use(page);
    expect(problems, 'console errors, uncaught exceptions or CSP violations').toEqual([]);
  },

  openApp: async ({ page, server }, use) => {
    await use(async () => {
      await page.goto(server.url);
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    });
  },

  saveScreenshot: async ({ page }, use) => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await use(async (name) => {
      // Let entrance animations and the caret settle so screenshots are stable.
      await page.waitForTimeout(250);
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `${name}.png`),
        fullPage: true,
        animations: 'disabled',
      });
    });
  },
});

/** Types into the focused element the way a person does, one key at a time. */
export async function typeText(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 5 });
}
