import type { CSSProperties } from 'react';
import type { ContactSummary } from '../../../shared/domain/contact.ts';
import { formatDay, formatRelative } from '../format/dates.ts';
import { roleLine } from '../format/text.ts';
import { Avatar } from '../ui/Avatar.tsx';
import { Pill } from '../ui/Pill.tsx';

/** How many tag pills fit before the rest collapse into "+N". */
const VISIBLE_TAGS = 2;

/** One person in a list: enough to recognise them and to see whether a follow-up is overdue. */
export function ContactRow({
  contact,
  id,
  active = false,
  style,
  position,
  onOpen,
}: {
  contact: ContactSummary;
  id?: string;
  active?: boolean;
  style?: CSSProperties;
  /** 1-based position and set size, for a virtualised list where most rows are not in the DOM. */
  position?: { index: number; total: number };
  onOpen: (id: number) => void;
}) {
  const role = roleLine(contact.title, contact.company);
  const hiddenTags = contact.tags.length - VISIBLE_TAGS;
  return (
    // biome-ignore lint/a11y/useFocusableInteractive: the listbox owns focus (aria-activedescendant)
    // biome-ignore lint/a11y/useKeyWithClickEvents: Enter on the listbox opens the active row
    <div
      id={id}
      role="option"
      aria-selected={active}
      aria-posinset={position ? position.index + 1 : undefined}
      aria-setsize={position ? position.total : undefined}
      className={active ? 'contact-row is-active' : 'contact-row'}
      style={style}
      onClick={() => onOpen(contact.id)}
    >
      <div className="contact-cell contact-cell-name">
        <Avatar name={contact.displayName} size={32} />
        <div className="contact-name-lines">
          <span className="contact-name truncate">
            {contact.displayName}
            {contact.archived ? <Pill tone="muted">Archived</Pill> : null}
            {contact.imported ? <Pill tone="accent">Imported</Pill> : null}
          </span>
          <span className="contact-role truncate">{role || '\u00a0'}</span>
        </div>
      </div>
      <div className="contact-cell contact-cell-met">
        <span className="truncate">{contact.metWhere ?? <span className="faint">—</span>}</span>
        <span className="contact-sub truncate">{contact.metOn ? formatDay(contact.metOn) : '\u00a0'}</span>
      </div>
      <div className="contact-cell contact-cell-last">
        {contact.lastInteractionAt ? (
          <time dateTime={contact.lastInteractionAt}>{formatRelative(contact.lastInteractionAt)}</time>
        ) : (
          <span className="faint">No contact yet</span>
        )}
      </div>
      <div className="contact-cell contact-cell-tags">
        {contact.tags.slice(0, VISIBLE_TAGS).map((tag) => (
          <Pill key={tag}>{tag}</Pill>
        ))}
        {hiddenTags > 0 ? <span className="contact-more-tags">+{hiddenTags}</span> : null}
      </div>
    </div>
  );
}

/** A placeholder with the row's shape while its page loads. */
export function ContactRowSkeleton({ style }: { style?: CSSProperties }) {
  return (
    <div className="contact-row is-skeleton" style={style} aria-hidden="true">
      <div className="contact-cell contact-cell-name">
        <span className="skeleton skeleton-avatar" />
        <div className="contact-name-lines">
          <span className="skeleton skeleton-line" />
          <span className="skeleton skeleton-line short" />
        </div>
      </div>
    </div>
  );
}

export function ContactListHeader() {
  return (
    <div className="contact-list-header" aria-hidden="true">
      <span className="contact-cell-name">Name</span>
      <span className="contact-cell-met">Where met</span>
      <span className="contact-cell-last">Last interaction</span>
      <span className="contact-cell-tags">Tags</span>
    </div>
  );
}
