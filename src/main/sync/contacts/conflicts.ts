import type { SyncConflictItem } from '../../../shared/domain/sync-conflicts.ts';
import { getContact } from '../../store/contacts-store.ts';
import {
  cardsInState,
  dropCard,
  dropConflict,
  forgetAddressbookReadState,
  getConflict,
  listConflicts,
  markChangedHere,
} from '../../store/sync-cards-store.ts';
import { writeTransaction } from '../../store/transaction.ts';
import { applyToContact, type LocalDeps } from './apply-local.ts';
import { type CardSession, deleteCard } from './carddav.ts';
import { SCALAR_FIELDS, type ScalarField } from './synced-fields.ts';

export function listContactConflicts(deps: Pick<LocalDeps, 'db'>): SyncConflictItem[] {
  return listConflicts(deps.db).map((c) => ({
    ...c,
    contactName: getContact(deps.db, c.contactId)?.displayName ?? '',
  }));
}

export type Resolution = { take: 'local' | 'remote' } | { value: string | null };

/**
 * The user's choice for a conflict: the value goes into the contact here, the conflict goes, and
 * the card is marked changed here, so the next pass PUTs the choice (If-Match) even when it is
 * the value this side already had. Throws in words when the conflict or the value is not valid.
 */
export function resolveConflict(deps: LocalDeps, id: number, choice: Resolution): void {
  writeTransaction(deps.db, () => {
    const conflict = getConflict(deps.db, id);
    if (!conflict) throw new Error(`There is no sync conflict with id ${id}.`);
    const field = SCALAR_FIELDS.find((f) => f === conflict.field) as ScalarField | undefined;
    if (!field) throw new Error(`The conflict's field "${conflict.field}" is not one the sync writes.`);
    const value =
      'value' in choice ? choice.value : choice.take === 'local' ? conflict.local : conflict.remote;
    const done = applyToContact(deps, conflict.contactId, { [field]: value });
    if ('error' in done) throw new Error(`That value cannot be kept: ${done.error}.`);
    dropConflict(deps.db, id);
    markChangedHere(deps.db, conflict.contactId);
  });
}

export interface DeleteOutcome {
  deleted: number;
  /** Cards changed on the server since the contact was deleted here: kept there, in words. */
  kept: string[];
}

/**
 * The user confirmed: the cards of contacts deleted here are deleted on the server, each with
 * If-Match on the ETag last seen, so a card a phone edited since is not deleted blind.
 */
export async function confirmDeletes(
  deps: Pick<LocalDeps, 'db'>,
  session: CardSession,
  accountId: number,
  addressbookUrl: string,
): Promise<DeleteOutcome> {
  const outcome: DeleteOutcome = { deleted: 0, kept: [] };
  for (const row of cardsInState(deps.db, accountId, 'deleted-here')) {
    const answer = await deleteCard(session, addressbookUrl, row.href, row.etag);
    if (answer === 'changed') {
      outcome.kept.push(
        `${row.href} was changed on the server after it was deleted here; it was kept there.`,
      );
      continue;
    }
    writeTransaction(deps.db, () => dropCard(deps.db, accountId, row.contactId));
    outcome.deleted++;
  }
  return outcome;
}

/** The user declined: the cards stay on the server and come back here as contacts at the next pass. */
export function keepServerCards(deps: Pick<LocalDeps, 'db'>, accountId: number): number {
  return writeTransaction(deps.db, () => {
    const rows = cardsInState(deps.db, accountId, 'deleted-here');
    for (const row of rows) dropCard(deps.db, accountId, row.contactId);
    forgetAddressbookReadState(deps.db, accountId);
    return rows.length;
  });
}
