import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Dispatch } from '../../../src/main/api/dispatch.ts';
import { type HttpShell, startHttpShell } from '../../../src/main/http/server.ts';
import { httpTransport } from '../../../src/renderer/src/api/transport.ts';
import { createApiClient } from '../../../src/shared/api/client.ts';
import { ApiError } from '../../../src/shared/api/errors.ts';
import { openTempApp, type TempApp, tempDir } from '../../helpers/temp-app.ts';

// The search box asks on every keystroke and cancels the query typed past (useContactPages);
// the browser transport must turn that into a real aborted fetch against the real HTTP shell.
let app: TempApp;
let shell: HttpShell;
/** contacts.list for "slow" waits (waiting = true) until the test releases it. */
let waiting = false;
let release: () => void = () => {};

beforeAll(async () => {
  app = openTempApp();
  await app.api['contacts.create']({ displayName: 'Ada Slowly' });
  const dispatch: Dispatch = async (method, input) => {
    if (method === 'contacts.list' && (input as { query?: string }).query === 'slow')
      await new Promise<void>((done) => {
        waiting = true;
        release = done;
      });
    return app.context.dispatch(method, input);
  };
  shell = await startHttpShell({ dispatch, staticDir: tempDir(), port: 0 });
});
afterAll(async () => {
  await shell.close();
  app.cleanup();
});
afterEach(() => vi.unstubAllGlobals());

/** The page's relative /api/… URLs, resolved against the shell as a browser would. */
function clientFor(origin: string) {
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => realFetch(new URL(url, origin), init));
  return createApiClient(httpTransport(shell.token, () => {}));
}

describe('the browser transport', () => {
  it('cancels a request whose signal aborts: it rejects as an abort, the server stays quiet and answers the next', async () => {
    const api = clientFor(`http://127.0.0.1:${shell.port}`);
    const errors = vi.spyOn(console, 'error');
    const controller = new AbortController();
    const slow = api['contacts.list']({ query: 'slow' }, { signal: controller.signal });
    // Cancelled once the server has it, as a superseded search usually is.
    await vi.waitFor(() => expect(waiting).toBe(true));
    controller.abort();
    const failure = await slow.then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).not.toBeInstanceOf(ApiError);
    expect((failure as Error).name).toBe('AbortError');
    release();
    const next = await api['contacts.list']({ query: 'ada' });
    expect(next.items.map((c) => c.displayName)).toEqual(['Ada Slowly']);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('answers as before without a signal, and still says so when the server is gone', async () => {
    const api = clientFor(`http://127.0.0.1:${shell.port}`);
    expect((await api['contacts.list']({ query: 'ada' })).total).toBe(1);
    // A port nothing listens on: the abort path must not swallow a real network failure.
    const gone = await startHttpShell({ dispatch: app.context.dispatch, staticDir: tempDir(), port: 0 });
    const port = gone.port;
    await gone.close();
    const offline = clientFor(`http://127.0.0.1:${port}`);
    await expect(offline['contacts.list']({ query: 'ada' })).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('Could not reach the Followthrough server'),
    });
  });
});
