import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../../shared/api/contract.ts';
import type { ApiError } from '../../../shared/api/errors.ts';
import { useApi } from './ApiContext.tsx';
import { type ChangeTopic, useOnChange } from './changes.ts';
import { toApiError } from './errors.ts';

export interface ApiData<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  /** Replace the data with what a mutation returned, without a round trip. */
  set: (value: T) => void;
}

/**
 * Loads something from the API and keeps it fresh: reloads when `key` changes or when one of
 * `topics` changes. Answers to superseded requests are dropped so a slow reply never wins.
 */
export function useApiData<T>(
  key: string,
  load: (api: ApiClient) => Promise<T>,
  topics: readonly ChangeTopic[] = [],
  /** false holds the request back (e.g. until more urgent data has arrived). */
  enabled = true,
): ApiData<T> {
  const api = useApi();
  const [state, setState] = useState<{ key: string; data?: T; error?: ApiError; loading: boolean }>({
    key,
    loading: true,
  });
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(() => {
    if (!enabled) return;
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true }));
    loadRef.current(api).then(
      (data) => {
        if (mine === generation.current) setState({ key, data, loading: false });
      },
      (error: unknown) => {
        if (mine === generation.current) setState({ key, error: toApiError(error), loading: false });
      },
    );
  }, [api, key, enabled]);

  useEffect(run, [run]);
  useOnChange(topics, run);

  // Data from a previous key must not flash while the new key loads.
  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: !current || state.loading,
    reload: run,
    set: (data: T) => setState({ key, data, loading: false }),
  };
}
