import type { ReactNode } from 'react';
import type { PromiseItem } from '../../../shared/domain/followup.ts';
import { href } from '../app/router.ts';
import { daysBetween, formatDayShort, formatRelativeDay, parseIsoDate } from '../format/dates.ts';
import { Icon } from '../ui/Icon.tsx';
import './followups.css';

/** When a promise is due, said plainly; `today` is the server's day, so a test clock agrees. */
export function dueLabel(dueOn: string, today: string): string {
  const days = daysBetween(today, dueOn);
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  if (days > 1 && days < 7) return `due ${formatDayShort(dueOn)}`;
  return `due ${formatRelativeDay(dueOn, parseIsoDate(today))}`;
}

/**
 * One promise, on Today and on a contact's page: what was promised, by whom, and when. Yours
 * point outwards (you owe it), theirs inwards (you are waiting for it).
 */
export function PromiseLine({
  promise,
  today,
  showContact,
  note,
  actions,
}: {
  promise: PromiseItem;
  today: string;
  showContact: boolean;
  /** One more fact for the meta line, e.g. when its reminder is. */
  note?: string | undefined;
  actions?: ReactNode;
}) {
  const mine = promise.direction === 'mine';
  const late = promise.status === 'open' && promise.dueOn < today;
  const person = (
    <a href={href(`/contacts/${promise.contactId}`)} tabIndex={-1}>
      {promise.contactName}
    </a>
  );
  const who = showContact ? <span>{mine ? <>To {person}</> : <>From {person}</>}</span> : null;
  return (
    <div className={`promise-line is-${promise.status}`}>
      <span className={`promise-icon is-${promise.direction}`} aria-hidden="true">
        <Icon name={mine ? 'arrowUpRight' : 'arrowDownLeft'} size={13} />
      </span>
      <div className="promise-main">
        <p className="promise-text">{promise.text}</p>
        <p className="promise-meta">
          {who}
          {promise.status === 'open' ? (
            <span className={late ? 'promise-due is-late' : 'promise-due'}>
              {dueLabel(promise.dueOn, today)}
            </span>
          ) : (
            <span>{promise.status === 'done' ? 'Kept' : 'Dropped'}</span>
          )}
          {note ? <span className="promise-note">{note}</span> : null}
        </p>
      </div>
      {actions ? <div className="promise-actions">{actions}</div> : null}
    </div>
  );
}
