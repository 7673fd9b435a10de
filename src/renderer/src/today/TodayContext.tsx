import { createContext, type ReactNode, useContext, useEffect } from 'react';
import type { TodayView } from '../../../shared/domain/followup.ts';
import { usePush } from '../api/ApiContext.tsx';
import { type ApiData, useApiData } from '../api/useApiData.ts';

const TodayContext = createContext<ApiData<TodayView> | null>(null);

/** Steps fall due as time passes, not only when data changes: look again this often. */
const REFRESH_MS = 5 * 60_000;

/**
 * The Today view, loaded once for the start page and the sidebar's count. It reloads when
 * anything it shows changes, when main announces reminders, when the window comes back into
 * view, and every few minutes.
 */
export function TodayProvider({ children }: { children: ReactNode }) {
  const today = useApiData('followups.today', (api) => api['followups.today']({}), [
    'followups',
    'contacts',
    'interactions',
    'settings',
  ]);
  const { reload } = today;

  usePush('reminders', reload);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.clearInterval(timer);
    };
  }, [reload]);

  // The browser tab (and the window's title in the taskbar) carries the count, like a mail client.
  const due = dueCount(today.data);
  useEffect(() => {
    document.title = due > 0 ? `(${due}) Followthrough` : 'Followthrough';
  }, [due]);

  return <TodayContext value={today}>{children}</TodayContext>;
}

export function useToday(): ApiData<TodayView> {
  const value = useContext(TodayContext);
  if (!value) throw new Error('useToday must be used inside <TodayProvider>');
  return value;
}

/** What the sidebar counts: steps due now that are not held back by the daily budget. */
export function dueCount(view: TodayView | undefined): number {
  return view ? view.overdue.length + view.dueToday.length : 0;
}
