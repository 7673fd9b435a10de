import { ApiError } from '../../shared/api/errors.ts';
import type { Contact, ContactPatchParsed } from '../../shared/domain/contact.ts';
import { type HandlerDeps, nowIso } from '../core/handler-deps.ts';
import { type RegistrySlice, read, write } from '../core/registry.ts';
import {
  deleteContact,
  getContact,
  insertContact,
  listContacts,
  listTags,
  setArchived,
  updateContact,
  updateTagSettings,
} from '../store/contacts-store.ts';
import type { Db } from '../store/database.ts';
import { getEvent } from '../store/events-store.ts';
import { resetNextStepTracking } from '../store/next-step-store.ts';
import { writeTransaction } from '../store/transaction.ts';
import { splitDisplayName } from './names.ts';
import { markNextStep, nextStepToPromise } from './next-step.ts';
import { fillPhoneKeys, phoneRegion } from './phone-keys.ts';

type ContactHandlers = RegistrySlice<
  | 'contacts.list'
  | 'contacts.get'
  | 'contacts.create'
  | 'contacts.update'
  | 'contacts.setArchived'
  | 'contacts.delete'
  | 'contacts.tags'
  | 'tags.update'
  | 'contacts.nextStepDone'
  | 'contacts.nextStepToPromise'
>;

/** Patch fields that change what the follow-up engine plans for a contact. */
const PLANNING_FIELDS = ['pacing', 'urgent', 'cadenceDays', 'tags'] as const;

export function contactHandlers(deps: HandlerDeps): ContactHandlers {
  const { db, engine } = deps;
  const keyPhones = () => fillPhoneKeys(db, phoneRegion(deps.settings.get()));
  return {
    'contacts.list': read((q) => listContacts(db, q)),
    'contacts.get': read(({ id }) => mustGet(db, id)),
    // Capturing someone starts their first follow-up, and may add to an event's people.
    'contacts.create': write(['contacts', 'followups', 'events'], (draft) =>
      writeTransaction(db, () => {
        const eventDate = checkEvent(db, draft.metEventId);
        const names = draft.firstName || draft.lastName ? {} : splitDisplayName(draft.displayName);
        const id = insertContact(db, { ...draft, ...names, metOn: draft.metOn ?? eventDate }, nowIso(deps));
        keyPhones();
        engine.afterContactCreated(id);
        return mustGet(db, id);
      }),
    ),
    // Names and tags show on follow-ups; pacing and cadence re-plan them; the event may change.
    'contacts.update': write(['contacts', 'followups', 'events'], ({ id, patch }) =>
      writeTransaction(db, () => {
        checkEvent(db, patch.metEventId);
        const current = mustGet(db, id);
        // A different next step is a new agreement: not done, not a promise, no old due date.
        const newStep = patch.nextStep !== undefined && patch.nextStep !== current.nextStep;
        const due = newStep && patch.nextStepDueOn === undefined ? { nextStepDueOn: null } : {};
        if (!updateContact(db, id, { ...followNames(current, patch), ...due, ...patch }, nowIso(deps)))
          throw notFound(id);
        if (newStep) resetNextStepTracking(db, id);
        if (patch.phones) keyPhones();
        if (PLANNING_FIELDS.some((f) => patch[f] !== undefined)) engine.afterContactChanged(id);
        return mustGet(db, id);
      }),
    ),
    'contacts.setArchived': write(['contacts', 'followups', 'events'], ({ id, archived }) =>
      writeTransaction(db, () => {
        const now = nowIso(deps);
        if (!setArchived(db, id, archived ? now : null, now)) throw notFound(id);
        // Archiving ends this person's follow-ups; unarchiving restarts keep-in-touch.
        engine.afterContactChanged(id);
        return mustGet(db, id);
      }),
    ),
    'contacts.delete': write(['contacts', 'followups', 'interactions', 'events'], ({ id }) => {
      const deleted = writeTransaction(db, () => deleteContact(db, id));
      if (deleted === 0) throw notFound(id);
      return { deleted };
    }),
    'contacts.tags': read(() => listTags(db)),
    // Done closes the promise it became, which shows in Today and the calendar.
    'contacts.nextStepDone': write(['contacts', 'followups'], ({ id, done }) =>
      writeTransaction(db, () => {
        markNextStep(deps, id, done);
        return mustGet(db, id);
      }),
    ),
    'contacts.nextStepToPromise': write(['contacts', 'followups'], ({ id, dueOn }) =>
      writeTransaction(db, () => {
        const promise = nextStepToPromise(deps, id, dueOn);
        return { contact: mustGet(db, id), promise };
      }),
    ),
    'tags.update': write(['contacts', 'followups'], ({ name, pacing, cadenceDays }) =>
      writeTransaction(db, () => {
        const tag = updateTagSettings(db, name, { pacing, cadenceDays });
        if (!tag) throw new ApiError('not_found', `There is no tag called "${name}".`);
        engine.afterTagChanged(name);
        return tag;
      }),
    ),
  };
}

/**
 * First/last names that were guessed from the display name follow it when it is renamed; names
 * the user typed (anything but the guess) are left alone.
 */
function followNames(current: Contact, patch: ContactPatchParsed): ContactPatchParsed {
  if (patch.displayName === undefined || patch.firstName !== undefined || patch.lastName !== undefined)
    return {};
  const guessed = splitDisplayName(current.displayName);
  const wasGuessed = guessed.firstName === current.firstName && guessed.lastName === current.lastName;
  return wasGuessed ? splitDisplayName(patch.displayName) : {};
}

/** Returns the event's date (the default "met on") or throws if the event does not exist. */
function checkEvent(db: Db, eventId: number | null | undefined): string | null {
  if (eventId === null || eventId === undefined) return null;
  const event = getEvent(db, eventId);
  if (!event) {
    throw new ApiError('invalid_input', 'Invalid input.', [
      { path: 'metEventId', message: `there is no event with id ${eventId}` },
    ]);
  }
  return event.date;
}

function mustGet(db: Db, id: number): Contact {
  const contact = getContact(db, id);
  if (!contact) throw notFound(id);
  return contact;
}

const notFound = (id: number) => new ApiError('not_found', `There is no contact with id ${id}.`);
