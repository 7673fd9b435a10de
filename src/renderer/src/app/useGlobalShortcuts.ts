import { useEffect, useRef } from 'react';
import { isModalOpen, isTypingTarget } from './keys.ts';
import { navigate } from './router.ts';

export interface GlobalShortcutActions {
  openCapture: () => void;
  openShortcuts: () => void;
  focusSearch: () => void;
}

/** "g" then a letter, like Gmail and Linear; the second key must follow within this window. */
const SEQUENCE_TIMEOUT_MS = 1200;
// A Map: the key pressed is outside input ("constructor" must find nothing).
const GO_TARGETS = new Map<string, string>([
  ['t', '/today'],
  // "a" for agenda: "c" was taken by Contacts first.
  ['a', '/calendar'],
  ['c', '/contacts'],
  ['e', '/events'],
  // "r" for report: "i" was taken by Import.
  ['r', '/insights'],
  ['s', '/settings'],
  ['i', '/import'],
  ['d', '/duplicates'],
]);

/** When "g" was pressed (0: not waiting); module-wide so page shortcuts can tell "g s" from "s". */
let pendingG = 0;

export function isGoSequencePending(): boolean {
  return pendingG !== 0 && Date.now() - pendingG < SEQUENCE_TIMEOUT_MS;
}

export function useGlobalShortcuts(actions: GlobalShortcutActions): void {
  const latest = useRef(actions);
  latest.current = actions;

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const mod = e.ctrlKey || e.metaKey;
      // Capture works from anywhere, even inside a field: it is the one thing that must be instant.
      if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'n') {
        if (isModalOpen()) return;
        e.preventDefault();
        latest.current.openCapture();
        return;
      }
      if (mod || e.altKey || isTypingTarget(e.target) || isModalOpen()) return;

      if (pendingG && Date.now() - pendingG < SEQUENCE_TIMEOUT_MS) {
        pendingG = 0;
        const target = GO_TARGETS.get(e.key.toLowerCase());
        if (target) {
          e.preventDefault();
          navigate(target);
        }
        return;
      }
      pendingG = 0;
      switch (e.key) {
        case 'g':
          pendingG = Date.now();
          break;
        case 'n':
        case 'N':
          e.preventDefault();
          latest.current.openCapture();
          break;
        case '/':
          e.preventDefault();
          latest.current.focusSearch();
          break;
        case '?':
          e.preventDefault();
          latest.current.openShortcuts();
          break;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
