import type { Handlers } from '../../shared/api/contract.ts';
import { calendarHandlers } from '../calendar/calendar-handlers.ts';
import { contactHandlers } from '../contacts/contact-handlers.ts';
import { eventHandlers } from '../events/event-handlers.ts';
import { followUpHandlers } from '../followups/followup-handlers.ts';
import { interactionHandlers } from '../interactions/interaction-handlers.ts';
import type { HandlerDeps } from './handler-deps.ts';

/** The full handler map: one slice per domain, checked against the contract by the type. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    'app.info': () => deps.info,
    ...contactHandlers(deps),
    ...interactionHandlers(deps),
    ...eventHandlers(deps),
    ...followUpHandlers(deps),
    ...calendarHandlers(deps),
    'settings.get': () => deps.settings.get(),
    'settings.update': (patch) => {
      const settings = deps.settings.update(patch);
      // Hour, zone or working days may have moved: due times follow.
      deps.engine.replan();
      deps.bus.emit({ type: 'data-changed', scope: 'settings' });
      return settings;
    },
  };
}
