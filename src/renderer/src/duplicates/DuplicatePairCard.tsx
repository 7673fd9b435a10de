import type { ContactSummary } from '../../../shared/domain/contact.ts';
import { MATCH_REASON_LABELS } from '../../../shared/domain/import-formats.ts';
import type { DuplicatePair } from '../../../shared/domain/imports.ts';
import { href } from '../app/router.ts';
import { roleLine } from '../format/text.ts';
import { Avatar } from '../ui/Avatar.tsx';
import { Button } from '../ui/Button.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Pill } from '../ui/Pill.tsx';

/** Two contacts that look like one person, why they look so, and the two ways to settle it. */
export function DuplicatePairCard({
  pair,
  busy,
  onMerge,
  onDismiss,
}: {
  pair: DuplicatePair;
  busy: boolean;
  onMerge: () => void;
  onDismiss: () => void;
}) {
  const label = `${pair.a.displayName} and ${pair.b.displayName}`;
  return (
    <li
      className="dup-card"
      aria-label={label}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget && !busy) {
          e.preventDefault();
          onMerge();
        }
      }}
    >
      <div className="dup-people">
        <PersonCell contact={pair.a} />
        <span className="dup-link" aria-hidden="true">
          <Icon name="link" size={14} />
        </span>
        <PersonCell contact={pair.b} />
      </div>
      <ul className="dup-reasons" aria-label="Why they look alike">
        {pair.reasons.map((r) => (
          <li key={`${r.reason}:${r.value}`} className={`dup-reason is-${r.reason}`}>
            <span className="dup-reason-label">{capitalise(MATCH_REASON_LABELS[r.reason])}:</span>
            <span className="dup-reason-value">{r.value}</span>
          </li>
        ))}
      </ul>
      <div className="dup-actions">
        <Button size="sm" variant="ghost" disabled={busy} onClick={onDismiss}>
          Not the same person
        </Button>
        <Button size="sm" variant="primary" disabled={busy} onClick={onMerge}>
          Merge…
        </Button>
      </div>
    </li>
  );
}

function PersonCell({ contact }: { contact: ContactSummary }) {
  const role = roleLine(contact.title, contact.company);
  return (
    <a className="dup-person" href={href(`/contacts/${contact.id}`)}>
      <Avatar name={contact.displayName} size={32} />
      <span className="dup-person-text">
        <span className="dup-person-name truncate">
          {contact.displayName}
          {contact.imported ? <Pill tone="accent">Imported</Pill> : null}
        </span>
        <span className="dup-person-role truncate">{role || '\u00a0'}</span>
      </span>
    </a>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
