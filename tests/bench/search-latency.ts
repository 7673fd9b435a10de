// Keystroke → search results painted, in real Chromium against the HTTP shell, in the browser's
// own clock: a keydown listener takes the event's timestamp, and the frame is the one after the
// list's ROWS_SHOWN_MARK for that query (a requestAnimationFrame, then a task that runs once the
// frame has been produced). Run alone on a seeded database, to iterate without reseeding:
//   npm run cli -- seed --contacts 50000 --db /tmp/bench.db && npm run build
//   node --disable-warning=ExperimentalWarning tests/bench/search-latency.ts /tmp/bench.db [out/renderer]
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ROWS_SHOWN_MARK } from '../../src/renderer/src/contacts/rows-shown-mark.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './first-screen.ts';
import type { ShellWorkerData, ShellWorkerMessage } from './search-shell-worker.ts';
import { percentile } from './stats.ts';

export interface SearchLatency {
  /** keydown → just after the frame that painted that query's rows (ms, page clock). */
  painted: number[];
  /** keydown → the commit that put them in the DOM. */
  committed: number[];
  /** Where the time went, each sample split: keydown → fetch sent → answer in → commit → frame. */
  phases: { toRequest: number[]; roundTrip: number[]; toCommit: number[]; toFrame: number[] };
  /** contacts.list in the server alone (dispatch, inside the round trip), per request. */
  service: number[];
  queries: string[];
  keystrokes: number;
  /** contacts.list requests the page sent while typing, and how many it cancelled. */
  requests: number;
  cancelled: number;
}

interface Sample {
  query: string;
  start: number;
  /** The fetch that brought the rows: when the page asked, when the answer's last byte came. */
  requested: number;
  answered: number;
  committed: number;
  painted: number;
}

/** Installs the in-page recorder; samples land in window.__searchBench.samples. */
function instrument(mark: string): void {
  const input = document.getElementById('contact-search') as HTMLInputElement;
  const bench = {
    samples: [] as Sample[],
    keyAt: 0,
    last: input.value.trim(),
    pending: null as { query: string; start: number } | null,
    seenAt: performance.getEntriesByName(mark).at(-1)?.startTime ?? -1,
  };
  (window as unknown as { __searchBench: typeof bench }).__searchBench = bench;
  // The default buffer (250) would fill up part way through and drop the later fetches.
  performance.setResourceTimingBufferSize(100_000);
  input.addEventListener('keydown', (e) => {
    bench.keyAt = e.timeStamp;
  });
  input.addEventListener('input', () => {
    const query = input.value.trim();
    // A trailing space searches for the same words: no new rows to wait for.
    if (query === bench.last) return;
    bench.last = query;
    bench.pending = { query, start: bench.keyAt };
  });
  const check = () => {
    const entry = performance.getEntriesByName(mark).at(-1) as PerformanceMark | undefined;
    if (!entry || entry.startTime === bench.seenAt) return;
    bench.seenAt = entry.startTime;
    const pending = bench.pending;
    if (!pending || (entry.detail as { query?: string } | null)?.query !== pending.query) return;
    bench.pending = null;
    const committed = entry.startTime;
    // rAF runs before this frame's style, layout and paint; a task posted from it runs after.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const painted = performance.now();
        // The answer that brought these rows: the last list request to end before the commit.
        const fetches = performance
          .getEntriesByType('resource')
          .filter(
            (r) => r.name.endsWith('/api/contacts.list') && r.startTime >= pending.start,
          ) as PerformanceResourceTiming[];
        const answer = fetches.filter((r) => r.responseEnd <= committed).at(-1);
        bench.samples.push({
          ...pending,
          committed,
          painted,
          requested: answer?.startTime ?? Number.NaN,
          answered: answer?.responseEnd ?? Number.NaN,
        });
        (window as unknown as { __searchBenchReport?: () => void }).__searchBenchReport?.();
      };
      channel.port2.postMessage(null);
    });
  };
  // The mutation callback runs in the commit's task, so the frame found is the first with the rows.
  new MutationObserver(check).observe(document.body, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });
  new PerformanceObserver(check).observe({ entryTypes: ['mark'] });
}

/** Between keys: the time a person takes to find the next one (deterministic, 40–120 ms). */
const pause = (n: number) => new Promise((done) => setTimeout(done, 40 + ((n * 37) % 81)));

/**
 * Types each query key by key into the contacts search, waiting for each keystroke's rows before
 * the next key, and clears the box between queries. Reported, not thrown, when it cannot run.
 */
