import { useId, useState } from 'react';
import type { InsightsReport, ReplyDimension } from '../../../shared/domain/insights.ts';
import { SMALL_SAMPLE } from '../../../shared/domain/insights-constants.ts';
import { BarList, FigureTable, NumberButton, type PickFigure } from './BarList.tsx';
import { ChartCard } from './ChartCard.tsx';
import { definitionOf, formatHours, replyFigures } from './figures.ts';

/** The cards of reply rates, in the order the screen shows them. */
const RATE_CARDS: { title: string; dimensions: [ReplyDimension, string][] }[] = [
  { title: 'By channel', dimensions: [['channel', 'Channel']] },
  { title: 'By purpose', dimensions: [['purpose', 'Purpose']] },
  {
    title: 'By when you sent it',
    dimensions: [
      ['weekday', 'Weekday'],
      ['hour', 'Hour'],
    ],
  },
  {
    title: 'By pacing and template',
    dimensions: [
      ['pacing', 'Pacing'],
      ['template', 'Template variant'],
    ],
  },
];

/** "What works?": reply rates by what a message was, and when and how it was sent. */
export function WhatWorksSection({ report, onPick }: { report: InsightsReport; onPick: PickFigure }) {
  const headingId = useId();
  const rt = report.replyTime;
  return (
    <section className="insights-section" aria-labelledby={headingId}>
      <h2 id={headingId}>What gets replies?</h2>
      <p className="insights-section-note">
        Bars are reply rates. Where fewer than {SMALL_SAMPLE} messages were sent, only the counts are shown.
        Median time to a reply:{' '}
        {rt.replied > 0 ? (
          <>
            <strong>{formatHours(rt.medianHours)}</strong>, over{' '}
            <NumberButton
              value={rt.replied}
              label="messages answered"
              onClick={() => onPick({ measure: 'replyTime' }, 'Messages answered', rt.replied)}
            />{' '}
            answered.
          </>
        ) : (
          'no replies yet.'
        )}
      </p>
      <div className="insights-grid insights-grid-2">
        {RATE_CARDS.map(({ title, dimensions }) => (
          <RateCard key={title} report={report} onPick={onPick} title={title} dimensions={dimensions} />
        ))}
      </div>
    </section>
  );
}

/** One card of reply rates; with two dimensions, a switch between them keeps the card small. */
function RateCard({
  report,
  onPick,
  title,
  dimensions,
}: {
  report: InsightsReport;
  onPick: PickFigure;
  title: string;
  dimensions: [ReplyDimension, string][];
}) {
  const [shown, setShown] = useState(0);
  const [by, name] = dimensions[shown] ?? dimensions[0] ?? ['channel', 'Channel'];
  const figures = replyFigures(report, by);
  const empty =
    by === 'template'
      ? 'No message in this period came from a template variant the composer recorded.'
      : 'No messages sent in this period.';
  return (
    <ChartCard
      title={title}
      definition={definitionOf('replyRate')}
      lead={
        dimensions.length > 1 ? (
          <fieldset className="insight-switch">
            <legend className="visually-hidden">{title}</legend>
            {dimensions.map(([key, label], i) => (
              <button key={key} type="button" aria-pressed={i === shown} onClick={() => setShown(i)}>
                {label}
              </button>
            ))}
          </fieldset>
        ) : null
      }
      chart={
        <BarList
          figures={figures}
          label={`Reply rate by ${name.toLowerCase()}`}
          countWord="replied"
          ofWord="sent"
          onPick={onPick}
          empty={empty}
        />
      }
      table={() =>
        figures.length === 0 ? (
          <p className="insight-empty">{empty}</p>
        ) : (
          <FigureTable
            figures={figures}
            caption={`Reply rate by ${name.toLowerCase()}`}
            itemHeading={name}
            countWord="replied"
            ofWord="sent"
            onPick={onPick}
          />
        )
      }
    />
  );
}
