import { dueCountsText } from '../../../shared/domain/due-counts.ts';
import type { TodayView } from '../../../shared/domain/followup.ts';
import { formatDayHeading } from '../format/dates.ts';
import { Icon } from '../ui/Icon.tsx';

/** The day, and a calm word about the week: only what there is to be glad about, never a zero. */
export function TodayHeader({ view }: { view: TodayView | undefined }) {
  const stats = view?.stats;
  return (
    <header className="screen-header today-header">
      <div className="today-title">
        <h1>Today</h1>
        <p className="today-date">{view ? formatDayHeading(view.today) : '\u00a0'}</p>
        {/* The same words as the CLI and the calendar's today, from the same counts. */}
        {view ? (
          <p className="today-summary" aria-live="polite">
            {dueCountsText(view.counts)}
          </p>
        ) : null}
      </div>
      {stats && stats.doneThisWeek > 0 ? (
        <ul className="today-stats" aria-label="Your week">
          <li className="today-stat">
            <Icon name="check" size={14} />
            <span>
              <strong>{stats.doneThisWeek}</strong> {stats.doneThisWeek === 1 ? 'follow-up' : 'follow-ups'}{' '}
              done this week
            </span>
          </li>
          {stats.streakDays > 1 ? (
            <li className="today-stat">
              <Icon name="sparkle" size={14} />
              <span>
                <strong>{stats.streakDays}</strong>-day streak
              </span>
            </li>
          ) : null}
        </ul>
      ) : null}
    </header>
  );
}
