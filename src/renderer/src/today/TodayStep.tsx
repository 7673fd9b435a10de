import type { Channel } from '../../../shared/domain/channels.ts';
import { CHANNEL_LABELS } from '../../../shared/domain/channels.ts';
import type { TodayItem } from '../../../shared/domain/followup.ts';
import { href } from '../app/router.ts';
import { CHANNEL_ICONS } from '../contacts/channels.ts';
import { DoneForm } from '../followups/DoneForm.tsx';
import { purposeLabel } from '../followups/purposes.ts';
import { SnoozeButton } from '../followups/SnoozeButton.tsx';
import { StepContext } from '../followups/StepContext.tsx';
import type { SnoozePreset } from '../followups/useFollowUpActions.ts';
import { daysBetween, formatDated, formatDayShort, formatWhen, timeInZone } from '../format/dates.ts';
import { plural } from '../format/text.ts';
import { Avatar } from '../ui/Avatar.tsx';
import { Button } from '../ui/Button.tsx';
import { Icon } from '../ui/Icon.tsx';
import { TodayRowFrame } from './TodayRowFrame.tsx';

export type StepMode = 'done' | 'snooze' | null;

export interface StepHandlers {
  onFocusRow: (key: string) => void;
  onModeChange: (mode: StepMode, refocus?: boolean) => void;
  onDone: (input: { summary: string; channel: Channel }) => Promise<boolean>;
  onSnooze: (preset: SnoozePreset) => void;
  onSkip: () => void;
  /** Opens the composer for this step. */
  onWrite: () => void;
}

/**
 * One follow-up to do: who, why now, and what to mention, so the message can be written from
 * here without opening anything. `compact` is the look-ahead form used for the next days.
 */
export function TodayStep({
  rowKey,
  step,
  focused,
  mode,
  compact = false,
  now,
  today,
  handlers,
}: {
  rowKey: string;
  step: TodayItem;
  focused: boolean;
  mode: StepMode;
  compact?: boolean;
  now: Date;
  /** The server's today (YYYY-MM-DD). */
  today: string;
  handlers: StepHandlers;
}) {
  const labelId = `${rowKey}-name`;
  const keys = focused && mode === null;
  return (
    <TodayRowFrame
      rowKey={rowKey}
      focused={focused}
      labelId={labelId}
      className={compact ? 'today-step is-compact' : 'today-step'}
      onFocusRow={handlers.onFocusRow}
    >
      {compact ? (
        <span className="today-step-day">
          {daysBetween(today, step.dueOn) === 1 ? 'Tomorrow' : formatDayShort(step.dueOn)}
        </span>
      ) : (
        <Avatar name={step.contactName} size={36} />
      )}
      <div className="today-step-main">
        <div className="today-step-head">
          <a
            id={labelId}
            className="today-step-name"
            href={href(`/contacts/${step.contactId}`)}
            tabIndex={-1}
          >
            {step.contactName}
          </a>
          {step.company && !compact ? (
            <span className="today-step-company truncate">{step.company}</span>
          ) : null}
          {compact ? (
            <span className="today-step-reason-inline truncate">{formatDated(step.reason)}</span>
          ) : null}
        </div>
        <p className="today-step-meta">
          <span className="today-purpose">{purposeLabel(step.purpose)}</span>
          {step.overdueDays > 0 ? (
            <span className="today-overdue">{plural(step.overdueDays, 'day')} overdue</span>
          ) : null}
          {step.status === 'snoozed' && step.snoozedUntil ? (
            <span className="today-meta-item">
              <Icon name="clock" size={13} /> Snoozed until {formatWhen(step.snoozedUntil, now)}
            </span>
          ) : null}
          {step.channel ? <ChannelTag channel={step.channel} /> : null}
          {step.theirTime && !compact ? (
            <span
              className="today-meta-item"
              title={step.theirTimeZone ? `Their time zone: ${step.theirTimeZone}` : undefined}
            >
              <Icon name="clock" size={13} />{' '}
              {(step.theirTimeZone && timeInZone(step.theirTimeZone, now)) || step.theirTime} for them
            </span>
          ) : null}
        </p>
        {compact ? null : <p className="today-step-reason">{formatDated(step.reason)}</p>}
        {step.context && !compact ? <StepContext context={step.context} /> : null}
        {step.capWarning ? (
          <p className="today-step-warning">
            <Icon name="alert" size={13} /> {step.capWarning}
          </p>
        ) : null}
        {mode === 'done' ? (
          <DoneForm
            purpose={step.purpose}
            channel={step.channel}
            onSubmit={handlers.onDone}
            onCancel={() => handlers.onModeChange(null, true)}
          />
        ) : null}
      </div>
      <div className={mode === 'snooze' ? 'today-actions is-open' : 'today-actions'}>
        <Button
          size="sm"
          variant={compact ? 'ghost' : 'secondary'}
          icon="pen"
          // A one-line row has little room beside its text: there the pen alone says it.
          shortcut={keys && !compact ? 'W' : undefined}
          aria-keyshortcuts={keys ? 'W' : undefined}
          aria-label={`Write: ${purposeLabel(step.purpose).toLowerCase()} for ${step.contactName}`}
          title={compact ? 'Write (W)' : undefined}
          onClick={handlers.onWrite}
        >
          {compact ? null : 'Write'}
        </Button>
        <Button
          size="sm"
          variant={compact ? 'ghost' : 'secondary'}
          icon="check"
          shortcut={keys ? 'D' : undefined}
          aria-label={`Done: ${purposeLabel(step.purpose).toLowerCase()} for ${step.contactName}`}
          onClick={() => handlers.onModeChange(mode === 'done' ? null : 'done')}
        >
          Done
        </Button>
        <SnoozeButton
          open={mode === 'snooze'}
          now={now}
          shortcut={keys ? 'S' : undefined}
          onOpenChange={(open, refocus) => handlers.onModeChange(open ? 'snooze' : null, refocus)}
          onSnooze={handlers.onSnooze}
        />
        <Button size="sm" variant="ghost" shortcut={keys ? 'X' : undefined} onClick={handlers.onSkip}>
          Skip
        </Button>
      </div>
    </TodayRowFrame>
  );
}

export function ChannelTag({ channel }: { channel: Channel }) {
  return (
    <span className="today-meta-item">
      <Icon name={CHANNEL_ICONS[channel]} size={13} /> {CHANNEL_LABELS[channel]}
    </span>
  );
}
