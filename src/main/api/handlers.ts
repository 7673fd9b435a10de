import { dataHandlers } from '../backup/data-handlers.ts';
import { calendarHandlers } from '../calendar/calendar-handlers.ts';
import { composeHandlers } from '../compose/compose-handlers.ts';
import { contactHandlers } from '../contacts/contact-handlers.ts';
import { fillPhoneKeys, phoneRegion } from '../contacts/phone-keys.ts';
import type { HandlerDeps } from '../core/handler-deps.ts';
import { type Registry, read, write } from '../core/registry.ts';
import { duplicateHandlers } from '../duplicates/duplicate-handlers.ts';
import { eventHandlers } from '../events/event-handlers.ts';
import { followUpHandlers } from '../followups/followup-handlers.ts';
import { importHandlers } from '../imports/import-handlers.ts';
import { createImportService } from '../imports/import-service.ts';
import { forecastHandlers } from '../insights/forecast/forecast-handlers.ts';
import { insightsHandlers } from '../insights/insights-handlers.ts';
import { interactionHandlers } from '../interactions/interaction-handlers.ts';
import { mailDraftsHandlers } from '../mail/drafts/drafts-handlers.ts';
import { mailHandlers } from '../mail/mail-handlers.ts';
import { mboxHandlers } from '../mail/mbox/mbox-handlers.ts';
import { resetPhoneKeys } from '../store/phone-keys-store.ts';
import { writeTransaction } from '../store/transaction.ts';
import { conflictHandlers } from '../sync/contacts/conflict-handlers.ts';
import { pendingHandlers } from '../sync/contacts/pending-handlers.ts';
import { syncHandlers } from '../sync/sync-handlers.ts';
import { undoHandlers } from '../undo/undo-handlers.ts';

/** The full handler map: one slice per domain, checked against the contract by the type. */
export function createHandlers(deps: HandlerDeps): Registry {
  return {
    'app.info': read(() => deps.info),
    ...contactHandlers(deps),
    ...interactionHandlers(deps),
    ...eventHandlers(deps),
    ...followUpHandlers(deps),
    ...calendarHandlers(deps),
    ...importHandlers(deps, createImportService(deps)),
    ...duplicateHandlers(deps),
    ...dataHandlers(deps),
    ...undoHandlers(deps),
    ...composeHandlers(deps),
    ...mboxHandlers(deps),
    ...mailHandlers(deps),
    ...mailDraftsHandlers(deps),
    ...insightsHandlers(deps),
    ...syncHandlers(deps),
    ...conflictHandlers(deps),
    ...pendingHandlers(deps),
    ...forecastHandlers(deps),
    'settings.get': read(() => deps.settings.get()),
    // Hour, zone, working days or budget may move every due time: Today and the calendar follow.
    'settings.update': write(
      ['settings', 'followups'],
      (patch) => {
        const before = deps.settings.get().phoneRegion;
        const settings = deps.settings.update(patch);
        if (settings.phoneRegion !== before) {
          // Numbers without a country code now read differently: normalise them all again.
          writeTransaction(deps.db, () => {
            resetPhoneKeys(deps.db);
            fillPhoneKeys(deps.db, phoneRegion(settings));
          });
        }
        deps.engine.replan();
        return settings;
      },
      { outsideDatabase: true },
    ),
  };
}
