import { useEffect, useRef } from 'react';
import type { ChangeScope } from '../../../shared/api/pushes.ts';
import type { PushSource } from './pushes.ts';

/**
 * What changed, so screens that show it can reload. The renderer has no shared cache: a screen
 * refetches when something it shows may have changed (locally, or pushed by main). Topics are
 * the contract's change scopes: what a handler declares is exactly what a screen listens to.
 */
export type ChangeTopic = ChangeScope;

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

/**
 * Main pushes 'data-changed' after every write made through its dispatcher, whoever asked (this
 * window, another page, a notification's Done button), with the scopes the handler declared.
 */
export function listenToPushes(pushes: PushSource): () => void {
  return pushes.on('data-changed', ({ scopes }) => notifyChanged(...scopes));
}
