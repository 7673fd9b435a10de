import type { ContactNudge, PromiseItem, TodayItem, TodayView } from '../../../shared/domain/followup.ts';

/**
 * Today as one list of rows in reading order, so J/K walk from the most urgent to the least
 * across every section, and each row says which one-key actions it answers to.
 */
export type SectionId =
  | 'overdue'
  | 'dueToday'
  | 'waiting'
  | 'metRecently'
  | 'metLongAgo'
  | 'goingCold'
  | 'promisesMine'
  | 'promisesTheirs'
  | 'upcoming';

export type TodayRow =
  | { key: string; kind: 'step'; section: SectionId; step: TodayItem }
  | { key: string; kind: 'nudge'; section: SectionId; nudge: ContactNudge }
  | { key: string; kind: 'promise'; section: SectionId; promise: PromiseItem };

export const stepKey = (id: number) => `step:${id}`;

/** Met within this many days still counts as "just met": a refresher is exactly on time. */
const RECENT_DAYS = 2;

export function buildSections(view: TodayView, hidden: ReadonlySet<string>): Map<SectionId, TodayRow[]> {
  const steps = (section: SectionId, items: TodayItem[]): TodayRow[] =>
    items.map((step) => ({ key: stepKey(step.id), kind: 'step', section, step }));
  const nudges = (section: SectionId, items: ContactNudge[]): TodayRow[] =>
    items.map((nudge) => ({ key: `${section}:${nudge.contactId}`, kind: 'nudge', section, nudge }));
  const promises = (section: SectionId, items: PromiseItem[]): TodayRow[] =>
    items.map((promise) => ({ key: `promise:${promise.id}`, kind: 'promise', section, promise }));

  // Each promise shows once: as its step when that is due now, else under "Open promises".
  const dueNow = [...view.overdue, ...view.dueToday, ...view.waiting];
  const promisedNow = new Set(dueNow.map((s) => s.promiseId).filter((id) => id !== null));
  const openPromise = (p: PromiseItem) => !promisedNow.has(p.id);
  const listedPromises = new Set(
    [...view.promises.mine, ...view.promises.theirs].filter(openPromise).map((p) => p.id),
  );
  const upcoming = view.upcoming.filter((s) => s.promiseId === null || !listedPromises.has(s.promiseId));

  const sections = new Map<SectionId, TodayRow[]>([
    ['overdue', steps('overdue', view.overdue)],
    ['dueToday', steps('dueToday', view.dueToday)],
    ['waiting', steps('waiting', view.waiting)],
    [
      'metRecently',
      nudges(
        'metRecently',
        view.metNotFollowedUp.filter((n) => n.days <= RECENT_DAYS),
      ),
    ],
    [
      'metLongAgo',
      nudges(
        'metLongAgo',
        view.metNotFollowedUp.filter((n) => n.days > RECENT_DAYS),
      ),
    ],
    ['goingCold', nudges('goingCold', view.goingCold)],
    ['promisesMine', promises('promisesMine', view.promises.mine.filter(openPromise))],
    ['promisesTheirs', promises('promisesTheirs', view.promises.theirs.filter(openPromise))],
    ['upcoming', steps('upcoming', upcoming)],
  ]);
  for (const [id, rows] of sections) {
    sections.set(
      id,
      rows.filter((r) => !hidden.has(r.key)),
    );
  }
  return sections;
}

export function contactIdOf(row: TodayRow): number {
  switch (row.kind) {
    case 'step':
      return row.step.contactId;
    case 'nudge':
      return row.nudge.contactId;
    case 'promise':
      return row.promise.contactId;
  }
}
