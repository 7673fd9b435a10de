import type { Push } from '../../shared/api/pushes.ts';
import type { ChangeBus, ChangeEvent } from '../core/change-bus.ts';
import type { Scheduler, WakeReason } from './scheduler.ts';

export type { Push };

/**
 * What a change means for reminders. Settings may move working hours, the zone or the budget;
 * a clock move (test mode) changes what is due; any other write may add, finish or snooze steps.
 */
export function wakeReasonFor(event: Exclude<ChangeEvent, { type: 'progress' }>): WakeReason {
  if (event.type === 'clock-changed') return 'clock-changed';
  return event.scopes.includes('settings') ? 'settings-changed' : 'data-changed';
}

/**
 * Forwards every change on the bus to the scheduler and to the renderer. Returns unsubscribe.
 * A clock move is announced to the renderer as a follow-up change: what is due has changed.
 */
export function forwardChanges(bus: ChangeBus, scheduler: Pick<Scheduler, 'wake'>, push: Push): () => void {
  return bus.subscribe((event) => {
    if (event.type === 'progress') {
      const { type: _type, ...payload } = event;
      push('progress', payload);
      return;
    }
    push('data-changed', { scopes: event.type === 'clock-changed' ? ['followups'] : [...event.scopes] });
    scheduler.wake(wakeReasonFor(event));
  });
}
