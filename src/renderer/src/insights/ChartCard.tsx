import { type ReactNode, useId, useState } from 'react';

/**
 * One question on the screen: its title, what the measure means in words (a disclosure, so the
 * screen stays calm), and the chart with its text table behind a toggle. The table is the
 * accessible form of a drawn chart, and the one a screen reader gets first-class.
 */
export function ChartCard({
  title,
  definition,
  figure,
  lead,
  chart,
  table,
  className,
}: {
  title: string;
  definition: string | undefined;
  /** The headline number, shown beside the title. */
  figure?: ReactNode;
  /** Shown above the chart and its table alike (figures that are text already). */
  lead?: ReactNode;
  chart: ReactNode;
  /** Absent when the chart is text already (figures as numbers). */
  table?: () => ReactNode;
  className?: string;
}) {
  const headingId = useId();
  const [asTable, setAsTable] = useState(false);
  return (
    <section className={['insight-card', className].filter(Boolean).join(' ')} aria-labelledby={headingId}>
      <header className="insight-card-header">
        <h3 id={headingId}>{title}</h3>
        {figure ? <div className="insight-card-figure">{figure}</div> : null}
        {table ? (
          <button type="button" className="insight-toggle" onClick={() => setAsTable(!asTable)}>
            {asTable ? 'Show as chart' : 'Show as table'}
          </button>
        ) : null}
      </header>
      {lead}
      {asTable && table ? table() : chart}
      {definition ? (
        <details className="insight-definition">
          <summary>What this means</summary>
          <p>{definition}</p>
        </details>
      ) : null}
    </section>
  );
}
