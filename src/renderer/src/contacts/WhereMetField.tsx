import { type KeyboardEvent, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { Contact } from '../../../shared/domain/contact.ts';
import { fieldMessage, toApiError } from '../api/errors.ts';
import { href } from '../app/router.ts';
import { type PlaceOrEvent, PlaceOrEventInput } from '../capture/PlaceOrEventInput.tsx';
import { useEvents } from '../events/useEvents.ts';
import { Icon } from '../ui/Icon.tsx';
import type { SaveContact } from './useContactEditor.ts';

/**
 * "Where you met" is either one of your events (a link to it) or a free-text place; editing
 * uses the same combobox as quick capture. Picking an event clears the typed place.
 */
export function WhereMetField({ contact, save }: { contact: Contact; save: SaveContact }) {
  const events = useEvents();
  const [draft, setDraft] = useState<PlaceOrEvent | null>(null);
  const [error, setError] = useState<ApiError>();
  const settled = useRef(false);
  const buttonRef = useRef<HTMLButtonElement>(null);

  const current: PlaceOrEvent = contact.metEventId
    ? { text: contact.metEventName ?? 'An event', eventId: contact.metEventId }
    : { text: contact.metWhere ?? '', eventId: null };

  const close = (refocus: boolean) => {
    settled.current = true;
    setDraft(null);
    setError(undefined);
    if (refocus) requestAnimationFrame(() => buttonRef.current?.focus());
  };

  const inflight = useRef(false);
  const commit = async (refocus: boolean) => {
    if (!draft || settled.current || inflight.current) return;
    if (draft.eventId === current.eventId && draft.text.trim() === current.text) return close(refocus);
    inflight.current = true;
    try {
      await save(
        draft.eventId !== null
          ? { metEventId: draft.eventId, metWhere: '' }
          : { metEventId: null, metWhere: draft.text },
      );
      close(refocus);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      inflight.current = false;
    }
  };

  if (draft) {
    const message = error
      ? (fieldMessage(error, 'patch.metWhere', 'Where you met') ?? error.describe())
      : undefined;
    return (
      <div className="inline-edit is-editing">
        <PlaceOrEventInput
          ariaLabel="Where you met"
          className="inline-edit-input"
          value={draft}
          onChange={setDraft}
          events={events.data ?? []}
          invalid={Boolean(message)}
          autoFocus
          // Suggestions are picked on mousedown without moving focus, so a blur means "done".
          onBlur={() => void commit(false)}
          onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close(true);
            } else if (e.key === 'Enter') {
              e.preventDefault();
              void commit(true);
            }
          }}
        />
        {message ? (
          <p className="field-error" role="alert">
            {message}
          </p>
        ) : null}
      </div>
    );
  }

  const empty = !current.text;
  return (
    <div className="inline-edit where-met">
      <button
        ref={buttonRef}
        type="button"
        className={empty ? 'inline-edit-display is-empty' : 'inline-edit-display'}
        aria-label={`Where you met: ${empty ? 'not set' : current.text}`}
        onClick={() => {
          settled.current = false;
          setDraft(current);
        }}
      >
        {empty ? (
          'Add where you met'
        ) : (
          <span className="where-met-value">
            <Icon name={current.eventId ? 'calendar' : 'mapPin'} size={14} />
            {current.text}
          </span>
        )}
      </button>
      {current.eventId ? (
        <a className="where-met-open" href={href(`/events/${current.eventId}`)} title="Open the event">
          <Icon name="arrowUpRight" size={14} />
          <span className="visually-hidden">Open event {current.text}</span>
        </a>
      ) : null}
    </div>
  );
}
