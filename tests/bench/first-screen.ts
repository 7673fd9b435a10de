import { existsSync } from 'node:fs';
import type { Dispatch } from '../../src/main/api/dispatch.ts';
import { startHttpShell } from '../../src/main/http/server.ts';

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

/**
 * Milliseconds from navigation to the first contact row being visible, in real Chromium against
 * the HTTP shell (cold page load each time, browser already running).
 */
export async function measureFirstScreen(
  dispatch: Dispatch,
  staticDir: string,
  runs: number,
): Promise<number[] | string> {
  if (!existsSync(CHROMIUM)) return `skipped: ${CHROMIUM} not found (apt-get install chromium)`;
  if (!existsSync(`${staticDir}/index.html`)) return 'skipped: renderer not built (npm run build)';
  const { chromium } = await import('playwright-core');
  const shell = await startHttpShell({ dispatch, staticDir, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const samples: number[] = [];
    // A measure that cannot complete is reported in the table, not thrown: the other rows stand.
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
      samples.push(performance.now() - start);
      await context.close();
    }
    return samples;
  } catch (error) {
    return `failed: ${(error as Error).message.split('\n')[0]}`;
  } finally {
    await browser.close();
    await shell.close();
  }
}
