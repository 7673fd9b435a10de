import { type RefObject, useLayoutEffect } from 'react';

/** The custom property a chip's end keeps free for the "+N" beside it (read in calendar.css). */
const ROOM = '--cal-more-room';

interface Span {
  top: number;
  bottom: number;
}

/**
 * Where a busy hour's "+N" goes in the week and day grids. FullCalendar gives the chip beside it
 * the whole column and lays the "+N" over the chip's end ("D" or "Z…" at 1024 px). It moves to
 * the half hour under the chip when that is free, so the name keeps its room; where another chip
 * is there (it lay over "Camille …" at 09:45), it stays beside its chip, whose name ends before it.
 * Which chips a "+N" would lie over is only known from the layout (they share no element), so it
 * is measured after each render and undone when the grid changes.
 */
export function useMoreRoom(frame: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const el = frame.current;
    if (!el) return;
    let queued = 0;
    const apply = () => {
      queued = 0;
      const below = new Set<HTMLElement>();
      const room = new Map<HTMLElement, number>();
      for (const more of el.querySelectorAll<HTMLElement>('.cal-view-grid .cal-more-column')) {
        const harness = more.parentElement;
        const column = harness?.parentElement;
        if (!harness || !column) continue;
        const span = spanOf(harness);
        const under = { top: span.bottom + 2, bottom: 2 * span.bottom - span.top + 2 };
        const box = more.getBoundingClientRect();
        const beside: HTMLElement[] = [];
        let taken = false;
        for (const chip of chipsOf(column)) {
          const s = spanOf(chip);
          if (overlaps(s, span)) beside.push(chip);
          const across = chip.getBoundingClientRect();
          if (overlaps(s, under) && across.right > box.left && across.left < box.right) taken = true;
        }
        if (!taken) {
          below.add(harness);
          continue;
        }
        // From the chip's end of the column to the "+N", and a gap: whatever margins the theme gives.
        // A chip that ends before the "+N" (two side by side on a wide screen) needs none.
        for (const chip of beside) {
          const need = chip.getBoundingClientRect().right - box.left + 2;
          if (need > 2) room.set(chip, Math.max(room.get(chip) ?? 0, need));
        }
      }
      // Written only where they change: the observer sees these writes too.
      for (const had of el.querySelectorAll<HTMLElement>('[data-more-below]'))
        if (!below.has(had)) delete had.dataset.moreBelow;
      for (const harness of below)
        if (harness.dataset.moreBelow === undefined) harness.dataset.moreBelow = '';
      for (const had of el.querySelectorAll<HTMLElement>('[data-more-room]'))
        if (!room.has(had)) {
          had.style.removeProperty(ROOM);
          delete had.dataset.moreRoom;
        }
      for (const [chip, need] of room) {
        const value = `${Math.ceil(need)}px`;
        if (chip.style.getPropertyValue(ROOM) === value) continue;
        chip.style.setProperty(ROOM, value);
        chip.dataset.moreRoom = '';
      }
    };
    const schedule = () => {
      if (!queued) queued = requestAnimationFrame(apply);
    };
    apply();
    const observer = new MutationObserver(schedule);
    observer.observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
    return () => {
      observer.disconnect();
      if (queued) cancelAnimationFrame(queued);
    };
  }, [frame]);
}

/** The harnesses of a day column that hold a timed chip. */
function* chipsOf(column: Element): Generator<HTMLElement> {
  for (const child of column.children)
    if (child instanceof HTMLElement && child.querySelector(':scope > .cal-event-timed')) yield child;
}

/** Where a chip's or a "+N"'s box lies down its day column (transforms aside). */
function spanOf(harness: HTMLElement): Span {
  return { top: harness.offsetTop, bottom: harness.offsetTop + harness.offsetHeight };
}

function overlaps(a: Span, b: Span): boolean {
  return a.top < b.bottom && b.top < a.bottom;
}
