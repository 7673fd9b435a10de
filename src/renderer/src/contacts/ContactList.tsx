import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type Ref, useEffect, useImperativeHandle, useLayoutEffect, useRef } from 'react';
import { ContactListHeader, ContactRow, ContactRowSkeleton } from './ContactRow.tsx';
import { FIRST_ROWS_MARK } from './first-rows-mark.ts';
import { ROWS_SHOWN_MARK, type RowsShownDetail } from './rows-shown-mark.ts';
import type { ContactPages } from './useContactPages.ts';
import './contact-list.css';

/** Matches --row-height in CSS; fixed heights keep scrolling 50,000 rows cheap. */
const ROW_HEIGHT = 60;

export interface ContactListHandle {
  focus: () => void;
  openActive: () => void;
  moveActive: (delta: number) => void;
}

/**
 * The virtualised list: only the rows in view (plus overscan) are in the DOM, and only their
 * pages are fetched. Arrow keys move the active row, Enter opens it.
 */

export function ContactList({
  pages,
  activeIndex,
  onActiveIndexChange,
  onOpen,
  initialScrollOffset,
  onScrollOffsetChange,
  label,
  hideMet = false,
  ref,
}: {
  /** On an event's page every row was met at that event: the column would only repeat it. */
  hideMet?: boolean;
  pages: ContactPages;
  activeIndex: number;
  onActiveIndexChange: (index: number) => void;
  onOpen: (id: number) => void;
  initialScrollOffset: number;
  onScrollOffsetChange: (offset: number) => void;
  label: string;
  ref?: Ref<ContactListHandle>;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const total = pages.total ?? 0;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // 300 px beyond each edge covers a frame of wheel scrolling; every row more is work for each
    // keystroke's answer to render and paint (12 rows cost ~1.5 ms of the search's budget).
    overscan: 5,
    initialOffset: initialScrollOffset,
    onChange: (instance) => onScrollOffsetChange(instance.scrollOffset ?? 0),
  });

  const items = virtualizer.getVirtualItems();
  const firstVisible = items[0]?.index ?? 0;
  const lastVisible = items[items.length - 1]?.index ?? 0;
  const { ensureRange } = pages;
  useEffect(() => {
    if (total > 0) ensureRange(firstVisible, lastVisible);
  });

  // User Timing mark for `npm run bench`: when the first rows of the list are on screen, in the
  // browser's own clock (time since navigation start), free of any test harness latency.
  const firstRowShown = total > 0 && pages.rowAt(firstVisible) !== undefined;
  useEffect(() => {
    if (firstRowShown && performance.getEntriesByName(FIRST_ROWS_MARK).length === 0)
      performance.mark(FIRST_ROWS_MARK);
  }, [firstRowShown]);

  // A new result set's rows are in the DOM: a layout effect runs in the commit's own task, before
  // the frame paints, so the bench can find that frame (search-latency.ts).
  const shownKey = pages.shownKey;
  const shownSearch = pages.shownQuery?.query ?? '';
  const markedKey = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!firstRowShown || markedKey.current === shownKey) return;
    markedKey.current = shownKey;
    performance.clearMarks(ROWS_SHOWN_MARK);
    performance.mark(ROWS_SHOWN_MARK, { detail: { query: shownSearch } satisfies RowsShownDetail });
  }, [firstRowShown, shownKey, shownSearch]);

  // A new query starts at the top.
  const previousKey = useRef(shownKey);
  useEffect(() => {
    // Only when scrolled: scrollToOffset reads the scroll height, a forced layout on every answer.
    if (previousKey.current !== null && previousKey.current !== shownKey && virtualizer.scrollOffset)
      virtualizer.scrollToOffset(0);
    previousKey.current = shownKey;
  }, [shownKey, virtualizer]);

  const clamp = (i: number) => Math.max(0, Math.min(total - 1, i));
  const moveTo = (i: number) => {
    const next = clamp(i);
    onActiveIndexChange(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const openActive = () => {
    const row = pages.rowAt(activeIndex);
    if (row) onOpen(row.id);
  };

  useImperativeHandle(ref, () => ({
    focus: () => listRef.current?.focus(),
    openActive,
    moveActive: (delta: number) => moveTo(activeIndex + delta),
  }));

  const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 1);
  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + pageRows,
      PageUp: activeIndex - pageRows,
      Home: 0,
      End: total - 1,
    };
    const target = moves[e.key];
    if (target !== undefined && total > 0) {
      e.preventDefault();
      moveTo(target);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      openActive();
    }
  };

  const activeRow = pages.rowAt(activeIndex);
  return (
    <div className={hideMet ? 'contact-list hide-met' : 'contact-list'}>
      <ContactListHeader />
      <div className="contact-list-scroll" ref={scrollRef}>
        <div
          ref={listRef}
          role="listbox"
          aria-label={label}
          tabIndex={0}
          aria-activedescendant={activeRow ? `contact-row-${activeRow.id}` : undefined}
          className="contact-list-inner"
          style={{ height: virtualizer.getTotalSize() }}
          onKeyDown={onKeyDown}
        >
          {items.map((item) => {
            const contact = pages.rowAt(item.index);
            const style = { height: ROW_HEIGHT, transform: `translateY(${item.start}px)` };
            return contact ? (
              <ContactRow
                key={item.key}
                id={`contact-row-${contact.id}`}
                contact={contact}
                active={item.index === activeIndex}
                position={{ index: item.index, total }}
                style={style}
                onOpen={(id) => {
                  onActiveIndexChange(item.index);
                  onOpen(id);
                }}
              />
            ) : (
              <ContactRowSkeleton key={item.key} style={style} />
            );
          })}
        </div>
      </div>
    </div>
  );
}
