import { useState } from 'react';
import type { Contact, ContactSource } from '../../../shared/domain/contact.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { toApiError } from '../api/errors.ts';
import { formatDayOfInstant } from '../format/dates.ts';
import { Button } from '../ui/Button.tsx';
import { Icon } from '../ui/Icon.tsx';
import { useToast } from '../ui/Toast.tsx';
import { useUndo } from '../undo/useUndo.ts';
import { sourceName } from './labels.ts';
import './contact-sources.css';

export function sourceLine(source: ContactSource): string {
  return `Imported from ${source.fileName} (${sourceName(source.format)}) on ${formatDayOfInstant(source.importedAt)}`;
}

/** On a contact page: where the contact came from, one line per import. */
export function ContactSourcesNote({ sources }: { sources: ContactSource[] }) {
  if (!sources.length) return null;
  return (
    <ul className="contact-sources" aria-label="Sources">
      {sources.map((s) => (
        <li key={`${s.fileName}:${s.importedAt}`}>{sourceLine(s)}</li>
      ))}
    </ul>
  );
}

/** An imported contact not reviewed yet: say so, and let the user mark it reviewed. */
export function ImportReviewBanner({ contact }: { contact: Contact }) {
  const api = useApi();
  const toast = useToast();
  const { undoAction } = useUndo();
  const [busy, setBusy] = useState(false);
  if (contact.reviewState !== 'imported') return null;
  const source = contact.sources[0];

  const markReviewed = async () => {
    setBusy(true);
    try {
      const { undoId } = await api['contacts.markReviewed']({ ids: [contact.id] });
      notifyChanged('contacts', 'followups');
      toast({
        tone: 'success',
        message: `${contact.displayName} reviewed`,
        detail: 'Follow-ups are planned from now on.',
        action: undoAction(undoId),
      });
    } catch (e) {
      toast({ tone: 'error', message: 'Could not mark as reviewed', detail: toApiError(e).describe() });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="banner banner-info contact-import-banner">
      <Icon name="download" />
      <div className="banner-body">
        <strong>{source ? sourceLine(source) : 'Imported'}</strong>, not reviewed yet. Follow-ups are planned
        once you mark it reviewed.
      </div>
      <Button size="sm" icon="check" busy={busy} onClick={() => void markReviewed()}>
        Mark reviewed
      </Button>
    </div>
  );
}
