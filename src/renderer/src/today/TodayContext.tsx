import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import type { TodayView } from '../../../shared/domain/followup.ts';
import { usePush } from '../api/ApiContext.tsx';
import { type ApiData, useApiData } from '../api/useApiData.ts';
import { useRoute } from '../app/router.ts';

const TodayContext = createContext<ApiData<TodayView> | null>(null);

/** Steps fall due as time passes, not only when data changes: look again this often. */
const REFRESH_MS = 5 * 60_000;

/**
 * The Today view, loaded once for the start page and the sidebar's count. It reloads when
 * anything it shows changes, when main announces reminders, when the window comes back into
 * view, and every few minutes.
 */
/** Off the start page, the sidebar's count waits this long so the opened screen's data comes first. */
const BADGE_DELAY_MS = 400;

export function TodayProvider({ children }: { children: ReactNode }) {
  // The local server answers requests in order: on another screen (a contacts list of 50,000),
  // its first page must not queue behind Today's. On the start page Today loads at once.
  const onToday = useRoute().name === 'today';
  const [badgeDue, setBadgeDue] = useState(false);
  useEffect(() => {
    if (onToday) return;
    const timer = window.setTimeout(() => setBadgeDue(true), BADGE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [onToday]);
  const today = useApiData(
    'followups.today',
    (api) => api['followups.today']({}),
    ['followups', 'contacts', 'interactions', 'settings'],
    onToday || badgeDue,
  );
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

/**
 * What the sidebar, the window title and the tray count: today's budget still open (see
 * DueCounts), the number Today's header starts with.
 */
export function dueCount(view: TodayView | undefined): number {
  return view ? view.counts.inBudget : 0;
}
