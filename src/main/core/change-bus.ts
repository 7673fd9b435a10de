import type { ChangeScope, ProgressPayload } from '../../shared/api/pushes.ts';

/**
 * In-process notifications between the parts of main: the dispatcher announces the scopes a
 * write declared, and clock moves; the reminder scheduler re-plans, and the shells push "data
 * changed" to their renderer.
 */
export type ChangeEvent =
  | { type: 'data-changed'; scopes: readonly ChangeScope[] }
  | { type: 'clock-changed'; now: string }
  /** Long work in progress (an import): forwarded to the window, never a reason to re-plan. */
  | ({ type: 'progress' } & ProgressPayload);

export interface ChangeBus {
  emit(event: ChangeEvent): void;
  /** Returns unsubscribe. */
  subscribe(listener: (event: ChangeEvent) => void): () => void;
}

export function createChangeBus(): ChangeBus {
  const listeners = new Set<(event: ChangeEvent) => void>();
  return {
    emit(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          // One faulty subscriber must not stop the others (or the write that emitted).
          console.error('[followthrough] change listener failed:', error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
