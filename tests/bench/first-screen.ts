import { existsSync } from 'node:fs';
import type { Dispatch } from '../../src/main/api/dispatch.ts';
import { startHttpShell } from '../../src/main/http/server.ts';
import { FIRST_ROWS_MARK } from '../../src/renderer/src/contacts/first-rows-mark.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface FirstScreen {
  /** The browser's own time from navigation start to the first rows (the list's User Timing mark). */
  rendered: number[];
  /** What the harness saw, including its own round trips to drive and poll the page. */
  wallClock: number[];
}

/**
 * The first contacts screen in real Chromium against the HTTP shell: a cold page in a new
 * browser context each time (the browser itself already running). A measure that cannot
 * complete is reported in the table, not thrown, so the other rows stand.
 */
export async function measureFirstScreen(
  dispatch: Dispatch,
  staticDir: string,
  runs: number,
): Promise<FirstScreen | string> {
  if (!existsSync(CHROMIUM)) return `skipped: ${CHROMIUM} not found (apt-get install chromium)`;
  if (!existsSync(`${staticDir}/index.html`)) return 'skipped: renderer not built (npm run build)';
  const { chromium } = await import('playwright-core');
  const shell = await startHttpShell({ dispatch, staticDir, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const result: FirstScreen = { rendered: [], wallClock: [] };
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(`${shell.url}#/contacts`);
      await page
        .getByRole('listbox')
        .getByRole('option')
        .first()
        .waitFor({ state: 'visible', timeout: 15_000 });
      result.wallClock.push(performance.now() - start);
      const rendered = await page.evaluate(
        (mark) => performance.getEntriesByName(mark)[0]?.startTime ?? null,
        FIRST_ROWS_MARK,
      );
      if (rendered === null) throw new Error(`the page never set the ${FIRST_ROWS_MARK} mark`);
      result.rendered.push(rendered);
      await context.close();
    }
    return result;
  } catch (error) {
    return `failed: ${(error as Error).message.split('\n')[0]}`;
  } finally {
    await browser.close();
    await shell.close();
  }
}
