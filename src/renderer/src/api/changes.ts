import { useEffect, useRef } from 'react';

/**
 * What changed, so screens that show it can reload. The renderer has no shared cache: a screen
 * refetches when something it shows may have changed (locally, or pushed by main in Electron).
 */
export type ChangeTopic = 'contacts' | 'events' | 'interactions' | 'settings';

const listeners = new Set<(topic: ChangeTopic) => void>();

export function notifyChanged(...topics: ChangeTopic[]): void {
  for (const topic of topics) for (const listener of listeners) listener(topic);
}

export function useOnChange(topics: readonly ChangeTopic[], callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  const key = topics.join(',');
  useEffect(() => {
    const wanted = new Set(key.split(','));
    const listener = (topic: ChangeTopic) => {
      if (wanted.has(topic)) latest.current();
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [key]);
}

/** Electron's main process pushes 'data-changed' when something outside this window wrote. */
export function listenToMainProcess(): () => void {
  const bridge = window.followthrough;
  if (!bridge) return () => {};
  return bridge.on('data-changed', () => notifyChanged('contacts', 'events', 'interactions'));
}
