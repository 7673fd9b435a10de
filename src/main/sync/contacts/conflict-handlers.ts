import { ApiError } from '../../../shared/api/errors.ts';
import { fillPhoneKeys, phoneRegion } from '../../contacts/phone-keys.ts';
import { type HandlerDeps, nowIso } from '../../core/handler-deps.ts';
import { type RegistrySlice, read, write } from '../../core/registry.ts';
import { getConflict } from '../../store/sync-cards-store.ts';
import type { LocalDeps } from './apply-local.ts';
import { listContactConflicts, resolveConflict } from './conflicts.ts';

type ConflictHandlers = RegistrySlice<'sync.conflicts.list' | 'sync.conflicts.resolve'>;

export function conflictHandlers(deps: HandlerDeps): ConflictHandlers {
  const local: LocalDeps = {
    db: deps.db,
    engine: deps.engine,
    now: () => nowIso(deps),
    keyPhones: () => fillPhoneKeys(deps.db, phoneRegion(deps.settings.get())),
  };
  return {
    'sync.conflicts.list': read(() => listContactConflicts(local)),
    // The choice goes into the contact here; the next sync pass PUTs it to the server.
    'sync.conflicts.resolve': write(['contacts', 'sync'], (input) => {
      if (!getConflict(deps.db, input.id))
        throw new ApiError('not_found', `There is no sync conflict with id ${input.id}.`);
      try {
        resolveConflict(local, input.id, 'take' in input ? { take: input.take } : { value: input.value });
      } catch (error) {
        throw new ApiError('invalid_input', (error as Error).message, [
          { path: 'value', message: (error as Error).message },
        ]);
      }
      return { resolved: true as const, id: input.id };
    }),
  };
}
