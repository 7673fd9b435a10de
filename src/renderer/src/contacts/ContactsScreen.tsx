import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useOpenCapture } from '../app/CaptureContext.tsx';
import { navigate } from '../app/router.ts';
import { takePendingSearchFocus } from '../app/searchFocus.ts';
import { plural } from '../format/text.ts';
import { Button } from '../ui/Button.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { useFocusWhenShown } from '../ui/useListKeys.ts';
import { ContactList, type ContactListHandle } from './ContactList.tsx';
import { ContactListToolbar } from './ContactListToolbar.tsx';
import { ImportedReviewBar, NothingToReview, useImportedCount } from './ImportedReview.tsx';
import { type ContactFilters, DEFAULT_FILTERS, useContactListState } from './listState.tsx';
import { NoContactsState } from './NoContactsState.tsx';
import { type PageQuery, useContactPages } from './useContactPages.ts';
import './contacts-screen.css';

/** What the list asks the service for: a search has its own order. */
function listQueryFor(filters: ContactFilters): PageQuery {
  const query = filters.query.trim();
  return {
    ...(query ? { query } : {}),
    sort: query ? filters.searchSort : filters.sort,
    ...(filters.tag ? { tag: filters.tag } : {}),
    ...(filters.eventId ? { eventId: filters.eventId } : {}),
    status: filters.reviewOnly ? 'imported' : filters.showArchived ? 'all' : 'active',
  };
}

export function ContactsScreen({ params }: { params: URLSearchParams }) {
  const { filters, setFilters, memory } = useContactListState();
  const [activeIndex, setActiveIndex] = useState(memory.activeIndex);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<ContactListHandle>(null);
  const openCapture = useOpenCapture();

  // Links such as #/contacts?event=7 (from an event page) set a filter once, then leave the URL.
  const eventParam = params.get('event');
  const tagParam = params.get('tag');
  const statusParam = params.get('status');
  useEffect(() => {
    if (eventParam === null && tagParam === null && statusParam === null) return;
    setFilters((f) => ({
      ...f,
      eventId: eventParam && /^\d+$/.test(eventParam) ? Number(eventParam) : f.eventId,
      tag: tagParam ?? f.tag,
      reviewOnly: statusParam === null ? f.reviewOnly : statusParam === 'imported',
    }));
    window.history.replaceState(window.history.state, '', '#/contacts');
  }, [eventParam, tagParam, statusParam, setFilters]);

  const pages = useContactPages(listQueryFor(filters));
  // After `g c` the first row takes the arrow keys at once (unless `/` asked for the search).
  useFocusWhenShown(() => listRef.current?.focus(), pages.total !== null && pages.total > 0);
  // Every keystroke searches at once, no debounce: its request leaves before React renders the
  // keystroke, useContactPages cancels the request of the query typed past, and the rows on
  // screen stay until the new ones arrive.
  const searchText = filters.query;
  const setSearchText = (query: string) => {
    pages.request(listQueryFor({ ...filters, query }));
    setFilters((f) => ({ ...f, query }));
  };
  // "/" pressed elsewhere: the search takes the focus, and what was typed before it was here.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, as the screen comes
  useEffect(() => {
    const typed = takePendingSearchFocus();
    if (typed === null) return;
    searchRef.current?.focus();
    if (typed) setSearchText(typed);
  }, []);
  const imported = useImportedCount(pages.total !== null || pages.error !== undefined);
  const reviewing = pages.shownQuery?.status === 'imported';
  const showEveryone = () => setFilters((f) => ({ ...f, reviewOnly: false }));

  // A new result set starts with its first row active.
  const shownKey = pages.shownKey;
  const firstKey = useRef(shownKey);
  useEffect(() => {
    if (firstKey.current !== shownKey) setActiveIndex(0);
    firstKey.current = shownKey;
  }, [shownKey]);
  useEffect(() => {
    memory.activeIndex = activeIndex;
  }, [activeIndex, memory]);

  const open = (id: number) => navigate(`/contacts/${id}`);

  const onSearchKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      listRef.current?.focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      listRef.current?.openActive();
    } else if (e.key === 'Escape' && searchText) {
      e.preventDefault();
      setSearchText('');
    }
  };

  const total = pages.total;
  const shown = pages.shownQuery;
  const shownNarrowed = Boolean(shown && (shown.query || shown.tag || shown.eventId));
  const clearAll = () => {
    setFilters((f) => ({ ...DEFAULT_FILTERS, sort: f.sort, showArchived: f.showArchived }));
  };

  return (
    <div className="screen contacts-screen">
      <header className="screen-header">
        <div className="screen-title">
          <h1>Contacts</h1>
          <span className="screen-count" aria-live="polite">
            {total === null
              ? ''
              : pages.truncated
                ? `Top ${total} matches · keep typing to narrow`
                : shownNarrowed
                  ? plural(total, 'match', 'matches')
                  : plural(total, 'person', 'people')}
          </span>
        </div>
        <div className="screen-actions">
          <Button icon="download" onClick={() => navigate('/import')}>
            Import
          </Button>
          <Button variant="primary" icon="plus" shortcut="N" onClick={openCapture}>
            Capture
          </Button>
        </div>
      </header>
      <ContactListToolbar
        filters={filters}
        searchText={searchText}
        onSearchTextChange={setSearchText}
        onSearchKeyDown={onSearchKeyDown}
        onChange={setFilters}
        searchRef={searchRef}
        optionsReady={total !== null || pages.error !== undefined}
        importedCount={imported.data}
      />
      {reviewing && total ? <ImportedReviewBar count={total} onDone={showEveryone} /> : null}
      {pages.error ? (
        <div className="screen-banner">
          <ErrorBanner error={pages.error} title="Could not load contacts" onRetry={pages.retry} />
        </div>
      ) : null}
      {total === 0 && reviewing ? (
        <NothingToReview onShowAll={showEveryone} />
      ) : total === 0 && !shownNarrowed ? (
        <NoContactsState
          onCapture={openCapture}
          showingArchived={filters.showArchived}
          onShowArchived={() => setFilters((f) => ({ ...f, showArchived: true }))}
        />
      ) : total === 0 ? (
        <EmptyState
          icon="search"
          title={shown?.query ? `No one matches “${shown.query}”` : 'No one matches these filters'}
          actions={
            <>
              <Button onClick={clearAll}>Clear search and filters</Button>
              <Button variant="primary" icon="plus" onClick={openCapture}>
                Capture someone new
              </Button>
            </>
          }
        >
          <p>Search looks at names, companies, titles, where you met and what you discussed.</p>
          {filters.showArchived ? null : (
            <p>Archived contacts are hidden; turn on “Show archived” to include them.</p>
          )}
        </EmptyState>
      ) : total === null ? (
        // The list mounts once the count is known, so a remembered scroll position can apply.
        <div className="contact-list" aria-busy="true" />
      ) : (
        <ContactList
          ref={listRef}
          label={
            reviewing ? 'Imported contacts to review' : shownNarrowed ? 'Matching contacts' : 'All contacts'
          }
          pages={pages}
          activeIndex={activeIndex}
          onActiveIndexChange={setActiveIndex}
          onOpen={open}
          initialScrollOffset={memory.scrollOffset}
          onScrollOffsetChange={(offset) => {
            memory.scrollOffset = offset;
          }}
        />
      )}
    </div>
  );
}
