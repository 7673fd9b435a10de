import type { ReminderSource } from '../reminders/reminder-source.ts';
import type { Db } from '../store/database.ts';
import * as store from '../store/reminders-store.ts';
import type { FollowUpEngine } from './engine.ts';

/** The scheduler's view of the store; replanning goes through the engine (sweep + re-timing). */
export function sqliteReminderSource(db: Db, engine: FollowUpEngine): ReminderSource {
  return {
    dueUnnotified: (now) => store.dueUnnotified(db, now.toISOString()),
    markNotified: (ids, at) => {
      if (ids.length) store.markNotified(db, ids, at.toISOString());
    },
    dueNow: (now) => store.dueNow(db, now.toISOString()),
    nextDueAfter: (now) => {
      const next = store.nextDueAfter(db, now.toISOString());
      return next ? new Date(next) : null;
    },
    notifiedBetween: (from, to) => store.notifiedBetween(db, from.toISOString(), to.toISOString()),
    replan: () => {
      engine.replan();
      return true;
    },
  };
}
