import { useEffect, useRef } from 'react';
import { isModalOpen, isTypingTarget } from '../app/keys.ts';
import { useHotkey } from '../app/useHotkey.ts';
import { useUndo } from './useUndo.ts';

/**
 * `z`, and Ctrl+Z / Cmd+Z, undo the last quick action on the screens that have them (Today, the
 * calendar). Never while typing in a field: there the keys belong to the field's own undo.
 */
export function useUndoKeys(): void {
  const { undo } = useUndo();
  const latest = useRef(undo);
  latest.current = undo;
  useHotkey('z', () => void latest.current());
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      // Shift makes it redo, which there is none of; Alt combinations belong to the system.
      if (e.key.toLowerCase() !== 'z' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey) return;
      if (e.defaultPrevented || isTypingTarget(e.target) || isModalOpen()) return;
      e.preventDefault();
      void latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
