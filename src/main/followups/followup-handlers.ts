import { ApiError } from '../../shared/api/errors.ts';
import type { HandlerDeps } from '../core/handler-deps.ts';
import { type RegistrySlice, read, write } from '../core/registry.ts';
import { listPromises } from '../store/promises-store.ts';
import { recordUndoable } from '../undo/undo-service.ts';
import { bulkSubject, catchUpSubject, stepSubject } from '../undo/undo-subjects.ts';

type FollowUpHandlers = RegistrySlice<
  | 'followups.list'
  | 'followups.today'
  | 'followups.done'
  | 'followups.snooze'
  | 'followups.skip'
  | 'followups.schedule'
  | 'followups.reschedule'
  | 'followups.arrangeMeeting'
  | 'followups.thank'
  | 'followups.previewCatchUp'
  | 'followups.catchUp'
  | 'followups.previewBulkClose'
  | 'followups.bulkClose'
  | 'promises.add'
  | 'promises.list'
  | 'promises.done'
  | 'promises.cancel'
  | 'testing.setNow'
>;

/** A step's outcome shows in Today, the calendar and the contact's follow-ups. */
const STEPS = ['followups'] as const;
/** Done logs an interaction: the timeline and the contact's "last interaction" change too. */
const LOGGED = ['followups', 'interactions', 'contacts'] as const;

export function followUpHandlers(deps: HandlerDeps): FollowUpHandlers {
  const { engine, bus } = deps;
  return {
    'followups.list': read((q) => engine.list(q)),
    // Building Today first settles waits that ran out (the engine's sweep), which may end cycles.
    'followups.today': write(STEPS, () => engine.today()),
    // The quick actions record how to undo them (src/main/undo), in the same transaction.
    'followups.done': write(LOGGED, (input) =>
      recordUndoable(
        deps,
        () => engine.done(input),
        (r) => stepSubject('done', r.followUp),
      ),
    ),
    'followups.snooze': write(STEPS, (input) =>
      recordUndoable(
        deps,
        () => engine.snooze(input.id, 'preset' in input ? { preset: input.preset } : { until: input.until }),
        (step) => stepSubject('snooze', step),
      ),
    ),
    'followups.skip': write(STEPS, ({ id }) =>
      recordUndoable(
        deps,
        () => engine.skip(id),
        (step) => stepSubject('skip', step),
      ),
    ),
    'followups.schedule': write(STEPS, (input) => engine.schedule(input)),
    'followups.reschedule': write(STEPS, (input) =>
      recordUndoable(
        deps,
        () => engine.reschedule(input),
        (r) => stepSubject('reschedule', r.followUp),
      ),
    ),
    'followups.arrangeMeeting': write(STEPS, (input) => engine.arrangeMeeting(input)),
    'followups.thank': write(STEPS, (input) => engine.thank(input)),
    'followups.previewCatchUp': read(() => engine.previewCatchUp()),
    // Backlog triage is undone as one action: every step and cycle it changed, and what it planned.
    'followups.catchUp': write(STEPS, () =>
      recordUndoable(
        deps,
        () => engine.catchUp(),
        (plan) => catchUpSubject(plan.moved),
      ),
    ),
    'followups.previewBulkClose': read((filter) => engine.previewBulkClose(filter)),
    'followups.bulkClose': write(STEPS, ({ action, ...filter }) =>
      recordUndoable(
        deps,
        () => engine.bulkClose(filter, action),
        (result) => bulkSubject(action, result.closed),
      ),
    ),
    'promises.add': write(STEPS, (input) => engine.addPromise(input)),
    'promises.list': read((q) => listPromises(deps.db, q)),
    'promises.done': write(STEPS, ({ id }) => engine.closePromise(id, 'done')),
    'promises.cancel': write(STEPS, ({ id }) => engine.closePromise(id, 'cancelled')),
    // Moving the clock changes no row, but what is due: announced as a clock change instead.
    'testing.setNow': read(({ now }) => {
      if (!deps.testClock)
        throw new ApiError('forbidden', 'The clock can only be moved in a server started with --test-clock.');
      deps.testClock.set(new Date(now));
      bus.emit({ type: 'clock-changed', now });
      return { now: deps.clock().toISOString() };
    }),
  };
}
