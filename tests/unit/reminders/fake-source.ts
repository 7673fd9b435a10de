import type { DueReminder, ReminderSource } from '../../../src/main/reminders/reminder-source.ts';
import { plainText } from '../../../src/shared/format/dated-text.ts';

interface Step {
  reminder: DueReminder;
  due: number;
  notifiedAt: number | null;
}

/** An in-memory ReminderSource that records every notification and refuses a second one. */
export function createFakeSource() {
  const steps = new Map<number, Step>();
  const log: Array<{ id: number; at: number }> = [];
  const duplicates: number[] = [];
  let replans = 0;
  let nextId = 1;

  const byDue = (a: Step, b: Step) => a.due - b.due || a.reminder.priority - b.reminder.priority;
  const dueAt = (now: Date) => [...steps.values()].filter((s) => s.due <= now.getTime());

  const source: ReminderSource = {
    dueUnnotified: (now) =>
      dueAt(now)
        .filter((s) => s.notifiedAt === null)
        .sort(byDue)
        .map((s) => s.reminder),
    markNotified(ids, at) {
      for (const id of ids) {
        const step = steps.get(id);
        if (!step) throw new Error(`no step ${id}`);
        if (step.notifiedAt !== null) duplicates.push(id);
        step.notifiedAt = at.getTime();
        log.push({ id, at: at.getTime() });
      }
    },
    dueNow: (now) =>
      dueAt(now)
        .sort((a, b) => a.reminder.priority - b.reminder.priority || a.due - b.due)
        .map((s) => s.reminder),
    nextDueAfter(now) {
      const later = [...steps.values()].filter((s) => s.due > now.getTime()).map((s) => s.due);
      return later.length ? new Date(Math.min(...later)) : null;
    },
    notifiedBetween: (from, to) => log.filter((n) => n.at >= from.getTime() && n.at < to.getTime()).length,
    replan() {
      replans++;
      return true;
    },
  };

  return {
    source,
    log,
    duplicates,
    replans: () => replans,
    add(dueIso: string | number, extra: Partial<DueReminder> = {}): DueReminder {
      const id = nextId++;
      const due = typeof dueIso === 'number' ? dueIso : Date.parse(dueIso);
      const reminder: DueReminder = {
        id,
        contactId: 100 + id,
        contactName: `Contact ${id}`,
        purpose: 'refresher',
        reason: plainText(`You met ${id} at the summit`),
        context: null,
        dueAt: new Date(due).toISOString(),
        priority: 5,
        ...extra,
      };
      steps.set(id, { reminder, due, notifiedAt: null });
      return reminder;
    },
    /** Done or skipped: gone from the source. */
    remove(id: number) {
      steps.delete(id);
    },
    notifiedIds: () => log.map((n) => n.id),
    isNotified: (id: number) => steps.get(id)?.notifiedAt != null,
  };
}

export type FakeSource = ReturnType<typeof createFakeSource>;
