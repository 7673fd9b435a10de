import { useEffect, useRef } from 'react';
import { isModalOpen, isTypingTarget } from './keys.ts';

/**
 * A single-key page shortcut (e.g. "l" on a contact page). It stays quiet while the user types
 * in a field, while a dialog is open, and when a modifier is held (those belong to the browser).
 */
export function useHotkey(key: string, handler: (e: KeyboardEvent) => void, enabled = true): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== key || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (isTypingTarget(e.target) || isModalOpen()) return;
      e.preventDefault();
      latest.current(e);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [key, enabled]);
}
