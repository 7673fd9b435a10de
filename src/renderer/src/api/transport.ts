import type { PreloadBridge } from '../../../shared/api/bridge.ts';
import type { Invoke } from '../../../shared/api/contract.ts';
import { ApiError, type Envelope, unwrap } from '../../../shared/api/errors.ts';

/** Electron: the preload's single typed bridge; main validates and answers with an envelope. */
export function ipcTransport(bridge: PreloadBridge): Invoke {
  return async (method, input) => unwrap(await bridge.invoke(method, input)) as never;
}

/**
 * Browser: the loopback HTTP shell. Every answer, success or failure, is an envelope, so the
 * status code only matters for 401 (a missing or stale token), which the app turns into a screen.
 */
export function httpTransport(token: string, onUnauthorized: () => void): Invoke {
  return async (method, input, options) => {
    const signal = options?.signal;
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        signal: signal ?? null,
      });
    } catch (error) {
      // The caller cancelled it (a superseded search): not a server problem, and not shown.
      if (signal?.aborted) throw signal.reason ?? error;
      throw new ApiError(
        'internal',
        'Could not reach the Followthrough server. Is `npm run serve` still running?',
      );
    }
    if (response.status === 401) onUnauthorized();
    let envelope: Envelope<unknown>;
    try {
      envelope = (await response.json()) as Envelope<unknown>;
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error;
      throw new ApiError('internal', `The server answered ${response.status} without a readable body.`);
    }
    return unwrap(envelope) as never;
  };
}
