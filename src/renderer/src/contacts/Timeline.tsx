import { CHANNEL_LABELS, DIRECTION_LABELS } from '../../../shared/domain/channels.ts';
import type { FollowUp } from '../../../shared/domain/followup.ts';
import type { Interaction } from '../../../shared/domain/interaction.ts';
import { purposeLabel } from '../followups/purposes.ts';
import { formatDated, formatInstant, formatRelative } from '../format/dates.ts';
import { Icon, type IconName } from '../ui/Icon.tsx';
import { CHANNEL_ICONS } from './channels.ts';
import { TimelineSummary } from './TimelineSummary.tsx';
import './timeline.css';

/** Follow-up steps that have ended belong to the story too: done, skipped, or cancelled and why. */
export const ENDED_STEP_STATUSES = new Set(['done', 'skipped', 'cancelled']);

type Entry = { at: string; interaction: Interaction } | { at: string; step: FollowUp };

const STEP_ENDINGS: Record<string, { word: string; icon: IconName }> = {
  done: { word: 'done', icon: 'check' },
  skipped: { word: 'skipped', icon: 'arrowRight' },
  cancelled: { word: 'cancelled', icon: 'x' },
};

/**
 * Every touchpoint, newest first: what was said, by whom, over which channel, and what came of it,
 * with the follow-up steps that ended in between (a nudge cancelled because they replied).
 */
export function Timeline({
  interactions,
  steps = [],
  onDelete,
}: {
  interactions: Interaction[];
  steps?: FollowUp[];
  onDelete: (interaction: Interaction) => void;
}) {
  const entries: Entry[] = [
    ...interactions.map((interaction) => ({ at: interaction.occurredAt, interaction })),
    ...steps
      .filter((s) => ENDED_STEP_STATUSES.has(s.status))
      .map((step) => ({ at: step.completedAt ?? step.updatedAt, step })),
  ];
  // Newest first; at the same moment the step's ending reads as the heading of what ended it.
  const rank = (e: Entry) => ('step' in e ? 0 : 1);
  entries.sort((a, b) => b.at.localeCompare(a.at) || rank(a) - rank(b));
  return (
    <ol className="timeline" aria-label="Interactions">
      {entries.map((entry) =>
        'step' in entry ? (
          <StepEntry key={`step-${entry.step.id}`} step={entry.step} at={entry.at} />
        ) : (
          <InteractionEntry key={entry.interaction.id} interaction={entry.interaction} onDelete={onDelete} />
        ),
      )}
    </ol>
  );
}

function StepEntry({ step, at }: { step: FollowUp; at: string }) {
  const ending = STEP_ENDINGS[step.status] ?? { word: step.status, icon: 'dots' };
  return (
    <li className={`timeline-item timeline-step is-${step.status}`}>
      <span className="timeline-step-icon" aria-hidden="true">
        <Icon name={ending.icon} size={12} />
      </span>
      <div className="timeline-body">
        <div className="timeline-head">
          <span className="timeline-step-title">
            {purposeLabel(step.purpose)} {ending.word}
          </span>
          <time className="timeline-time" dateTime={at} title={formatInstant(at)}>
            {formatRelative(at)}
          </time>
        </div>
        {step.status === 'cancelled' && step.cancelReason ? (
          <p className="timeline-step-reason">{formatDated(step.cancelReason)}</p>
        ) : null}
      </div>
    </li>
  );
}

function InteractionEntry({
  interaction: i,
  onDelete,
}: {
  interaction: Interaction;
  onDelete: (interaction: Interaction) => void;
}) {
  return (
    <li className="timeline-item">
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
        <TimelineSummary text={i.summary} />
        {i.outcome ? (
          <p className="timeline-outcome">
            <span className="timeline-outcome-label">Outcome</span> {i.outcome}
          </p>
        ) : null}
      </div>
    </li>
  );
}
