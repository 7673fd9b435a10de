import { useEffect, useRef } from 'react';
import type { PushSource } from './pushes.ts';

/**
 * What changed, so screens that show it can reload. The renderer has no shared cache: a screen
 * refetches when something it shows may have changed (locally, or pushed by main).
 */
export type ChangeTopic = 'contacts' | 'events' | 'interactions' | 'followups' | 'settings';

const ALL_TOPICS: ChangeTopic[] = ['contacts', 'events', 'interactions', 'followups', 'settings'];

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
 * Main pushes 'data-changed' when something else wrote (another window, the CLI, the reminder
 * scheduler moving a step). Its scope names the store area; what a screen shows follows from it.
 */
const SCOPE_TOPICS: Record<string, ChangeTopic[]> = {
  contacts: ['contacts', 'interactions', 'followups'],
  followups: ['followups'],
  events: ['events', 'contacts'],
  settings: ['settings', 'followups'],
};

export function listenToPushes(pushes: PushSource): () => void {
  return pushes.on('data-changed', ({ scope }) => {
    notifyChanged(...((scope && SCOPE_TOPICS[scope]) || ALL_TOPICS));
  });
}
