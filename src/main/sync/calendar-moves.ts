import type { SyncObject } from '../store/sync-store.ts';
import { localDayOfIso } from '../time/local-day.ts';
import { eventStart } from './calendar-objects.ts';
import type { CalendarPass } from './calendar-pass.ts';

/**
 * A step moved in the calendar app: the server's event starts on another local day than the one
 * pushed. Then the step is rescheduled to that day through the engine (its caps and day-off
 * warnings reported), and the app's version goes back out at the follow-up hour. A time moved
 * within the same day, or any other edit, is not a move: the app's version overwrites it
 * (README, "Sync").
 */
export function applyMove(pass: CalendarPass, object: SyncObject, serverData: string): boolean {
  // Meetings and promises are the app's: their moves are put back like any other edit.
  if (object.kind !== 'step') return false;
  const start = eventStart(serverData, pass.timeZone);
  if (!start || !object.pushedStart) return false;
  const dueOn = start.day ?? localDayOfIso(start.at, pass.timeZone);
  if (dueOn === localDayOfIso(object.pushedStart, pass.timeZone)) return false;
  // A step is planned from today on (the contract's own bound for a reschedule).
  if (dueOn < pass.reading.today) {
    pass.errors.push(
      `A follow-up was moved to ${dueOn} in the calendar, which is in the past; the app's day is put back.`,
    );
    return false;
  }
  try {
    const { warnings } = pass.reschedule({ id: object.entityId, dueOn });
    pass.moved.push({ followUpId: object.entityId, dueOn, warnings });
    return true;
  } catch (error) {
    pass.errors.push(
      `The follow-up moved to ${dueOn} in the calendar could not be rescheduled (${(error as Error).message}); the app's day is put back.`,
    );
    return false;
  }
}
