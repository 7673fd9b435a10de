import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { ContactSummary } from '../../../shared/domain/contact.ts';
import { useApi } from '../api/ApiContext.tsx';
import { Icon } from '../ui/Icon.tsx';
import './ContactFilter.css';

const MAX_MATCHES = 8;
/** Search as you type, but not on every keystroke of a fast typist. */
const SEARCH_DELAY_MS = 120;

/**
 * "Any contact", or one person found by typing (ARIA combobox). It searches on the server, since
 * the network can hold tens of thousands of people; a picked person shows as their name with a
 * clear button.
 */
export function ContactFilter({
  value,
  onChange,
  label = 'Contact',
}: {
  value: number | undefined;
  onChange: (contactId: number | undefined) => void;
  label?: string;
}) {
  const api = useApi();
  const listId = useId();
  const [text, setText] = useState('');
  const [name, setName] = useState<string>();
  const [matches, setMatches] = useState<ContactSummary[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // What `matches` answer: Enter on a list still showing an older answer (the recent contacts,
  // before "Grace" came back) would pick someone the user did not ask for, so it waits for the
  // answer to what is typed and picks from that.
  const [matchesFor, setMatchesFor] = useState<string | null>(null);
  const pickOnArrival = useRef(false);

  // A person chosen elsewhere (a link from their page) arrives as an id: show their name.
  useEffect(() => {
    if (value === undefined) return setName(undefined);
    let live = true;
    api['contacts.get']({ id: value }).then(
      (c) => live && setName(c.displayName),
      () => live && setName(`Contact #${value}`),
    );
    return () => {
      live = false;
    };
  }, [api, value]);

  useEffect(() => {
    const query = text.trim();
    if (!open || value !== undefined) return;
    let live = true;
    const timer = window.setTimeout(() => {
      api['contacts.list']({ ...(query ? { query } : { sort: 'lastInteraction' }), limit: MAX_MATCHES }).then(
        (page) => {
          if (!live) return;
          setMatches(page.items);
          setMatchesFor(query);
          setActive(0);
          const first = page.items[0];
          if (pickOnArrival.current && first) pickLatest.current(first);
          pickOnArrival.current = false;
        },
        () => live && setMatches([]),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [api, text, open, value]);

  const pick = (contact: ContactSummary) => {
    setName(contact.displayName);
    setText('');
    setOpen(false);
    onChange(contact.id);
  };

  // The search effect picks on arrival through this, so it need not re-run on every render.
  const pickLatest = useRef(pick);
  pickLatest.current = pick;

  const clear = () => {
    setText('');
    onChange(undefined);
  };

  const showList = open && value === undefined && matches.length > 0;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const n = matches.length || 1;
      setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : -1) + n) % n);
    } else if (e.key === 'Enter' && showList && matchesFor !== text.trim()) {
      e.preventDefault();
      pickOnArrival.current = true;
    } else if (e.key === 'Enter' && showList) {
      e.preventDefault();
      const contact = matches[active];
      if (contact) pick(contact);
    } else if (e.key === 'Escape' && (showList || text)) {
      e.preventDefault();
      e.stopPropagation();
      if (showList) setOpen(false);
      else setText('');
    } else if (e.key === 'Backspace' && value !== undefined) {
      e.preventDefault();
      clear();
    }
  };

  return (
    <div className={value !== undefined ? 'contact-filter is-set' : 'contact-filter'}>
      <Icon name="search" size={14} className="contact-filter-icon" />
      <input
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList ? `${listId}-${active}` : undefined}
        className="input input-sm contact-filter-input"
        placeholder="Any contact"
        autoComplete="off"
        readOnly={value !== undefined}
        value={value !== undefined ? (name ?? '') : text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {value !== undefined ? (
        <button type="button" className="contact-filter-clear" aria-label="Any contact" onClick={clear}>
          <Icon name="x" size={13} />
        </button>
      ) : null}
      <div
        id={listId}
        role="listbox"
        aria-label="Contacts"
        className="contact-filter-list"
        hidden={!showList}
      >
        {matches.map((contact, i) => (
          // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the combobox input
          <div
            key={contact.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'contact-filter-option is-active' : 'contact-filter-option'}
            // mousedown, not click: the pick must happen before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(contact);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <span className="truncate">{contact.displayName}</span>
            {contact.company ? <span className="contact-filter-meta truncate">{contact.company}</span> : null}
          </div>
        ))}
      </div>
    </div>
  );
}
