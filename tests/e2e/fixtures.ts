import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { makeDatabaseDir, type RunningServer, runCli, startServer } from './server.ts';

export { expect };

const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');

interface Options {
  /** Contacts to seed with the CLI before the server starts; 0 means an empty database. */
  seedContacts: number;
  /**
   * Start the server on a test clock at this instant (and the browser's clock with it), so a test
   * can move time with `clock.set`. Null runs on real time.
   */
  startAt: string | null;
  /** Console errors a test provokes on purpose (e.g. the browser logging a 401). */
  allowedConsoleErrors: RegExp[];
}

interface Fixtures {
  server: RunningServer;
  /** Opens the app with the printed token URL (at a hash route, Today by default) and waits until it is ready. */
  openApp: (route?: string) => Promise<void>;
  /** Moves the server's test clock and the page's clock together (needs `startAt`). */
  clock: { set: (iso: string) => Promise<void> };
  /** Full-page screenshot into test-results/screenshots/<name>.png (`fullPage: false`: the window). */
  saveScreenshot: (name: string, options?: { fullPage?: boolean }) => Promise<void>;
}

export const test = base.extend<Options & Fixtures>({
  seedContacts: [0, { option: true }],
  startAt: [null, { option: true }],
  allowedConsoleErrors: [[], { option: true }],

  server: async ({ seedContacts, startAt }, use) => {
    const db = await makeDatabaseDir();
    if (seedContacts > 0) await runCli(['seed', '--contacts', String(seedContacts), '--db', db.dbPath]);
    const server = await startServer(db.dbPath, { now: startAt ?? undefined });
    try {
      await use(server);
    } finally {
      await server.stop();
      await db.cleanup();
    }
  },

  // Every test fails on a console error, an uncaught exception or a CSP violation. Depending on
  // `server` makes the server outlive the page, so late requests never meet a closed port.
  page: async ({ page, allowedConsoleErrors, startAt, server: _server }, use) => {
    // The page's "now" (default dates in forms, "just now") must agree with the server's.
    if (startAt) await page.clock.install({ time: new Date(startAt) });
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
    await use(async (route) => {
      await page.goto(route ? `${server.url}#${route}` : server.url);
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    });
  },

  clock: async ({ page, server, startAt }, use) => {
    await use({
      set: async (iso) => {
        if (!startAt)
          throw new Error('clock.set needs test.use({ startAt }) to start the server on a test clock');
        await server.call('testing.setNow', { now: new Date(iso).toISOString() });
        await page.clock.setSystemTime(new Date(iso));
      },
    });
  },

  saveScreenshot: async ({ page }, use) => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await use(async (name, { fullPage = true } = {}) => {
      // Let entrance animations and the caret settle so screenshots are stable.
      await page.waitForTimeout(250);
      // From the top, so the sticky sidebar is drawn where it belongs in a full-page capture.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `${name}.png`),
        fullPage,
        animations: 'disabled',
      });
    });
  },
});

/** Closes every notice in the corner (a test clock moves days in seconds; they would pile up). */
export async function dismissToasts(page: Page): Promise<void> {
  const dismiss = page
    .getByRole('region', { name: 'Notifications' })
    .getByRole('button', { name: 'Dismiss' });
  while ((await dismiss.count()) > 0) {
    // A toast may expire on its own between the count and the click; the click then waits for a
    // button that never comes (a CI run timed out so). Only a toast still there must be dismissed.
    await dismiss
      .first()
      .click({ timeout: 2_000 })
      .catch(async (error: unknown) => {
        if ((await dismiss.count()) > 0) throw error;
      });
  }
}

/** Types into the focused element the way a person does, one key at a time. */
export async function typeText(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 5 });
}

/** The WCAG 2.1 AA rule sets the app is held to (issue 10). */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core on the page as it is and fails with one readable line per failing node
 * (rule, selector, axe's summary), so a regression says where it is without opening a trace.
 */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  // Let entrance animations end: axe reads colours mid-fade as low contrast.
  await page.waitForTimeout(200);
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA_TAGS).analyze();
  const lines = results.violations.flatMap((v) =>
    v.nodes.map(
      (n) => `${v.id}: ${n.target.join(' ')} — ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ').trim()}`,
    ),
  );
  expect(lines, `axe (WCAG 2.1 AA) on ${where}`).toEqual([]);
}

/** The element that has focus, described for an assertion message (tag, role, name). */
export async function focusedDescription(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const role = el.getAttribute('role');
    const label = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
    return `${el.tagName.toLowerCase()}${role ? `[role=${role}]` : ''} ${label}`.trim();
  });
}
