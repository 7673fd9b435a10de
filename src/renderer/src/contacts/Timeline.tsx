import { CHANNEL_LABELS, DIRECTION_LABELS } from '../../../shared/domain/channels.ts';
import type { Interaction } from '../../../shared/domain/interaction.ts';
import { formatInstant, formatRelative } from '../format/dates.ts';
import { Icon } from '../ui/Icon.tsx';
import { CHANNEL_ICONS } from './channels.ts';
import './timeline.css';

/** Every touchpoint, newest first: what was said, by whom, over which channel, and what came of it. */
export function Timeline({
  interactions,
  onDelete,
}: {
  interactions: Interaction[];
  onDelete: (interaction: Interaction) => void;
}) {
  const sorted = [...interactions].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.id - a.id);
  return (
    <ol className="timeline" aria-label="Interactions">
      {sorted.map((i) => (
        <li key={i.id} className="timeline-item">
          <span className={`timeline-icon is-${i.direction}`} aria-hidden="true">
            <Icon name={CHANNEL_ICONS[i.channel]} size={15} />
          </span>
          <div className="timeline-body">
            <div className="timeline-head">
              <span className="timeline-channel">{CHANNEL_LABELS[i.channel]}</span>
              <span className={`timeline-direction is-${i.direction}`}>
                <Icon name={i.direction === 'outbound' ? 'arrowUpRight' : 'arrowDownLeft'} size={12} />
                {DIRECTION_LABELS[i.direction]}
              </span>
              <time className="timeline-time" dateTime={i.occurredAt} title={formatInstant(i.occurredAt)}>
                {formatRelative(i.occurredAt)}
                <span className="timeline-absolute"> · {formatInstant(i.occurredAt)}</span>
              </time>
              <button
                type="button"
                className="timeline-delete"
                aria-label={`Delete interaction: ${i.summary}`}
                title="Delete interaction"
                onClick={() => onDelete(i)}
              >
                <Icon name="trash" size={13} />
              </button>
            </div>
            <p className="timeline-summary">{i.summary}</p>
            {i.outcome ? (
              <p className="timeline-outcome">
                <span className="timeline-outcome-label">Outcome</span> {i.outcome}
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
