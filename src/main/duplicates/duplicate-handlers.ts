import { ApiError } from '../../shared/api/errors.ts';
import { fillPhoneKeys, phoneRegion } from '../contacts/phone-keys.ts';
import { type HandlerDeps, nowIso } from '../core/handler-deps.ts';
import { type RegistrySlice, read, write } from '../core/registry.ts';
import { contactExists } from '../store/contacts-store.ts';
import { dismissPair } from '../store/duplicates-store.ts';
import { findDuplicates } from './find-duplicates.ts';
import { lastMerge, mergeContacts, undoLastMerge } from './merge.ts';

type DuplicateHandlers = RegistrySlice<
  'duplicates.list' | 'duplicates.dismiss' | 'contacts.merge' | 'contacts.undoMerge' | 'contacts.lastMerge'
>;

export function duplicateHandlers(deps: HandlerDeps): DuplicateHandlers {
  const { db } = deps;
  const mergeDeps = () => ({
    db,
    engine: deps.engine,
    now: nowIso(deps),
    keyPhones: () => fillPhoneKeys(db, phoneRegion(deps.settings.get())),
  });
  /** A merge moves timelines, promises and follow-ups from one person to the other. */
  const MERGED = ['contacts', 'interactions', 'followups', 'events'] as const;
  return {
    'duplicates.list': read(({ limit }) => findDuplicates(db, limit)),
    'duplicates.dismiss': write(['contacts'], ({ a, b }) => {
      for (const id of [a, b]) {
        if (!contactExists(db, id)) throw new ApiError('not_found', `There is no contact with id ${id}.`);
      }
      return { dismissed: dismissPair(db, a, b) };
    }),
    'contacts.merge': write(MERGED, (input) => mergeContacts(mergeDeps(), input)),
    'contacts.undoMerge': write(MERGED, () => undoLastMerge(mergeDeps())),
    'contacts.lastMerge': read(() => lastMerge(db)),
  };
}
