import { useLayoutEffect, useReducer, useRef, useState } from 'react';

/**
 * Roving focus over Today's rows. One row is "focused" (what D, S, X act on) even before the
 * user touches the keyboard; DOM focus follows only when asked, so loading the page never steals
 * focus. When the focused row goes away (done, skipped), the one that takes its place inherits it.
 */
export function useRowFocus<R extends { key: string }>(rows: readonly R[], initialKey: string | null) {
  const [focusedKey, setFocusedKey] = useState<string | null>(initialKey);
  const wantDomFocus = useRef(initialKey !== null);
  // A wish for DOM focus is met by the next render. Asking for the row already focused (K on the
  // top row) changes no state, so no render came, and the wish waited for the next one, which
  // could be a menu opening: the row then took the keyboard back from the menu.
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const lastIndex = useRef(0);

  const foundIndex = rows.findIndex((r) => r.key === focusedKey);
  if (foundIndex >= 0) lastIndex.current = foundIndex;
  const index = foundIndex >= 0 ? foundIndex : Math.min(lastIndex.current, rows.length - 1);
  const focused: R | undefined = rows[index];

  useLayoutEffect(() => {
    if (!wantDomFocus.current || !focused) return;
    wantDomFocus.current = false;
    const el = document.querySelector<HTMLElement>(`[data-row-key="${CSS.escape(focused.key)}"]`);
    el?.focus({ preventScroll: true });
    el?.scrollIntoView({ block: 'nearest' });
  });

  /** Makes `key` the focused row; `dom` moves the browser's focus there too. */
  const focusRow = (key: string | undefined, dom = true) => {
    if (!key) return;
    setFocusedKey(key);
    wantDomFocus.current = dom;
    if (dom) rerender();
  };

  return {
    focused,
    focusRow,
    /** Marks a row focused without moving DOM focus (it already has it, e.g. after a click). */
    noteFocus: (key: string) => setFocusedKey(key),
    move: (delta: number) => {
      if (!rows.length) return;
      focusRow(rows[Math.max(0, Math.min(rows.length - 1, index + delta))]?.key);
    },
    /** The row to focus once `row` is gone: the next one, else the previous. */
    successorOf: (row: R) => {
      const i = rows.indexOf(row);
      return rows[i + 1] ?? rows[i - 1];
    },
  };
}
