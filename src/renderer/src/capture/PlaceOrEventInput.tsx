import { type KeyboardEvent, type Ref, useId, useMemo, useState } from 'react';
import type { NetworkEvent } from '../../../shared/domain/event.ts';
import { formatDay } from '../format/dates.ts';
import { Icon } from '../ui/Icon.tsx';

export interface PlaceOrEvent {
  text: string;
  eventId: number | null;
}

const MAX_SUGGESTIONS = 6;

/** Suggestions whose name contains the text; the first is preselected only when a word starts with it. */
function suggest(events: NetworkEvent[], text: string): { matches: NetworkEvent[]; preselect: boolean } {
  const q = text.trim().toLowerCase();
  if (!q) return { matches: events.slice(0, MAX_SUGGESTIONS), preselect: false };
  const matches = events.filter((e) => e.name.toLowerCase().includes(q)).slice(0, MAX_SUGGESTIONS);
  const first = matches[0]?.name.toLowerCase() ?? '';
  const preselect =
    q.length >= 2 && first.split(/\s+/).some((_, i, words) => words.slice(i).join(' ').startsWith(q));
  return { matches, preselect };
}

/**
 * "Where you met": type a place, or pick one of your events (ARIA combobox). Picking an event
 * links the contact to it; typing again turns it back into a free-text place.
 */
export function PlaceOrEventInput({
  id,
  value,
  onChange,
  events,
  onPickEvent,
  onKeyDown,
  placeholder = 'An event, or a place',
  className = 'input',
  ariaLabel,
  describedBy,
  invalid,
  autoFocus,
  inputRef,
  onBlur,
}: {
  onBlur?: () => void;
  id?: string;
  inputRef?: Ref<HTMLInputElement>;
  value: PlaceOrEvent;
  onChange: (value: PlaceOrEvent) => void;
  events: NetworkEvent[];
  onPickEvent?: (event: NetworkEvent) => void;
  /** Called for keys the combobox does not consume (e.g. Enter to move on, Esc to cancel). */
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void;
  placeholder?: string;
  className?: string;
  ariaLabel?: string;
  describedBy?: string | undefined;
  invalid?: boolean | undefined;
  autoFocus?: boolean;
}) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [highlight, setHighlight] = useState(-1);
  const { matches, preselect } = useMemo(() => suggest(events, value.text), [events, value.text]);
  const linked = value.eventId !== null;
  const showList = open && !linked && matches.length > 0;
  const active = showList ? (highlight >= 0 ? highlight : preselect ? 0 : -1) : -1;

  const pick = (event: NetworkEvent) => {
    onChange({ text: event.name, eventId: event.id });
    onPickEvent?.(event);
    setOpen(false);
  };

  const handleKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!showList) {
        setOpen(true);
        setHighlight(0);
        return;
      }
      const n = matches.length;
      if (active === -1) setHighlight(e.key === 'ArrowDown' ? 0 : n - 1);
      else setHighlight((active + (e.key === 'ArrowDown' ? 1 : -1) + n) % n);
      return;
    }
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && active >= 0) {
      const event = matches[active];
      if (event) {
        // Enter picks the event; the next Enter moves on, so a pick never submits by surprise.
        e.preventDefault();
        e.stopPropagation();
        pick(event);
        return;
      }
    }
    if (e.key === 'Escape' && showList) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      return;
    }
    onKeyDown?.(e);
  };

  return (
    <div className="place-input">
      <input
        ref={inputRef}
        id={id}
        role="combobox"
        aria-label={ariaLabel}
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        className={`${className}${linked ? ' is-linked' : ''}`}
        placeholder={placeholder}
        value={value.text}
        autoComplete="off"
        // biome-ignore lint/a11y/noAutofocus: only when the field is opened for editing by the user
        autoFocus={autoFocus}
        onChange={(e) => {
          onChange({ text: e.target.value, eventId: null });
          setOpen(true);
          setHighlight(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          onBlur?.();
        }}
        onKeyDown={handleKeyDown}
      />
      {linked ? (
        <span className="place-input-badge" aria-hidden="true">
          <Icon name="calendar" size={12} /> Event
        </span>
      ) : null}
      <div
        id={listId}
        role="listbox"
        aria-label="Your events"
        className="place-input-list"
        hidden={!showList}
      >
        {matches.map((event, i) => (
          // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the combobox input
          <div
            key={event.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'place-option is-active' : 'place-option'}
            // mousedown, not click: picking must happen before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(event);
            }}
            onMouseEnter={() => setHighlight(i)}
          >
            <Icon name="calendar" size={14} />
            <span className="place-option-name truncate">{event.name}</span>
            <span className="place-option-meta">
              {formatDay(event.date, { short: true })}
              {event.location ? ` · ${event.location}` : ''}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
