import { createApiClient } from '../../../shared/api/client.ts';
import type { ApiClient } from '../../../shared/api/contract.ts';
import { takeAccessToken } from './token.ts';
import { httpTransport, ipcTransport } from './transport.ts';

export type ClientSetup =
  | { kind: 'ready'; api: ApiClient; shell: 'ipc' | 'http' }
  | { kind: 'missing-token' };

/** One client for the whole app; the transport is chosen once, at start-up. */
export function createClient(onUnauthorized: () => void): ClientSetup {
  if (window.followthrough) {
    return { kind: 'ready', api: createApiClient(ipcTransport(window.followthrough)), shell: 'ipc' };
  }
  const token = takeAccessToken();
  if (!token) return { kind: 'missing-token' };
  return { kind: 'ready', api: createApiClient(httpTransport(token, onUnauthorized)), shell: 'http' };
}
