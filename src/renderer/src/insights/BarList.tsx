import type { InsightsMeasure } from '../../../shared/domain/insights.ts';
import { type Figure, formatShare } from './figures.ts';

export type PickFigure = (measure: InsightsMeasure, title: string, count: number) => void;

/**
 * Horizontal bars as HTML buttons, not canvas: a bar is then focusable, named by its text,
 * themed by CSS variables, and clicking it lists the people behind it. A sample too small to be
 * a rate is shown as its counts, with no bar (a rate of 1 in 2 is luck, not what works).
 */
export function BarList({
  figures,
  label,
  countWord,
  ofWord,
  onPick,
  empty = 'Nothing in this period yet.',
}: {
  figures: Figure[];
  label: string;
  /** "replied", "followed up": what the count counts. */
  countWord: string;
  /** "sent", "met": what it is out of. */
  ofWord: string;
  onPick: PickFigure;
  empty?: string;
}) {
  if (figures.length === 0) return <p className="insight-empty">{empty}</p>;
  return (
    <ul className="bar-list" aria-label={label}>
      {figures.map((f) => {
        const small = f.share === null || f.share === undefined;
        return (
          <li key={f.key} className={small ? 'bar-row is-small' : 'bar-row'}>
            <button
              type="button"
              className="bar-main"
              onClick={() => onPick(f.measure, `${f.label}: ${countWord}`, f.count)}
            >
              <span className="bar-label" title={f.label}>
                {f.label}
              </span>
              <span className="bar-track" aria-hidden="true">
                {small ? null : (
                  <span className="bar-fill" style={{ width: `${Math.round((f.share ?? 0) * 100)}%` }} />
                )}
              </span>
              <span className="bar-share">{small ? 'too few' : formatShare(f.share)}</span>
              <span className="visually-hidden">
                {small ? ', too few for a rate' : ''}, {f.count} {countWord}
              </span>
            </button>
            {f.ofMeasure && f.of !== undefined ? (
              <button
                type="button"
                className="bar-of"
                onClick={() => f.ofMeasure && onPick(f.ofMeasure, `${f.label}: ${ofWord}`, f.of ?? 0)}
              >
                <span aria-hidden="true">
                  {f.count} of {f.of}
                </span>
                <span className="visually-hidden">
                  {f.label}: all {f.of} {ofWord}
                </span>
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The same figures as a table: every number a button to its people. */
export function FigureTable({
  figures,
  caption,
  itemHeading,
  countWord,
  ofWord,
  onPick,
}: {
  figures: Figure[];
  caption: string;
  itemHeading: string;
  countWord: string;
  ofWord?: string;
  onPick: PickFigure;
}) {
  const withOf = figures.some((f) => f.of !== undefined);
  return (
    <table className="insight-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{itemHeading}</th>
          <th scope="col">{countWord[0]?.toUpperCase() + countWord.slice(1)}</th>
          {withOf ? <th scope="col">{(ofWord ?? '')[0]?.toUpperCase() + (ofWord ?? '').slice(1)}</th> : null}
          {withOf ? <th scope="col">Share</th> : null}
        </tr>
      </thead>
      <tbody>
        {figures.map((f) => (
          <tr key={f.key}>
            <th scope="row">{f.label}</th>
            <td>
              <NumberButton
                value={f.count}
                onClick={() => onPick(f.measure, `${f.label}: ${countWord}`, f.count)}
              />
            </td>
            {withOf ? (
              <td>
                {f.ofMeasure && f.of !== undefined ? (
                  <NumberButton
                    value={f.of}
                    onClick={() => f.ofMeasure && onPick(f.ofMeasure, `${f.label}: ${ofWord}`, f.of ?? 0)}
                  />
                ) : null}
              </td>
            ) : null}
            {withOf ? <td>{f.share === null ? 'too few for a rate' : formatShare(f.share)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function NumberButton({
  value,
  onClick,
  label,
}: {
  value: number;
  onClick: () => void;
  label?: string;
}) {
  return (
    <button type="button" className="number-button" onClick={onClick} disabled={value === 0}>
      {value.toLocaleString()}
      {label ? <span className="visually-hidden"> {label}</span> : null}
    </button>
  );
}

/** Counts as a row of numbers, each a button to its people: cycles, promises, network health. */
export function FigureTiles({
  figures,
  label,
  onPick,
}: {
  figures: Figure[];
  label: string;
  onPick: PickFigure;
}) {
  return (
    <ul className="figure-tiles" aria-label={label}>
      {figures.map((f) => (
        <li key={f.key}>
          <button
            type="button"
            className="figure-tile"
            onClick={() => onPick(f.measure, f.label, f.count)}
            disabled={f.count === 0}
          >
            <span className="figure-tile-count">{f.count.toLocaleString()}</span>
            <span className="figure-tile-label">{f.label}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