export async function measureSearchLatency(
  databasePath: string,
  staticDir: string,
  options: { rounds?: number; queries?: number; now?: string } = {},
): Promise<SearchLatency | string> {
  if (!existsSync(CHROMIUM)) return `skipped: ${CHROMIUM} not found (apt-get install chromium)`;
  if (!existsSync(`${staticDir}/index.html`)) return 'skipped: renderer not built (npm run build)';
  const { chromium } = await import('playwright-core');
  let shell: Awaited<ReturnType<typeof startShellWorker>>;
  try {
    shell = await startShellWorker({
      databasePath,
      dataDir: dirname(databasePath),
      staticDir,
      queries: options.queries ?? 10,
      ...(options.now ? { now: options.now } : {}),
    });
  } catch (error) {
    return `failed: the bench's server did not start: ${(error as Error).message.split('\n')[0]}`;
  }
  const { queries } = shell;
  const browser = await chromium
    .launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
    .catch((error: Error) => error);
  if (browser instanceof Error) {
    await shell.stop();
    return `failed: ${browser.message.split('\n')[0]}`;
  }
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    let requests = 0;
    let cancelled = 0;
    const isList = (url: string) => url.endsWith('/api/contacts.list');
    page.on('request', (r) => {
      if (isList(r.url())) requests++;
    });
    page.on('requestfailed', (r) => {
      if (isList(r.url())) cancelled++;
    });
    // The page reports each sample once its frame is out, so nothing of the harness (no polling,
    // no CDP call) runs between a keydown and the frame being measured.
    let reported = 0;
    let wake: () => void = () => {};
    await page.exposeFunction('__searchBenchReport', () => {
      reported++;
      wake();
    });
    await page.goto(`${shell.url}#/contacts`);
    await page
      .getByRole('listbox')
      .getByRole('option')
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
    const search = page.getByRole('searchbox', { name: 'Search contacts' });
    await search.click();
    await page.evaluate(instrument, ROWS_SHOWN_MARK);
    requests = 0;
    cancelled = 0;
    shell.worker.postMessage('time');

    let expected = 0;
    let keystrokes = 0;
    const waitForRows = async () => {
      expected++;
      const deadline = setTimeout(() => wake(), 10_000);
      while (reported < expected) {
        const before = reported;
        await new Promise<void>((done) => {
          wake = done;
        });
        if (reported === before) throw new Error(`no rows painted for keystroke ${keystrokes} in 10 s`);
      }
      clearTimeout(deadline);
    };
    for (let round = 0; round < (options.rounds ?? 2); round++) {
      for (const query of queries) {
        let typed = '';
        for (const key of query) {
          const before = typed.trim();
          typed += key;
          // Held until the rows are painted, as a finger rests on a key for ~100 ms: the keyup
          // would otherwise be the harness's own traffic inside the measured window.
          const name = key === ' ' ? 'Space' : key;
          await page.keyboard.down(name);
          keystrokes++;
          if (typed.trim() !== before) await waitForRows();
          await page.keyboard.up(name);
          await pause(keystrokes);
        }
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.press('Backspace');
        await waitForRows();
        await pause(keystrokes + 3);
      }
    }
    const samples = await page.evaluate(
      () => (window as unknown as { __searchBench: { samples: Sample[] } }).__searchBench.samples,
    );
    await context.close();
    const service = await shell.stop();
    // Clearing the box (back to everyone) is a keystroke too, but not a search.
    const typed = samples.filter((s) => s.query !== '');
    return {
      painted: typed.map((s) => s.painted - s.start),
      committed: typed.map((s) => s.committed - s.start),
      phases: {
        toRequest: typed.map((s) => s.requested - s.start),
        roundTrip: typed.map((s) => s.answered - s.requested),
        toCommit: typed.map((s) => s.committed - s.answered),
        toFrame: typed.map((s) => s.painted - s.committed),
      },
      service,
      queries,
      keystrokes,
      requests,
      cancelled,
    };
  } catch (error) {
    return `failed: ${(error as Error).message.split('\n')[0]}`;
  } finally {
    await browser.close();
    await shell.stop();
  }
}

/** Starts search-shell-worker.ts and waits for its URL; stop() returns the service timings. */
async function startShellWorker(data: ShellWorkerData) {
  const worker = new Worker(new URL('./search-shell-worker.ts', import.meta.url), {
    workerData: data,
    execArgv: ['--disable-warning=ExperimentalWarning'],
  });
  let exited = false;
  worker.once('exit', () => {
    exited = true;
  });
  const next = () =>
    new Promise<ShellWorkerMessage>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the server thread exited (${code})`)));
    });
  const ready = await next();
  if (ready.type !== 'ready') throw new Error('the search bench server did not start');
  let stopped: Promise<number[]> | null = null;
  return {
    worker,
    url: ready.url,
    queries: ready.queries,
    stop: () => {
      stopped ??= (async () => {
        if (exited) return [];
        const done = next();
        worker.postMessage('stop');
        const message = await done;
        await worker.terminate();
        return message.type === 'stopped' ? message.service : [];
      })();
      return stopped;
    },
  };
}

export function describeSearchLatency(result: SearchLatency): string {
  const p50 = (values: number[]) => percentile(values.filter(Number.isFinite), 50).toFixed(1);
  const { toRequest, roundTrip, toCommit, toFrame } = result.phases;
  return `p50 ${percentile(result.painted, 50).toFixed(0)} ms over ${result.painted.length} keystrokes (${result.queries.length} queries, ${result.queries.slice(0, 4).join(', ')}…); p50 of keydown → fetch ${p50(toRequest)}, round trip ${p50(roundTrip)} (service ${p50(result.service)}), → commit ${p50(toCommit)}, → frame ${p50(toFrame)} ms; ${result.requests} list requests, ${result.cancelled} cancelled`;
}

if (import.meta.main) {
  const databasePath = process.argv[2];
  if (!databasePath || !existsSync(databasePath)) {
    console.error('usage: node tests/bench/search-latency.ts SEEDED.db [RENDERER_DIR]');
    process.exit(2);
  }
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const staticDir = process.argv[3] ?? join(root, 'out/renderer');
  const result = await measureSearchLatency(databasePath, staticDir);
  if (typeof result === 'string') console.log(result);
  else {
    console.log(`keystroke → results painted p95 ${percentile(result.painted, 95).toFixed(1)} ms`);
    console.log(describeSearchLatency(result));
    console.log(`painted: ${result.painted.map((v) => v.toFixed(0)).join(' ')}`);
  }
}
