import type { ApiClient, CallOptions, Invoke } from './contract.ts';
import { METHOD_NAMES } from './methods.ts';

/**
 * Builds the typed client from any transport, so the renderer has one client whatever the shell
 * (IPC in Electron, fetch in the browser). Imports only types from the contract: no zod here.
 */
export function createApiClient(invoke: Invoke): ApiClient {
  const client = {} as Record<string, (input: unknown, options?: CallOptions) => Promise<unknown>>;
  for (const name of METHOD_NAMES) client[name] = (input, options) => invoke(name, input as never, options);
  return client as ApiClient;
}
