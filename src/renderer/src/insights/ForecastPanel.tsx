import './ForecastPanel.css';
import { useId, useState } from 'react';
import type { MethodInput } from '../../../shared/api/contract.ts';
import type { Forecast, ForecastDay } from '../../../shared/domain/forecast.ts';
import { useApiData } from '../api/useApiData.ts';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { parseRate } from './forecastRate.ts';

export type ForecastOverrides = NonNullable<MethodInput<'insights.forecast'>['settings']>;

const HORIZONS = [30, 60, 90] as const;
/** A saved change anywhere may change what the coming days ask. */
const TOPICS = ['contacts', 'interactions', 'followups', 'settings'] as const;

const dayLabel = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
// Forecast days are local days (YYYY-MM-DD): read at noon UTC, named in UTC, they stay that day.
const nameDay = (date: string) => dayLabel.format(new Date(`${date}T12:00:00Z`));
const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * "What will the next 30 (60, 90) days ask of me?": prompts per day against the daily budget,
 * from insights.forecast (the engine run forward on a copy; nothing is written). `settings`
 * are unsaved values to try (pacing, caps, budget, working days): the forecast follows them at
 * once. Bars are SVG drawn here (no chart library), with the same figures as a table.
 */
export function ForecastPanel({
  settings,
  initialDays = 30,
}: {
  settings?: ForecastOverrides | undefined;
  initialDays?: (typeof HORIZONS)[number];
}) {
  const [days, setDays] = useState<number>(initialDays);
  // The reply rate as typed (a percentage); empty means "my own".
  const [rateText, setRateText] = useState('');
  const [rate, setRate] = useState<number | undefined>(undefined);
  const [asTable, setAsTable] = useState(false);
  const rateId = useId();
  const headingId = useId();
  const rateInvalid = rateText.trim() !== '' && parseRate(rateText) === null;

  const query = {
    days,
    ...(rate === undefined ? {} : { replyRate: rate }),
    ...(settings ? { settings } : {}),
  };
  const forecast = useApiData<Forecast>(
    `forecast:${JSON.stringify(query)}`,
    (api) => api['insights.forecast'](query),
    TOPICS,
  );

  const commitRate = () => {
    const parsed = parseRate(rateText);
    if (rateText.trim() === '') setRate(undefined);
    else if (parsed !== null) setRate(parsed);
  };

  const f = forecast.data;
  return (
    <section className="forecast-panel" aria-labelledby={headingId} aria-busy={forecast.loading}>
      <header className="forecast-header">
        <h3 id={headingId}>What the next {days} days will ask of you</h3>
        <fieldset className="forecast-horizon">
          <legend className="visually-hidden">Days ahead</legend>
          {HORIZONS.map((n) => (
            <label key={n} className={n === days ? 'forecast-chip is-selected' : 'forecast-chip'}>
              <input
                type="radio"
                name={`${headingId}-days`}
                value={n}
                checked={n === days}
                onChange={() => setDays(n)}
              />
              {n} days
            </label>
          ))}
        </fieldset>
        <label className="forecast-rate" htmlFor={rateId}>
          Reply rate
          <input
            id={rateId}
            className="input"
            inputMode="decimal"
            placeholder={f ? `${Math.round(f.assumptions.replyRate.value * 100)} (yours)` : 'yours'}
            value={rateText}
            aria-invalid={rateInvalid}
            aria-describedby={rateInvalid ? `${rateId}-error` : undefined}
            onChange={(e) => setRateText(e.target.value)}
            onBlur={commitRate}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitRate();
            }}
          />
          %
        </label>
        <button type="button" className="forecast-toggle" onClick={() => setAsTable(!asTable)}>
          {asTable ? 'Show as chart' : 'Show as table'}
        </button>
      </header>
      {rateInvalid ? (
        <p id={`${rateId}-error`} className="forecast-error">
          The reply rate must be a number from 0 to 100, or empty for your own.
        </p>
      ) : null}
      <ErrorBanner error={forecast.error} onRetry={forecast.reload} title="The forecast could not be made" />
      {f ? (
        <>
          <ForecastSummaryText forecast={f} />
          {asTable ? <ForecastTable days={f.days} /> : <ForecastBars days={f.days} />}
        </>
      ) : forecast.loading ? (
        <p className="forecast-note">Running the coming days forward…</p>
      ) : null}
    </section>
  );
}

