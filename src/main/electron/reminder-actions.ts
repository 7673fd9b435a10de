import type { Dispatch } from '../api/dispatch.ts';
import type { Log } from './external-links.ts';

/**
 * What a notification button or a tray item does to a follow-up. Through the validated API, like
 * every other write, so the handlers announce the change and the scheduler and window follow.
 */
export interface ReminderActions {
  done(id: number): Promise<void>;
  /** Snoozes each for an hour; one failure does not stop the others. */
  snoozeForAnHour(ids: readonly number[]): Promise<void>;
}

export function createReminderActions(dispatch: Dispatch, log: Log): ReminderActions {
  const call = async (method: string, input: unknown) => {
    try {
      const envelope = await dispatch(method, input);
      // Typically "not found": the step was finished elsewhere after the notification went out.
      if (!envelope.ok) log(`${method} from a reminder failed: ${envelope.error.message}`);
    } catch (error) {
      log(`${method} from a reminder failed.`, error);
    }
  };
  return {
    done: (id) => call('followups.done', { id }),
    async snoozeForAnHour(ids) {
      for (const id of ids) await call('followups.snooze', { id, preset: '1h' });
    },
  };
}
