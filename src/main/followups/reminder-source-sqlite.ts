import type { ReminderSource } from '../reminders/reminder-source.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { Db } from '../store/database.ts';
import * as store from '../store/reminders-store.ts';
import { momentOf } from '../time/moment.ts';
import { dueList } from './budget.ts';
import type { FollowUpEngine } from './engine.ts';

/** The scheduler's view of the store; replanning goes through the engine (sweep + re-timing). */
export function sqliteReminderSource(
  db: Db,
  engine: FollowUpEngine,
  settings: Pick<SettingsStore, 'get'>,
): ReminderSource {
  return {
    dueUnnotified: (now) => store.dueUnnotified(db, now.toISOString()),
    markNotified: (ids, at) => {
      if (ids.length) store.markNotified(db, ids, at.toISOString());
    },
    // The tray counts what the sidebar and Today count: today's budget, from the same query.
    dueNow: (now) => {
      const current = settings.get();
      return dueList(
        db,
        momentOf(() => now, current),
        current.caps.dailyBudget,
        0,
      ).inBudget.map((row) => ({
        id: row.id,
        contactId: row.contactId,
        contactName: row.contactName,
        purpose: row.purpose,
        reason: row.reason,
        context: row.context,
        dueAt: row.dueAt,
        priority: row.priority,
      }));
    },
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
