import { createContext, type ReactNode, useContext, useEffect, useRef } from 'react';
import type { BridgeEvent } from '../../../shared/api/bridge.ts';
import type { ApiClient } from '../../../shared/api/contract.ts';
import { noPushes, type PushListener, type PushSource } from './pushes.ts';

const ApiContext = createContext<ApiClient | null>(null);
const PushContext = createContext<PushSource>(noPushes);

export function ApiProvider({
  api,
  pushes,
  children,
}: {
  api: ApiClient;
  pushes: PushSource;
  children: ReactNode;
}) {
  return (
    <ApiContext value={api}>
      <PushContext value={pushes}>{children}</PushContext>
    </ApiContext>
  );
}

export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiProvider>');
  return api;
}

/** Listens to one push from main for as long as the component is mounted. */
export function usePush<E extends BridgeEvent>(event: E, listener: PushListener<E>): void {
  const pushes = useContext(PushContext);
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => pushes.on(event, (payload) => latest.current(payload)), [pushes, event]);
}
