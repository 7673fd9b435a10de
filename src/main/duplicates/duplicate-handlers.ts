import type { Handlers } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { type HandlerDeps, nowIso } from '../api/handler-deps.ts';
import { fillPhoneKeys, phoneRegion } from '../contacts/phone-keys.ts';
import { contactExists } from '../store/contacts-store.ts';
import { dismissPair } from '../store/duplicates-store.ts';
import { findDuplicates } from './find-duplicates.ts';
import { lastMerge, mergeContacts, undoLastMerge } from './merge.ts';

type DuplicateHandlers = Pick<
  Handlers,
  'duplicates.list' | 'duplicates.dismiss' | 'contacts.merge' | 'contacts.undoMerge' | 'contacts.lastMerge'
>;

export function duplicateHandlers(deps: HandlerDeps): DuplicateHandlers {
  const { db, bus } = deps;
  const mergeDeps = () => ({
    db,
    engine: deps.engine,
    now: nowIso(deps),
    keyPhones: () => fillPhoneKeys(db, phoneRegion(deps.settings.get())),
  });
  const changed = <T>(value: T): T => {
    bus.emit({ type: 'data-changed', scope: 'contacts' });
    return value;
  };
  return {
    'duplicates.list': ({ limit }) => findDuplicates(db, limit),
    'duplicates.dismiss': ({ a, b }) => {
      for (const id of [a, b]) {
        if (!contactExists(db, id)) throw new ApiError('not_found', `There is no contact with id ${id}.`);
      }
      return { dismissed: dismissPair(db, a, b) };
    },
    'contacts.merge': (input) => changed(mergeContacts(mergeDeps(), input)),
    'contacts.undoMerge': () => changed(undoLastMerge(mergeDeps())),
    'contacts.lastMerge': () => lastMerge(db),
  };
}
