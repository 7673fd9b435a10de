import { createApiClient } from '../../../shared/api/client.ts';
import type { ApiClient } from '../../../shared/api/contract.ts';
import { httpPushes, ipcPushes, type PushSource } from './pushes.ts';
import { takeAccessToken } from './token.ts';
import { httpTransport, ipcTransport } from './transport.ts';

export type ClientSetup =
  | { kind: 'ready'; api: ApiClient; pushes: PushSource; shell: 'ipc' | 'http' }
  | { kind: 'missing-token' };

/** One client and one push source for the whole app; the transport is chosen once, at start-up. */
export function createClient(onUnauthorized: () => void): ClientSetup {
  const bridge = window.followthrough;
  if (bridge) {
    return {
      kind: 'ready',
      api: createApiClient(ipcTransport(bridge)),
      pushes: ipcPushes(bridge),
      shell: 'ipc',
    };
  }
  const token = takeAccessToken();
  if (!token) return { kind: 'missing-token' };
  return {
    kind: 'ready',
    api: createApiClient(httpTransport(token, onUnauthorized)),
    pushes: httpPushes(token, onUnauthorized),
    shell: 'http',
  };
}
