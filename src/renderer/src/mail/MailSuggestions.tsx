import { useRef, useState } from 'react';
import type { MailSuggestion } from '../../../shared/domain/mail.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { toApiError } from '../api/errors.ts';
import { useApiData } from '../api/useApiData.ts';
import { navigate } from '../app/router.ts';
import { formatRelative } from '../format/dates.ts';
import { plural } from '../format/text.ts';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { useToast } from '../ui/Toast.tsx';
import { captureDraft } from './suggestionCapture.ts';

/**
 * People written with both ways in several threads who are not contacts: one click makes them
 * one, with the first subject as what was discussed; Dismiss keeps them from coming back.
 */
export function MailSuggestions() {
  const api = useApi();
  const toast = useToast();
  const list = useApiData('mail.suggestions', (a) => a['mail.suggestions']({}), ['mail', 'contacts']);
  const [busy, setBusy] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const act = async (s: MailSuggestion, what: 'capture' | 'dismiss') => {
    setBusy(s.address);
    try {
      if (what === 'capture') {
        const contact = await api['contacts.create'](captureDraft(s));
        notifyChanged('contacts');
        toast({
          tone: 'success',
          message: `${contact.displayName} added`,
          detail: s.firstSubject ? `With “${s.firstSubject}” as what you discussed.` : undefined,
          action: { label: 'Open', onClick: () => navigate(`/contacts/${contact.id}`) },
        });
      } else {
        await api['mail.dismissSuggestion']({ address: s.address });
        toast({ message: `${s.address} will not be suggested again` });
      }
      list.reload();
      // The row, and the button that had focus, leave the list: focus stays in the section.
      heading.current?.focus();
    } catch (e) {
      toast({ tone: 'error', message: 'That did not work', detail: toApiError(e).describe() });
    } finally {
      setBusy(null);
    }
  };

  const items = list.data ?? [];
  return (
    <div className="mail-suggestions">
      <h3 id="mail-suggestions-title" className="mail-subtitle" ref={heading} tabIndex={-1}>
        People you write to but haven’t added
      </h3>
      {list.error ? <ErrorBanner error={list.error} onRetry={list.reload} /> : null}
      {list.data && items.length === 0 ? (
        <p className="muted mail-empty">
          Nobody yet: people you have written with both ways in two threads or more show here.
        </p>
      ) : null}
      {items.length ? (
        <ul className="setting-list mail-suggestion-list" aria-labelledby="mail-suggestions-title">
          {items.map((s) => (
            <li key={s.address} className="setting-row mail-suggestion">
              <div className="setting-text">
                <span className="setting-label">{s.name ?? s.address}</span>
                <p className="setting-hint">
                  {s.name ? <span className="mono">{s.address}</span> : null}
                  {s.name ? ' · ' : ''}
                  {plural(s.twoWayThreads, 'thread')} both ways, last {formatRelative(s.lastAt)}
                  {s.firstSubject ? <> · first: “{s.firstSubject}”</> : null}
                </p>
              </div>
              <div className="setting-control mail-suggestion-actions">
                <Button
                  size="sm"
                  icon="plus"
                  busy={busy === s.address}
                  aria-label={`Add ${s.name ?? s.address} as a contact`}
                  onClick={() => void act(s, 'capture')}
                >
                  Add
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={busy === s.address}
                  aria-label={`Dismiss ${s.name ?? s.address}`}
                  onClick={() => void act(s, 'dismiss')}
                >
                  Dismiss
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
