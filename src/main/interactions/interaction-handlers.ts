import { ApiError } from '../../shared/api/errors.ts';
import { markNextStepIfOpen } from '../contacts/next-step.ts';
import { type HandlerDeps, nowIso } from '../core/handler-deps.ts';
import { type RegistrySlice, read, write } from '../core/registry.ts';
import { contactExists } from '../store/contacts-store.ts';
import {
  deleteInteraction,
  getInteraction,
  insertInteraction,
  listInteractions,
} from '../store/interactions-store.ts';
import { writeTransaction } from '../store/transaction.ts';

type InteractionHandlers = RegistrySlice<'interactions.list' | 'interactions.add' | 'interactions.delete'>;

export function interactionHandlers(deps: HandlerDeps): InteractionHandlers {
  const { db } = deps;
  const requireContact = (contactId: number) => {
    if (!contactExists(db, contactId))
      throw new ApiError('not_found', `There is no contact with id ${contactId}.`);
  };
  return {
    'interactions.list': read(({ contactId }) => {
      requireContact(contactId);
      return listInteractions(db, contactId);
    }),
    // The timeline, the contact's "last interaction", and the cycle it answers or ends.
    'interactions.add': write(['interactions', 'contacts', 'followups'], (draft) =>
      writeTransaction(db, () => {
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
        if (draft.nextStepDone) markNextStepIfOpen(deps, draft.contactId, interaction.occurredAt);
        return interaction;
      }),
    ),
    'interactions.delete': write(['interactions', 'contacts', 'followups'], ({ id }) => {
      const deleted = writeTransaction(db, () => deleteInteraction(db, id));
      if (deleted === 0) throw new ApiError('not_found', `There is no interaction with id ${id}.`);
      return { deleted };
    }),
  };
}
