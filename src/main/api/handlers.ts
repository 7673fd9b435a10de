import type { Handlers } from '../../shared/api/contract.ts';
import { dataHandlers } from '../backup/data-handlers.ts';
import { calendarHandlers } from '../calendar/calendar-handlers.ts';
import { contactHandlers } from '../contacts/contact-handlers.ts';
import { fillPhoneKeys, phoneRegion } from '../contacts/phone-keys.ts';
import { duplicateHandlers } from '../duplicates/duplicate-handlers.ts';
import { eventHandlers } from '../events/event-handlers.ts';
import { followUpHandlers } from '../followups/followup-handlers.ts';
import { importHandlers } from '../imports/import-handlers.ts';
import { createImportService } from '../imports/import-service.ts';
import { interactionHandlers } from '../interactions/interaction-handlers.ts';
import { resetPhoneKeys } from '../store/phone-keys-store.ts';
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
    ...importHandlers(deps, createImportService(deps)),
    ...duplicateHandlers(deps),
    ...dataHandlers(deps),
    'settings.get': () => deps.settings.get(),
    'settings.update': (patch) => {
      const before = deps.settings.get().phoneRegion;
      const settings = deps.settings.update(patch);
      if (settings.phoneRegion !== before) {
        // Numbers without a country code now read differently: normalise them all again.
        deps.db.transaction(() => {
          resetPhoneKeys(deps.db);
          fillPhoneKeys(deps.db, phoneRegion(settings));
        })();
      }
      // Hour, zone or working days may have moved: due times follow.
      deps.engine.replan();
      deps.bus.emit({ type: 'data-changed', scope: 'settings' });
      return settings;
    },
  };
}
