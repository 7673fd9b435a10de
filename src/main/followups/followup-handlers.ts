import type { Handlers } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import type { HandlerDeps } from '../api/handler-deps.ts';
import { listPromises } from '../store/promises-store.ts';

type FollowUpHandlers = Pick<
  Handlers,
  | 'followups.list'
  | 'followups.today'
  | 'followups.done'
  | 'followups.snooze'
  | 'followups.skip'
  | 'followups.schedule'
  | 'followups.reschedule'
  | 'followups.arrangeMeeting'
  | 'followups.thank'
  | 'promises.add'
  | 'promises.list'
  | 'promises.done'
  | 'promises.cancel'
  | 'testing.setNow'
>;

export function followUpHandlers(deps: HandlerDeps): FollowUpHandlers {
  const { engine, bus } = deps;
  /** Every write tells the scheduler and the open pages (Today, tray count) at once. */
  const changed = <T>(value: T): T => {
    bus.emit({ type: 'data-changed', scope: 'followups' });
    return value;
  };
  return {
    'followups.list': (q) => engine.list(q),
    'followups.today': () => engine.today(),
    'followups.done': (input) => changed(engine.done(input)),
    'followups.snooze': (input) =>
      changed(engine.snooze(input.id, 'preset' in input ? { preset: input.preset } : { until: input.until })),
    'followups.skip': ({ id }) => changed(engine.skip(id)),
    'followups.schedule': (input) => changed(engine.schedule(input)),
    'followups.reschedule': (input) => changed(engine.reschedule(input)),
    'followups.arrangeMeeting': (input) => changed(engine.arrangeMeeting(input)),
    'followups.thank': (input) => changed(engine.thank(input)),
    'promises.add': (input) => changed(engine.addPromise(input)),
    'promises.list': (q) => listPromises(deps.db, q),
    'promises.done': ({ id }) => changed(engine.closePromise(id, 'done')),
    'promises.cancel': ({ id }) => changed(engine.closePromise(id, 'cancelled')),
    'testing.setNow': ({ now }) => {
      if (!deps.testClock)
        throw new ApiError('forbidden', 'The clock can only be moved in a server started with --test-clock.');
      deps.testClock.set(new Date(now));
      bus.emit({ type: 'clock-changed', now });
      return { now: deps.clock().toISOString() };
    },
  };
}