function ForecastSummaryText({ forecast: f }: { forecast: Forecast }) {
  const s = f.summary;
  const a = f.assumptions;
  const peak = f.peaks[0];
  const source =
    a.replyRate.source === 'given'
      ? 'as set'
      : a.replyRate.source === 'history'
        ? 'your own, past year'
        : 'too few of yours to say, so assumed';
  return (
    <div className="forecast-summary">
      <p>
        {peak
          ? `Busiest: ${nameDay(peak.date)} with ${peak.prompts} prompt${peak.prompts === 1 ? '' : 's'}. `
          : 'No prompts in this period. '}
        {s.daysOverBudget === 0
          ? `Every working day fits your budget of ${a.dailyBudget}.`
          : `${s.daysOverBudget} working day${s.daysOverBudget === 1 ? '' : 's'} over your budget of ${a.dailyBudget}; the rest wait for the next days.`}
      </p>
      <ul className="forecast-figures">
        <li>
          <strong>{s.newContacts}</strong> new people at {a.capturesPerWeek.value} a week
          {s.refreshedWithin48h === null ? '' : `, ${percent(s.refreshedWithin48h)} written to within 48 h`}
        </li>
        <li>
          At most <strong>{s.maxTouchesPer30Days}</strong> nudges to one person in 30 days (cap {s.touchCap})
        </li>
        <li>
          <strong>{s.cyclesWaiting}</strong> follow-ups still waiting at the end
          {s.openCyclesAtEnd > 0 ? `, ${s.openCyclesAtEnd} with nothing planned to end them` : ''}
        </li>
        <li>
          Replies: {percent(a.replyRate.value)} ({source})
        </li>
      </ul>
    </div>
  );
}

const BAR_W = 10;
const CHART_H = 120;

/** One bar a day: done within the budget, and what waits above it; the budget as a line. */
function ForecastBars({ days }: { days: ForecastDay[] }) {
  const budget = Math.max(0, ...days.map((d) => d.budget));
  const top = Math.max(1, budget, ...days.map((d) => d.prompts));
  const y = (n: number) => CHART_H - (n / top) * CHART_H;
  const width = days.length * BAR_W;
  return (
    <figure className="forecast-chart">
      <svg
        viewBox={`0 0 ${width} ${CHART_H}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`Prompts a day for ${days.length} days against a daily budget of ${budget}; the table has each day.`}
      >
        {days.map((d, i) => {
          const within = Math.min(d.prompts, d.budget);
          return (
            <g key={d.date}>
              <title>
                {`${nameDay(d.date)}: ${d.workingDay ? `${d.prompts} prompts, budget ${d.budget}` : 'day off'}`}
              </title>
              {d.workingDay ? null : (
                <rect className="forecast-off" x={i * BAR_W} y={0} width={BAR_W} height={CHART_H} />
              )}
              <rect
                className="forecast-within"
                x={i * BAR_W + 1}
                y={y(within)}
                width={BAR_W - 2}
                height={CHART_H - y(within)}
              />
              {d.prompts > d.budget ? (
                <rect
                  className="forecast-over"
                  x={i * BAR_W + 1}
                  y={y(d.prompts)}
                  width={BAR_W - 2}
                  height={y(within) - y(d.prompts)}
                />
              ) : null}
            </g>
          );
        })}
        <line className="forecast-budget" x1={0} x2={width} y1={y(budget)} y2={y(budget)} />
      </svg>
      <figcaption className="forecast-legend">
        <span className="forecast-key forecast-key-within" /> within the budget
        <span className="forecast-key forecast-key-over" /> over it, waiting
        <span className="forecast-key forecast-key-budget" /> daily budget ({budget})
        <span className="forecast-range">
          {days.length > 0 ? `${nameDay(days[0]!.date)} – ${nameDay(days.at(-1)!.date)}` : ''}
        </span>
      </figcaption>
    </figure>
  );
}

function ForecastTable({ days }: { days: ForecastDay[] }) {
  return (
    <div className="forecast-table-wrap">
      <table className="forecast-table">
        <caption className="visually-hidden">Prompts a day against the daily budget</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Prompts</th>
            <th scope="col">Budget</th>
            <th scope="col">Done</th>
            <th scope="col">Waiting</th>
            <th scope="col">New people</th>
            <th scope="col">Replies</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.date} className={d.workingDay && d.prompts > d.budget ? 'is-over' : undefined}>
              <th scope="row">{nameDay(d.date)}</th>
              {d.workingDay ? (
                <>
                  <td>{d.prompts}</td>
                  <td>{d.budget}</td>
                  <td>{d.done}</td>
                  <td>{d.waiting}</td>
                </>
              ) : (
                <td colSpan={4} className="forecast-off-cell">
                  day off
                </td>
              )}
              <td>{d.captured}</td>
              <td>{d.replies}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
