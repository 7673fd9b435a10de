import type { Handlers } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { type HandlerDeps, nowIso } from '../api/handler-deps.ts';
import { contactExists } from '../store/contacts-store.ts';
import {
  deleteInteraction,
  getInteraction,
  insertInteraction,
  listInteractions,
} from '../store/interactions-store.ts';

type InteractionHandlers = Pick<Handlers, 'interactions.list' | 'interactions.add' | 'interactions.delete'>;

export function interactionHandlers(deps: HandlerDeps): InteractionHandlers {
  const { db } = deps;
  const requireContact = (contactId: number) => {
    if (!contactExists(db, contactId))
      throw new ApiError('not_found', `There is no contact with id ${contactId}.`);
  };
  return {
    'interactions.list': ({ contactId }) => {
      requireContact(contactId);
      return listInteractions(db, contactId);
    },
    'interactions.add': (draft) =>
      db.transaction(() => {
        requireContact(draft.contactId);
        const now = nowIso(deps);
        const id = insertInteraction(
          db,
          {
            contactId: draft.contactId,
            // Stored in UTC so timelines sort correctly whatever offset the caller used.
            occurredAt: draft.occurredAt ? new Date(draft.occurredAt).toISOString() : now,
            channel: draft.channel,
            direction: draft.direction,
            summary: draft.summary,
            outcome: draft.outcome ?? null,
          },
          now,
        );
        const interaction = getInteraction(db, id)!;
        // A reply cancels waiting nudges; a message out answers the open one (issue 3 rules).
        deps.engine.afterInteractionLogged(interaction);
        deps.bus.emit({ type: 'data-changed', scope: 'followups' });
        return interaction;
      })(),
    'interactions.delete': ({ id }) => {
      const deleted = db.transaction(() => deleteInteraction(db, id))();
      if (deleted === 0) throw new ApiError('not_found', `There is no interaction with id ${id}.`);
      return { deleted };
    },
  };
}
