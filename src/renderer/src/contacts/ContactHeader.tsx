import type { Contact } from '../../../shared/domain/contact.ts';
import { useHotkey } from '../app/useHotkey.ts';
import { useOpenComposer } from '../compose/ComposerContext.tsx';
import { formatRelative } from '../format/dates.ts';
import { roleLine } from '../format/text.ts';
import { Avatar } from '../ui/Avatar.tsx';
import { Button } from '../ui/Button.tsx';
import { InlineEdit } from '../ui/InlineEdit.tsx';
import { Pill } from '../ui/Pill.tsx';
import type { SaveContact } from './useContactEditor.ts';

export function ContactHeader({
  contact,
  save,
  onLog,
  onToggleArchived,
  onDelete,
  archiving,
}: {
  contact: Contact;
  save: SaveContact;
  onLog: () => void;
  onToggleArchived: () => void;
  onDelete: () => void;
  archiving: boolean;
}) {
  const role = roleLine(contact.title, contact.company);
  const openComposer = useOpenComposer();
  // A message now, whether or not a follow-up is planned: the composer drafts one for the person.
  const write = () => openComposer({ contactId: contact.id });
  useHotkey('w', write);
  return (
    <header className="contact-header">
      <Avatar name={contact.displayName} size={56} />
      <div className="contact-header-text">
        <h1 className="contact-title">
          <InlineEdit
            label="Name"
            value={contact.displayName}
            placeholder="Name"
            issuePath="patch.displayName"
            onSave={(displayName) => save({ displayName })}
          />
        </h1>
        <p className="contact-header-meta">
          {role ? <span>{role}</span> : null}
          {contact.archivedAt ? <Pill tone="muted">Archived</Pill> : null}
          <span className="faint">
            {contact.lastInteractionAt
              ? `Last in touch ${formatRelative(contact.lastInteractionAt)}`
              : 'Not in touch since you met'}
          </span>
        </p>
      </div>
      <div className="contact-actions">
        <Button variant="primary" icon="plus" shortcut="L" onClick={onLog}>
          Log interaction
        </Button>
        <Button icon="pen" shortcut="W" onClick={write}>
          Write to them
        </Button>
        <Button icon="archive" busy={archiving} onClick={onToggleArchived}>
          {contact.archivedAt ? 'Unarchive' : 'Archive'}
        </Button>
        <Button
          variant="ghost"
          icon="trash"
          aria-label="Delete contact"
          title="Delete contact"
          onClick={onDelete}
        />
      </div>
    </header>
  );
}
