import { type RefObject, useEffect, useRef } from 'react';
import { isModalOpen, isTypingTarget } from '../app/keys.ts';
import { isGoSequencePending } from '../app/useGlobalShortcuts.ts';

/**
 * True when focus is nowhere in particular: on the page itself (the screen it was on went away
 * with a `g` shortcut) or on the sidebar link just used to get here. A screen may then take it.
 */
export function focusIsFree(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active.closest('.sidebar') !== null;
}

/**
 * Once `ready` (the list has its rows), focus goes to it unless the user has put it elsewhere,
 * so the arrow keys work from the moment a list shows, not after pressing Tab nine times.
 */
export function useFocusWhenShown(focus: () => void, ready: boolean): void {
  const done = useRef(false);
  const latest = useRef(focus);
  latest.current = focus;
  useEffect(() => {
    if (!ready || done.current) return;
    done.current = true;
    if (focusIsFree()) latest.current();
  }, [ready]);
}

const MOVES: Record<string, (i: number, n: number) => number> = {
  ArrowDown: (i, n) => Math.min(n - 1, i + 1),
  j: (i, n) => Math.min(n - 1, i + 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  k: (i) => Math.max(0, i - 1),
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * A list of focusable items (links, cards) driven by ↑/↓ (or j/k), Home and End, with the first
 * item focused when it shows. Tab still walks every control; this adds the list's own keys.
 */
export function useListKeys(
  container: RefObject<HTMLElement | null>,
  itemSelector: string,
  ready: boolean,
): void {
  const items = () => [...(container.current?.querySelectorAll<HTMLElement>(itemSelector) ?? [])];
  useFocusWhenShown(() => items()[0]?.focus({ preventScroll: false }), ready);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const move = MOVES[e.key];
      if (!move || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (isTypingTarget(e.target) || isModalOpen() || isGoSequencePending()) return;
      const list = container.current;
      if (!list) return;
      const inList = list.contains(document.activeElement);
      if (!inList && !focusIsFree()) return;
      const all = [...list.querySelectorAll<HTMLElement>(itemSelector)];
      if (all.length === 0) return;
      const current = all.findIndex((el) => el.contains(document.activeElement));
      e.preventDefault();
      all[current < 0 ? 0 : move(current, all.length)]?.focus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [container, itemSelector]);
}
