// The HTTP shell for the search bench, on its own thread: as with `npm run serve` or Electron's
// main process, the server then shares no event loop with the harness driving Chromium, whose
// protocol traffic would otherwise sit inside every measured keystroke.
import { parentPort, workerData } from 'node:worker_threads';
import type { Dispatch } from '../../src/main/api/dispatch.ts';
import { openAppContext } from '../../src/main/app/context.ts';
import { startHttpShell } from '../../src/main/http/server.ts';
import { inMemorySettings } from '../../src/main/settings/settings-store.ts';
import { fixedClock } from '../../src/main/time/clock.ts';
import type { ContactPage } from '../../src/shared/domain/contact.ts';

export interface ShellWorkerData {
  databasePath: string;
  dataDir: string;
  staticDir: string;
  /** The bench's frozen "now", if it has one. */
  now?: string;
  queries: number;
}

export type ShellWorkerMessage =
  | { type: 'ready'; url: string; queries: string[] }
  | { type: 'stopped'; service: number[] };

/**
 * Prefixes of names and companies from the seed, as someone looking for a person types them:
 * lower case, ASCII (keyboard.down sends a real keydown only for keys on the US layout).
 */
async function pickQueries(dispatch: Dispatch, count: number): Promise<string[]> {
  const first = await dispatch('contacts.list', { sort: 'name', limit: 1 });
  if (!first.ok) throw new Error(`contacts.list failed: ${first.error.message}`);
  const total = (first.value as ContactPage).total;
  const queries: string[] = [];
  for (let i = 0; queries.length < count && i < count * 8; i++) {
    const offset = Math.floor(((i * 0.618034) % 1) * Math.max(1, total - 1));
    const page = await dispatch('contacts.list', { sort: 'name', offset, limit: 1 });
    if (!page.ok) continue;
    const person = (page.value as ContactPage).items[0];
    if (!person) continue;
    const [given = '', family = ''] = person.displayName.toLowerCase().split(' ');
    const company = (person.company ?? '').toLowerCase().split(' ')[0] ?? '';
    const candidates = [
      given.slice(0, 6),
      family.slice(0, 7),
      company.slice(0, 6),
      `${given} ${family.slice(0, 3)}`,
    ];
    const candidate = candidates[i % candidates.length] ?? '';
    if (/^[a-z]+( [a-z]+)?$/.test(candidate) && !queries.includes(candidate)) queries.push(candidate);
  }
  return queries;
}

const data = workerData as ShellWorkerData;
const port = parentPort;
if (port) {
  const context = openAppContext({
    shell: 'cli',
    dataDir: data.dataDir,
    databasePath: data.databasePath,
    settings: inMemorySettings(),
    ...(data.now ? { clock: fixedClock(data.now) } : {}),
  });
  const queries = await pickQueries(context.dispatch, data.queries);
  // The service's own time for each list request, to tell it apart from the trip there and back.
  const service: number[] = [];
  let timing = false;
  const dispatch: Dispatch = async (method, input) => {
    if (!timing || method !== 'contacts.list') return context.dispatch(method, input);
    const start = performance.now();
    const envelope = await context.dispatch(method, input);
    service.push(performance.now() - start);
    return envelope;
  };
  const shell = await startHttpShell({ dispatch, staticDir: data.staticDir, port: 0 });
  port.on('message', async (message: 'time' | 'stop') => {
    if (message === 'time') timing = true;
    else {
      await shell.close();
      context.close();
      port.postMessage({ type: 'stopped', service } satisfies ShellWorkerMessage);
      port.close();
    }
  });
  port.postMessage({ type: 'ready', url: shell.url, queries } satisfies ShellWorkerMessage);
}
