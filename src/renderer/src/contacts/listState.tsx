import { createContext, type ReactNode, useContext, useMemo, useRef, useState } from 'react';
import type { ContactSort } from '../../../shared/domain/contact.ts';

export type BrowseSort = Exclude<ContactSort, 'relevance'>;

export interface ContactFilters {
  query: string;
  /** The order when browsing; kept separately so clearing a search restores it. */
  sort: BrowseSort;
  /** The order while searching: best match unless the user picks another. */
  searchSort: ContactSort;
  tag: string | null;
  eventId: number | null;
  showArchived: boolean;
  /** Only imported contacts not reviewed yet (status 'imported'). */
  reviewOnly: boolean;
}

export const DEFAULT_FILTERS: ContactFilters = {
  query: '',
  sort: 'name',
  searchSort: 'relevance',
  tag: null,
  eventId: null,
  showArchived: false,
  reviewOnly: false,
};

interface ListState {
  filters: ContactFilters;
  setFilters: (update: (f: ContactFilters) => ContactFilters) => void;
  /** Where the list was scrolled and which row was active, restored on the way back from a contact. */
  memory: { scrollOffset: number; activeIndex: number };
}

const ListStateContext = createContext<ListState | null>(null);

/** Lives above the routes, so opening a contact and coming back keeps search, filters and scroll. */
export function ContactListStateProvider({ children }: { children: ReactNode }) {
  const [filters, setFiltersState] = useState(DEFAULT_FILTERS);
  const memory = useRef({ scrollOffset: 0, activeIndex: 0 });
  const value = useMemo<ListState>(
    () => ({ filters, setFilters: setFiltersState, memory: memory.current }),
    [filters],
  );
  return <ListStateContext value={value}>{children}</ListStateContext>;
}

export function useContactListState(): ListState {
  const value = useContext(ListStateContext);
  if (!value) throw new Error('useContactListState must be used inside <ContactListStateProvider>');
  return value;
}
