import { type KeyboardEvent, type RefObject, useMemo } from 'react';
import type { ContactSort } from '../../../shared/domain/contact.ts';
import { useApiData } from '../api/useApiData.ts';
import { useEvents } from '../events/useEvents.ts';
import { formatDay } from '../format/dates.ts';
import { Icon } from '../ui/Icon.tsx';
import { Kbd } from '../ui/Kbd.tsx';
import { ImportedFilterToggle } from './ImportedReview.tsx';
import type { BrowseSort, ContactFilters } from './listState.tsx';

const SORT_LABELS: Record<ContactSort, string> = {
  relevance: 'Best match',
  name: 'Name',
  lastInteraction: 'Last interaction',
  metOn: 'Date met',
  recentlyAdded: 'Recently added',
};
const BROWSE_SORTS: BrowseSort[] = ['name', 'lastInteraction', 'metOn', 'recentlyAdded'];

export function ContactListToolbar({
  filters,
  searchText,
  onSearchTextChange,
  onSearchKeyDown,
  onChange,
  searchRef,
  optionsReady,
  importedCount,
}: {
  /** Imported contacts waiting for review; undefined until known. */
  importedCount: number | undefined;
  /** Tag and event options load after the first page of people: the server answers in order. */
  optionsReady: boolean;
  filters: ContactFilters;
  searchText: string;
  onSearchTextChange: (text: string) => void;
  onSearchKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
  onChange: (update: (f: ContactFilters) => ContactFilters) => void;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const tags = useApiData('tags', (api) => api['contacts.tags']({}), ['contacts'], optionsReady);
  const events = useEvents(optionsReady);
  // Built once per list, not per keystroke: 200 events, each with a formatted date, were a
  // good part of what every key in the search box cost.
  const tagOptions = useMemo(
    () =>
      (tags.data ?? []).map((t) => (
        <option key={t.name} value={t.name}>
          {t.name} ({t.count.toLocaleString()})
        </option>
      )),
    [tags.data],
  );
  const eventOptions = useMemo(
    () =>
      (events.data ?? []).map((ev) => (
        <option key={ev.id} value={ev.id}>
          {ev.name} · {formatDay(ev.date, { short: true })}
        </option>
      )),
    [events.data],
  );
  const searching = searchText.trim() !== '';
  const sortValue = searching ? filters.searchSort : filters.sort;
  const sortOptions: ContactSort[] = searching ? ['relevance', ...BROWSE_SORTS] : BROWSE_SORTS;

  return (
    <div className="contact-toolbar">
      <div className="search-box">
        <Icon name="search" className="search-icon" />
        <input
          ref={searchRef}
          id="contact-search"
          type="search"
          className="input search-input"
          placeholder="Search name, company, where you met, what you discussed…"
          aria-label="Search contacts"
          value={searchText}
          onChange={(e) => onSearchTextChange(e.target.value)}
          onKeyDown={onSearchKeyDown}
          autoComplete="off"
          spellCheck={false}
        />
        {searching ? null : (
          <span className="search-hint">
            <Kbd subtle>/</Kbd>
          </span>
        )}
      </div>
      <div className="contact-toolbar-filters">
        <label className="toolbar-select">
          <span className="visually-hidden">Sort by</span>
          <select
            className="select select-sm"
            value={sortValue}
            onChange={(e) => {
              const sort = e.target.value as ContactSort;
              onChange((f) =>
                searching ? { ...f, searchSort: sort } : { ...f, sort: sort === 'relevance' ? f.sort : sort },
              );
            }}
          >
            {sortOptions.map((s) => (
              <option key={s} value={s}>
                Sort: {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar-select">
          <span className="visually-hidden">Filter by tag</span>
          <select
            className="select select-sm"
            value={filters.tag ?? ''}
            onChange={(e) => onChange((f) => ({ ...f, tag: e.target.value || null }))}
          >
            <option value="">All tags</option>
            {tagOptions}
          </select>
        </label>
        <label className="toolbar-select">
          <span className="visually-hidden">Filter by event</span>
          <select
            className="select select-sm"
            value={filters.eventId ?? ''}
            onChange={(e) =>
              onChange((f) => ({ ...f, eventId: e.target.value ? Number(e.target.value) : null }))
            }
          >
            <option value="">All events</option>
            {eventOptions}
          </select>
        </label>
        <ImportedFilterToggle
          count={importedCount}
          active={filters.reviewOnly}
          onChange={(reviewOnly) => onChange((f) => ({ ...f, reviewOnly }))}
        />
        <label className="switch">
          <input
            type="checkbox"
            disabled={filters.reviewOnly}
            checked={filters.showArchived}
            onChange={(e) => onChange((f) => ({ ...f, showArchived: e.target.checked }))}
          />
          Show archived
        </label>
      </div>
    </div>
  );
}
