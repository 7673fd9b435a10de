import type { ContactNudge } from '../../../shared/domain/followup.ts';
import { href } from '../app/router.ts';
import { formatRelative, formatRelativeDay, parseIsoDate } from '../format/dates.ts';
import { Avatar } from '../ui/Avatar.tsx';
import { Button } from '../ui/Button.tsx';
import { TodayRowFrame } from './TodayRowFrame.tsx';

/**
 * Someone without a planned step: met and never followed up, or quiet for longer than their
 * rhythm. One key (P) plans a follow-up for today, which then appears under "Due today".
 */
export function TodayNudge({
  rowKey,
  nudge,
  kind,
  focused,
  today,
  now,
  busy,
  onFocusRow,
  onPlan,
}: {
  rowKey: string;
  nudge: ContactNudge;
  kind: 'met' | 'cold';
  focused: boolean;
  today: string;
  now: Date;
  busy: boolean;
  onFocusRow: (key: string) => void;
  onPlan: () => void;
}) {
  const labelId = `${rowKey}-name`;
  const met = [
    nudge.metWhere ? `Met at ${nudge.metWhere}` : 'Met',
    nudge.metOn ? formatRelativeDay(nudge.metOn, parseIsoDate(today)) : null,
  ]
    .filter(Boolean)
    .join(' ');
  const detail =
    kind === 'met'
      ? `${met} · no follow-up yet`
      : [
          nudge.lastInteractionAt ? `Last in touch ${formatRelative(nudge.lastInteractionAt, now)}` : null,
          `${nudge.days} ${nudge.days === 1 ? 'day' : 'days'} past their keep-in-touch rhythm`,
        ]
          .filter(Boolean)
          .join(' · ');
  return (
    <TodayRowFrame
      rowKey={rowKey}
      focused={focused}
      labelId={labelId}
      className="today-nudge"
      onFocusRow={onFocusRow}
    >
      <Avatar name={nudge.contactName} size={30} />
      <div className="today-step-main">
        <div className="today-step-head">
          <a
            id={labelId}
            className="today-step-name"
            href={href(`/contacts/${nudge.contactId}`)}
            tabIndex={-1}
          >
            {nudge.contactName}
          </a>
          {nudge.company ? <span className="today-step-company truncate">{nudge.company}</span> : null}
        </div>
        <p className="today-nudge-detail">{detail}</p>
      </div>
      <div className="today-actions">
        <Button
          size="sm"
          icon="plus"
          busy={busy}
          shortcut={focused ? 'P' : undefined}
          aria-label={`Plan a follow-up with ${nudge.contactName}`}
          onClick={onPlan}
        >
          {kind === 'met' ? 'Plan a follow-up' : 'Plan a check-in'}
        </Button>
      </div>
    </TodayRowFrame>
  );
}
