import { useId, useMemo } from 'react';
import type { InsightsReport } from '../../../shared/domain/insights.ts';
import { formatDayLong, parseIsoDate } from '../format/dates.ts';
import { FigureTiles, NumberButton, type PickFigure } from './BarList.tsx';
import { ChartCard } from './ChartCard.tsx';
import { cycleFigures, definitionOf, networkFigures, promiseFigures, touchFigures } from './figures.ts';
import { LineChart } from './LineChart.tsx';

/** Cycles, promises and the network as compact figures: counts to click, not charts to read. */
export function NetworkSection({ report, onPick }: { report: InsightsReport; onPick: PickFigure }) {
  const headingId = useId();
  const { mine, theirs } = promiseFigures(report);
  return (
    <section className="insights-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Cycles, promises and your network</h2>
      <div className="insights-grid insights-grid-3">
        <ChartCard
          title="Cycles"
          definition={`${definitionOf('cycles') ?? ''} ${definitionOf('cycleTouches') ?? ''}`.trim()}
          chart={
            <>
              <h4 className="insight-subhead">How they ended</h4>
              <FigureTiles figures={cycleFigures(report)} label="Cycles by how they ended" onPick={onPick} />
              <h4 className="insight-subhead">Touches each took</h4>
              <FigureTiles figures={touchFigures(report)} label="Cycles by touches" onPick={onPick} />
            </>
          }
        />
        <ChartCard
          title="Promises"
          definition={definitionOf('promises')}
          chart={
            <>
              <h4 className="insight-subhead">Yours</h4>
              <FigureTiles figures={mine} label="Your promises" onPick={onPick} />
              <h4 className="insight-subhead">Theirs</h4>
              <FigureTiles figures={theirs} label="Their promises" onPick={onPick} />
            </>
          }
        />
        <BacklogCard report={report} onPick={onPick} />
      </div>
    </section>
  );
}

function BacklogCard({ report, onPick }: { report: InsightsReport; onPick: PickFigure }) {
  const backlog = report.network.backlog;
  const spec = useMemo(
    () => ({
      xs: backlog.map((b) => parseIsoDate(b.week).getTime() / 1000),
      series: [
        { label: 'Overdue', values: backlog.map((b) => b.overdue), color: '--cal-promise', area: true },
      ],
      yFormat: (v: number) => (Number.isInteger(v) ? String(v) : ''),
      height: 120,
    }),
    [backlog],
  );
  const pickWeek = (index: number) => {
    const b = backlog[index];
    if (b)
      onPick(
        { measure: 'backlog', week: b.week },
        `Overdue at the end of the week of ${formatDayLong(b.week)}`,
        b.overdue,
      );
  };
  return (
    <ChartCard
      title="Network health"
      definition={definitionOf('network')}
      lead={<FigureTiles figures={networkFigures(report)} label="Network health" onPick={onPick} />}
      chart={
        backlog.length > 1 ? (
          <>
            <h4 className="insight-subhead">Overdue backlog, week by week</h4>
            <LineChart
              spec={{ ...spec, onPick: pickWeek }}
              label="Overdue follow-ups at the end of each week; the table lists them"
            />
          </>
        ) : null
      }
      table={
        backlog.length > 1
          ? () => (
              <table className="insight-table">
                <caption className="visually-hidden">Overdue backlog week by week</caption>
                <thead>
                  <tr>
                    <th scope="col">Week of</th>
                    <th scope="col">Overdue</th>
                  </tr>
                </thead>
                <tbody>
                  {backlog.map((b) => (
                    <tr key={b.week}>
                      <th scope="row">{formatDayLong(b.week)}</th>
                      <td>
                        <NumberButton
                          value={b.overdue}
                          onClick={() =>
                            onPick(
                              { measure: 'backlog', week: b.week },
                              `Overdue at the end of the week of ${formatDayLong(b.week)}`,
                              b.overdue,
                            )
                          }
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          : undefined
      }
    />
  );
}
