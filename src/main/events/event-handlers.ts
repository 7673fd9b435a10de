import { ApiError } from '../../shared/api/errors.ts';
import type { NetworkEvent } from '../../shared/domain/event.ts';
import { type HandlerDeps, nowIso } from '../core/handler-deps.ts';
import { type RegistrySlice, read, write } from '../core/registry.ts';
import type { Db } from '../store/database.ts';
import { getEvent, insertEvent, listEvents, updateEvent } from '../store/events-store.ts';
import { writeTransaction } from '../store/transaction.ts';

type EventHandlers = RegistrySlice<'events.list' | 'events.get' | 'events.create' | 'events.update'>;

export function eventHandlers(deps: HandlerDeps): EventHandlers {
  const { db } = deps;
  return {
    'events.list': read(() => listEvents(db)),
    'events.get': read(({ id }) => mustGet(db, id)),
    'events.create': write(['events'], (draft) =>
      writeTransaction(db, () => {
        const id = insertEvent(
          db,
          {
            name: draft.name,
            date: draft.date,
            location: draft.location ?? null,
            notes: draft.notes ?? null,
          },
          nowIso(deps),
        );
        return mustGet(db, id);
      }),
    ),
    // An event's name shows on its people ("met at …").
    'events.update': write(['events', 'contacts'], ({ id, ...patch }) =>
      writeTransaction(db, () => {
        if (!updateEvent(db, id, patch, nowIso(deps))) throw notFound(id);
        return mustGet(db, id);
      }),
    ),
  };
}

function mustGet(db: Db, id: number): NetworkEvent {
  const event = getEvent(db, id);
  if (!event) throw notFound(id);
  return event;
}

const notFound = (id: number) => new ApiError('not_found', `There is no event with id ${id}.`);
