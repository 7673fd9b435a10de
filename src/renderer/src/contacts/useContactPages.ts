import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { ContactListQuery, ContactSummary } from '../../../shared/domain/contact.ts';
import { useApi } from '../api/ApiContext.tsx';
import { useOnChange } from '../api/changes.ts';
import { toApiError } from '../api/errors.ts';

export const PAGE_SIZE = 100;

export type PageQuery = Omit<ContactListQuery, 'offset' | 'limit'>;

interface Loaded {
  key: string;
  query: PageQuery;
  total: number;
  truncated: boolean;
  /** page index → rows, with the freshness they were loaded at. */
  pages: Map<number, { freshness: number; items: ContactSummary[] }>;
}

/** The requests of one query: cancelled together once a newer query asks. */
interface Flight {
  key: string;
  controller: AbortController;
  /** page#freshness of the requests not answered yet, so each is asked once. */
  pages: Set<string>;
}

export interface ContactPages {
  /** null until the first page of the current query has arrived. */
  total: number | null;
  /** The server kept only the best matches of a very broad search (a letter or two). */
  truncated: boolean;
  /** The key of the query whose rows are shown; lags `key` while a new query is in flight. */
  shownKey: string | null;
  /** That query itself, so labels ("12 matches") describe the rows on screen, not the typing. */
  shownQuery: PageQuery | null;
  rowAt: (index: number) => ContactSummary | undefined;
  /** Ask for the rows in [start, end]; pages load once and are reused. */
  ensureRange: (start: number, end: number) => void;
  /**
   * Ask for a query's first page now, ahead of the render that will pass it in: the search box
   * calls this from the keystroke itself, so the trip to the service overlaps React's work.
   */
  request: (query: PageQuery) => void;
  error: ApiError | undefined;
  retry: () => void;
}

/**
 * Loads a 50,000-row list a page at a time, as the user scrolls. A new query keeps the old rows
 * on screen until its first page arrives (no flash while typing); answers to superseded queries
 * are dropped; a change elsewhere marks loaded pages stale and the visible ones reload.
 */
export function useContactPages(query: PageQuery): ContactPages {
  const api = useApi();
  const key = JSON.stringify(query);
  const queryRef = useRef(query);
  queryRef.current = query;
  const keyRef = useRef(key);
  keyRef.current = key;

  const loaded = useRef<Loaded | null>(null);
  const flight = useRef<Flight | null>(null);
  const freshness = useRef(0);
  const [error, setError] = useState<ApiError>();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [attempt, setAttempt] = useState(0);

  const fetchPage = useCallback(
    (forQuery: PageQuery, page: number) => {
      const forKey = JSON.stringify(forQuery);
      // Latest wins: the first request for a new query cancels everything still in flight for
      // the one before (each keystroke asks at once, so typing fast must not queue up work).
      if (flight.current?.key !== forKey) {
        flight.current?.controller.abort();
        flight.current = { key: forKey, controller: new AbortController(), pages: new Set() };
      }
      const mine = flight.current;
      const stamp = freshness.current;
      const flightId = `${page}#${stamp}`;
      if (mine.pages.has(flightId)) return;
      mine.pages.add(flightId);
      const input = { ...forQuery, offset: page * PAGE_SIZE, limit: PAGE_SIZE };
      const superseded = () => flight.current !== mine || forKey !== keyRef.current;
      api['contacts.list'](input, { signal: mine.controller.signal })
        .then((result) => {
          // Only the latest query may write; a slow answer for an older one is dropped (IPC
          // cannot cancel, so its answers still arrive).
          if (superseded()) return;
          const current = loaded.current?.key === forKey ? loaded.current : null;
          const pages = current ? current.pages : new Map();
          pages.set(page, { freshness: stamp, items: result.items });
          loaded.current = {
            key: forKey,
            query: forQuery,
            total: result.total,
            truncated: result.truncated === true,
            pages,
          };
          setError(undefined);
          rerender();
        })
        .catch((e: unknown) => {
          if (!superseded()) setError(toApiError(e));
        })
        .finally(() => mine.pages.delete(flightId));
    },
    [api],
  );

  // Leaving the screen cancels what it was still waiting for.
  useEffect(
    () => () => {
      flight.current?.controller.abort();
      flight.current = null;
    },
    [],
  );

  // A first page already asked for by `request` is in flight under the same key: not asked twice.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the query; `attempt` is the retry trigger
  useEffect(() => {
    fetchPage(queryRef.current, 0);
  }, [key, fetchPage, attempt]);

  useOnChange(['contacts', 'events', 'interactions'], () => {
    freshness.current += 1;
    rerender();
    fetchPage(queryRef.current, 0);
  });

  const request = useCallback(
    (next: PageQuery) => {
      // The same search (a trailing space): its rows are on screen or on their way.
      if (JSON.stringify(next) !== keyRef.current) fetchPage(next, 0);
    },
    [fetchPage],
  );

  const current = loaded.current;
  const ensureRange = useCallback(
    (start: number, end: number) => {
      const state = loaded.current;
      if (!state || state.key !== key) return;
      const first = Math.max(0, Math.floor(start / PAGE_SIZE));
      const last = Math.floor(Math.max(start, end) / PAGE_SIZE);
      for (let page = first; page <= last; page++) {
        const have = state.pages.get(page);
        if (!have || have.freshness !== freshness.current) fetchPage(queryRef.current, page);
      }
    },
    [key, fetchPage],
  );

  const rowAt = useCallback(
    (index: number) => loaded.current?.pages.get(Math.floor(index / PAGE_SIZE))?.items[index % PAGE_SIZE],
    [],
  );

  return {
    total: current ? current.total : null,
    truncated: current?.truncated ?? false,
    shownKey: current ? current.key : null,
    shownQuery: current ? current.query : null,
    rowAt,
    ensureRange,
    request,
    error,
    retry: () => {
      setError(undefined);
      setAttempt((n) => n + 1);
    },
  };
}
