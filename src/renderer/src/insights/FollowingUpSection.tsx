import { useId, useMemo } from 'react';
import type { InsightsReport } from '../../../shared/domain/insights.ts';
import { formatDayLong, parseIsoDate } from '../format/dates.ts';
import { BarList, FigureTable, NumberButton, type PickFigure } from './BarList.tsx';
import { ChartCard } from './ChartCard.tsx';
import { definitionOf, followThroughFigures, formatHours, formatShare } from './figures.ts';
import { LineChart } from './LineChart.tsx';

/** "Am I following up?": the share of people met who got a first message, and week by week. */
export function FollowingUpSection({ report, onPick }: { report: InsightsReport; onPick: PickFigure }) {
  const headingId = useId();
  const ft = report.followThrough;
  const figures = followThroughFigures(report);
  return (
    <section className="insights-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Am I following up?</h2>
      <div className="insights-grid">
        <ChartCard
          title="First message after meeting"
          definition={definitionOf('followThrough')}
          lead={ft.met > 0 ? <FollowThroughSummary report={report} onPick={onPick} /> : null}
          chart={
            <BarList
              figures={figures}
              label="Share of the people met who got a first message"
              countWord="followed up"
              ofWord="people met"
              onPick={onPick}
              empty="Nobody met in this period."
            />
          }
          table={() => (
            <FigureTable
              figures={figures}
              caption="First message after meeting"
              itemHeading="When"
              countWord="people"
              ofWord="met"
              onPick={onPick}
            />
          )}
        />
        <TrendCard report={report} onPick={onPick} />
      </div>
    </section>
  );
}

/** The headline: how many heard from you at all, against the seeds' baseline, and how soon. */
function FollowThroughSummary({ report, onPick }: { report: InsightsReport; onPick: PickFigure }) {
  const ft = report.followThrough;
  const ever = ft.met - ft.never;
  return (
    <dl className="insight-summary">
      <div>
        <dt>People met</dt>
        <dd>
          <NumberButton
            value={ft.met}
            onClick={() => onPick({ measure: 'followThrough', bucket: 'met' }, 'People met', ft.met)}
          />
        </dd>
      </div>
      <div>
        <dt>Followed up at all</dt>
        <dd>
          <strong>{formatShare(ever / ft.met)}</strong>{' '}
          <span className="muted">(baseline under {formatShare(report.trend.baseline)})</span>
        </dd>
      </div>
      <div>
        <dt>Median time to a first message</dt>
        <dd>
          <strong>{formatHours(ft.medianHours)}</strong>
        </dd>
      </div>
    </dl>
  );
}

function TrendCard({ report, onPick }: { report: InsightsReport; onPick: PickFigure }) {
  const { weeks, baseline } = report.trend;
  const spec = useMemo(
    () => ({
      xs: weeks.map((w) => parseIsoDate(w.week).getTime() / 1000),
      series: [
        { label: 'Within 48 h', values: weeks.map((w) => w.within48hShare), color: '--accent' },
        { label: 'Ever', values: weeks.map((w) => w.everShare), color: '--cal-meeting' },
        { label: 'Baseline', values: weeks.map(() => baseline), color: '--text-faint', dashed: true },
      ],
      yFormat: (v: number) => formatShare(v),
      yMax: 1,
      height: 200,
    }),
    [weeks, baseline],
  );
  const pickWeek = (index: number) => {
    const w = weeks[index];
    if (w)
      onPick(
        { measure: 'trend', week: w.week, bucket: 'met' },
        `Met the week of ${formatDayLong(w.week)}`,
        w.met,
      );
  };
  const small = weeks.filter((w) => w.small).length;
  return (
    <ChartCard
      title="Week by week"
      definition={definitionOf('trend')}
      chart={
        weeks.length === 0 ? (
          <p className="insight-empty">Nobody met in this period.</p>
        ) : (
          <>
            <span className="insight-legend" aria-hidden="true">
              <span className="legend-key legend-accent">Within 48 h</span>
              <span className="legend-key legend-meeting">Ever</span>
              <span className="legend-key legend-baseline">Baseline {formatShare(baseline)}</span>
            </span>
            <LineChart
              spec={{ ...spec, onPick: pickWeek }}
              label={`Share followed up within 48 hours and ever, by week, against the ${formatShare(baseline)} baseline; the table lists the numbers`}
            />
            {small > 0 ? (
              <p className="insight-note">
                {small === 1 ? 'One week' : `${small} weeks`} with fewer than 5 people met{' '}
                {small === 1 ? 'is' : 'are'} not drawn: see the table.
              </p>
            ) : null}
          </>
        )
      }
      table={() => (
        <table className="insight-table">
          <caption className="visually-hidden">Follow-through week by week</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Met</th>
              <th scope="col">Within 48 h</th>
              <th scope="col">Ever</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.week}>
                <th scope="row">{formatDayLong(w.week)}</th>
                <td>
                  <NumberButton
                    value={w.met}
                    onClick={() =>
                      onPick(
                        { measure: 'trend', week: w.week, bucket: 'met' },
                        `Met the week of ${formatDayLong(w.week)}`,
                        w.met,
                      )
                    }
                  />
                </td>
                <td>
                  <NumberButton
                    value={w.within48h}
                    onClick={() =>
                      onPick(
                        { measure: 'trend', week: w.week, bucket: 'within48h' },
                        `Met the week of ${formatDayLong(w.week)}: followed up within 48 h`,
                        w.within48h,
                      )
                    }
                  />{' '}
                  {w.small ? null : <span className="muted">({formatShare(w.within48hShare)})</span>}
                </td>
                <td>
                  <NumberButton
                    value={w.ever}
                    onClick={() =>
                      onPick(
                        { measure: 'trend', week: w.week, bucket: 'ever' },
                        `Met the week of ${formatDayLong(w.week)}: ever followed up`,
                        w.ever,
                      )
                    }
                  />{' '}
                  {w.small ? (
                    <span className="muted">(too few)</span>
                  ) : (
                    <span className="muted">({formatShare(w.everShare)})</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}
