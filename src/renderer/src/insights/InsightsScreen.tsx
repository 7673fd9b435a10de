import { useEffect, useMemo, useState } from 'react';
import type { InsightsReport } from '../../../shared/domain/insights.ts';
import { insightsCsv } from '../../../shared/domain/insights-csv.ts';
import { useApiData } from '../api/useApiData.ts';
import { saveTextFile } from '../files/saveFile.ts';
import { plural } from '../format/text.ts';
import { useToday } from '../today/TodayContext.tsx';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { useToast } from '../ui/Toast.tsx';
import type { PickFigure } from './BarList.tsx';
import { FollowingUpSection } from './FollowingUpSection.tsx';
import { ForecastPanel } from './ForecastPanel.tsx';
import { InsightsFilterBar } from './InsightsFilterBar.tsx';
import { type InsightsFilters, insightsPath, insightsQuery, readInsightsUrl } from './insightsUrl.ts';
import { NetworkSection } from './NetworkSection.tsx';
import { PeopleDialog, type PeopleRequest } from './PeopleDialog.tsx';
import { WhatWorksSection } from './WhatWorksSection.tsx';
import './insights.css';

/** Everything the report reads from: a change to any of them can move a figure. */
const TOPICS = ['contacts', 'interactions', 'followups', 'events', 'settings'] as const;

/**
 * Am I following up, and what works? A handful of figures from insights.report, each number a
 * button to the people behind it. The filters live in the address, as the calendar's do.
 */
export function InsightsScreen({ params }: { params: URLSearchParams }) {
  const toast = useToast();
  const today = useToday().data?.today;
  // Read once: afterwards the screen writes the address, not the other way round.
  const [filters, setFilters] = useState<InsightsFilters>(() => readInsightsUrl(params));
  const [people, setPeople] = useState<PeopleRequest | null>(null);
  const query = useMemo(() => (today ? insightsQuery(filters, today) : null), [filters, today]);
  const report = useApiData<InsightsReport>(
    `insights:${JSON.stringify(query)}`,
    (api) => api['insights.report'](query ?? {}),
    TOPICS,
    query !== null,
  );

  // Replaced, not pushed: trying filters should not fill Back with every one tried.
  useEffect(() => {
    const hash = `#${insightsPath(filters)}`;
    if (window.location.hash.startsWith('#/insights') && window.location.hash !== hash)
      window.history.replaceState(window.history.state, '', hash);
  }, [filters]);

  const pick: PickFigure = (measure, title, count) => {
    if (count > 0) setPeople({ measure, title, count });
  };

  const exportCsv = async () => {
    if (!report.data) return;
    const outcome = await saveTextFile(
      `insights-${report.data.period.to}.csv`,
      insightsCsv(report.data),
      'text/csv',
    );
    if (outcome.kind === 'saved') toast({ tone: 'success', message: `Saved ${outcome.path}` });
  };

  const data = report.data;
  return (
    <div className="screen insights-screen">
      <header className="screen-header insights-header">
        <div className="screen-title">
          <h1>Insights</h1>
          <span className="screen-count">
            {data ? `${plural(data.followThrough.met, 'person', 'people')} met` : ''}
          </span>
        </div>
        <div className="insights-actions">
          <InsightsFilterBar value={filters} onChange={setFilters} />
          <Button size="sm" icon="download" onClick={() => void exportCsv()} disabled={!data}>
            Export CSV
          </Button>
        </div>
      </header>
      <div className="insights-body" aria-busy={!data && !report.error}>
        {report.error ? (
          <ErrorBanner error={report.error} title="Could not work out the figures" onRetry={report.reload} />
        ) : null}
        {data ? (
          <>
            <FollowingUpSection report={data} onPick={pick} />
            <WhatWorksSection report={data} onPick={pick} />
            <NetworkSection report={data} onPick={pick} />
            <section className="insights-section" aria-labelledby="insights-forecast-heading">
              <h2 id="insights-forecast-heading">What comes next?</h2>
              <ForecastPanel />
            </section>
            {data.excluded.unreviewedImports > 0 ? (
              <p className="insights-note">
                <button
                  type="button"
                  className="insights-link-button"
                  onClick={() =>
                    pick(
                      { measure: 'unreviewedImports' },
                      'Imported, not yet reviewed',
                      data.excluded.unreviewedImports,
                    )
                  }
                >
                  {plural(data.excluded.unreviewedImports, 'imported contact')}
                </button>{' '}
                not yet reviewed {data.excluded.unreviewedImports === 1 ? 'is' : 'are'} left out of every
                figure until you review {data.excluded.unreviewedImports === 1 ? 'it' : 'them'}.
              </p>
            ) : null}
          </>
        ) : null}
      </div>
      {people && query ? (
        <PeopleDialog request={people} query={query} onClose={() => setPeople(null)} />
      ) : null}
    </div>
  );
}
