import { useEffect, useRef } from 'react';
import { isModalOpen, isTypingTarget } from './keys.ts';
import { isGoSequencePending } from './useGlobalShortcuts.ts';

/**
 * Single-key page shortcuts (e.g. "l" on a contact page, "j"/"k" on Today). They stay quiet while
 * the user types in a field, while a dialog is open, and when a modifier is held (those belong to
 * the browser). Enter on a button or link belongs to that control, not to the page.
 */
export function useHotkeys(map: Record<string, (e: KeyboardEvent) => void>, enabled = true): void {
  const latest = useRef(map);
  latest.current = map;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      const handler = latest.current[e.key];
      if (!handler || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (isTypingTarget(e.target) || isModalOpen() || isGoSequencePending()) return;
      if ((e.key === 'Enter' || e.key === ' ') && isActivatable(e.target)) return;
      e.preventDefault();
      handler(e);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}

export function useHotkey(key: string, handler: (e: KeyboardEvent) => void, enabled = true): void {
  useHotkeys({ [key]: handler }, enabled);
}

function isActivatable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    target.closest('button, a[href], select, summary, [role="menuitem"]') !== null
  );
}
