import type { MethodName, MethodOutput } from '../../shared/api/contract.ts';
import type { CalendarItem } from '../../shared/domain/calendar.ts';
import type { FollowUp, TodayView } from '../../shared/domain/followup.ts';
import type { UndoEntry } from '../../shared/domain/undo.ts';
import {
  type DatedReading,
  type HasDatedText,
  type Read,
  readDated,
  readOptional,
} from '../../shared/format/dated-text.ts';

/**
 * The CLI is a reader like the renderer: every API result is read (its days written in the
 * system's locale) before a command prints it, as text or as --json, so neither ever holds a
 * mark. The record must name every method whose result holds dated text, or this fails to
 * compile: a new one cannot print marks by omission.
 */
type DatedMethod = { [M in MethodName]: true extends HasDatedText<MethodOutput<M>> ? M : never }[MethodName];

type Reader<M extends MethodName> = (value: MethodOutput<M>, r: DatedReading) => Read<MethodOutput<M>>;

const step = <T extends FollowUp | null>(f: T, r: DatedReading): Read<T> =>
  (f === null
    ? null
    : { ...f, reason: readDated(f.reason, r), cancelReason: readOptional(f.cancelReason, r) }) as Read<T>;

const steps = <T extends FollowUp>(list: readonly T[], r: DatedReading): Read<T>[] =>
  list.map((f) => step(f, r));

const entry = (e: UndoEntry, r: DatedReading): Read<UndoEntry> => ({
  ...e,
  summary: readDated(e.summary, r),
});

const calendarItem = (item: CalendarItem, r: DatedReading): Read<CalendarItem> =>
  (item.reason === undefined
    ? item
    : { ...item, reason: readOptional(item.reason, r) }) as Read<CalendarItem>;

const today = (t: TodayView, r: DatedReading): Read<TodayView> => ({
  ...t,
  overdue: steps(t.overdue, r),
  dueToday: steps(t.dueToday, r),
  waiting: steps(t.waiting, r),
  upcoming: steps(t.upcoming, r),
});

const READERS: { [M in DatedMethod]: Reader<M> } = {
  'followups.list': steps,
  'followups.today': today,
  'followups.done': (v, r) => ({ ...v, followUp: step(v.followUp, r), next: step(v.next, r) }),
  'followups.snooze': step,
  'followups.skip': step,
  'followups.schedule': (v, r) => ({ ...v, followUp: step(v.followUp, r) }),
  'followups.reschedule': (v, r) => ({ ...v, followUp: step(v.followUp, r) }),
  'followups.arrangeMeeting': (v, r) => ({ ...v, followUp: step(v.followUp, r) }),
  'followups.thank': (v, r) => ({ ...v, followUp: step(v.followUp, r) }),
  'calendar.range': (v, r) => ({ ...v, items: v.items.map((item) => calendarItem(item, r)) }),
  'calendar.item': (v, r) => ({ ...v, reason: readOptional(v.reason, r) }),
  'undo.last': (v, r) => (v === null ? null : entry(v, r)),
  'undo.apply': (v, r) => ({ ...v, undone: entry(v.undone, r), followUp: step(v.followUp, r) }),
};

const readers = new Map<MethodName, (value: unknown, r: DatedReading) => unknown>(
  Object.entries(READERS) as [MethodName, (value: unknown, r: DatedReading) => unknown][],
);

/** A method's result as the CLI prints it: every dated text in it read. */
export function readResult<M extends MethodName>(
  method: M,
  value: MethodOutput<M>,
  reading: DatedReading,
): Read<MethodOutput<M>> {
  const reader = readers.get(method);
  return (reader ? reader(value, reading) : value) as Read<MethodOutput<M>>;
}
