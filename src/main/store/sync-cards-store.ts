import type { Db } from './database.ts';
import type { TableRows } from './row-snapshot.ts';
import { cached } from './statements.ts';

// The CardDAV side of sync (migration 015). Fields travel as JSON text; the store does not read it.

// ——— the address book of an account ———

export interface AddressbookState {
  url: string | null;
  syncToken: string | null;
  ctag: string | null;
  /** Set once the first link has run: from then on, cards are merged, not matched. */
  linkedAt: string | null;
}

export function addressbookState(db: Db, accountId: number): AddressbookState | undefined {
  return cached<[number], AddressbookState>(
    db,
    `SELECT addressbook_url AS url, addressbook_sync_token AS syncToken, addressbook_ctag AS ctag,
       contacts_linked_at AS linkedAt FROM sync_accounts WHERE id = ?`,
  ).get(accountId);
}

export function setAddressbookState(db: Db, accountId: number, state: AddressbookState): void {
  cached(
    db,
    `UPDATE sync_accounts SET addressbook_url = ?, addressbook_sync_token = ?, addressbook_ctag = ?,
       contacts_linked_at = ? WHERE id = ?`,
  ).run(state.url, state.syncToken, state.ctag, state.linkedAt, accountId);
}

/** The address book found or made for the account: passes use this URL, and show its name as listed. */
export function setAddressbookLink(db: Db, accountId: number, book: { url: string; name: string }): void {
  cached(db, 'UPDATE sync_accounts SET addressbook_url = ?, addressbook_name = ? WHERE id = ?').run(
    book.url,
    book.name,
    accountId,
  );
}

// ——— cards ———

export type CardState = 'linked' | 'deleted-here' | 'deleted-there';

export interface SyncCardRow {
  accountId: number;
  contactId: number;
  href: string;
  uid: string;
  etag: string | null;
  card: string;
  /** JSON of the synced fields as of this version. */
  base: string;
  localUpdatedAt: string;
  state: CardState;
  syncedAt: string;
}

const CARD_SELECT = `SELECT account_id AS accountId, contact_id AS contactId, href, uid, etag, card, base,
  local_updated_at AS localUpdatedAt, state, synced_at AS syncedAt FROM sync_cards`;

export function syncCards(db: Db, accountId: number): SyncCardRow[] {
  return cached<[number], SyncCardRow>(db, `${CARD_SELECT} WHERE account_id = ?`).all(accountId);
}

/** Every card's href, ETag and state, without the card texts and bases (50,000 of them are large). */
export function cardEtags(
  db: Db,
  accountId: number,
): { href: string; etag: string | null; state: CardState; contactId: number }[] {
  return cached<[number], { href: string; etag: string | null; state: CardState; contactId: number }>(
    db,
    'SELECT href, etag, state, contact_id AS contactId FROM sync_cards WHERE account_id = ?',
  ).all(accountId);
}

export function cardOfContact(db: Db, accountId: number, contactId: number): SyncCardRow | undefined {
  return cached<[number, number], SyncCardRow>(
    db,
    `${CARD_SELECT} WHERE account_id = ? AND contact_id = ?`,
  ).get(accountId, contactId);
}

export function cardAtHref(db: Db, accountId: number, href: string): SyncCardRow | undefined {
  return cached<[number, string], SyncCardRow>(db, `${CARD_SELECT} WHERE account_id = ? AND href = ?`).get(
    accountId,
    href,
  );
}

/** Linked contacts edited here since their card was last synced. */
export function cardsChangedHere(db: Db, accountId: number): SyncCardRow[] {
  return cached<[number], SyncCardRow>(
    db,
    `SELECT s.account_id AS accountId, s.contact_id AS contactId, s.href, s.uid, s.etag, s.card, s.base,
       s.local_updated_at AS localUpdatedAt, s.state, s.synced_at AS syncedAt
     FROM sync_cards s JOIN contacts c ON c.id = s.contact_id
     WHERE s.account_id = ? AND s.state = 'linked' AND c.updated_at IS NOT s.local_updated_at`,
  ).all(accountId);
}

export function saveCard(db: Db, row: SyncCardRow): void {
  cached(
    db,
    `INSERT INTO sync_cards (account_id, contact_id, href, uid, etag, card, base, local_updated_at, state, synced_at)
     VALUES (@accountId, @contactId, @href, @uid, @etag, @card, @base, @localUpdatedAt, @state, @syncedAt)
     ON CONFLICT (account_id, contact_id) DO UPDATE SET href = excluded.href, uid = excluded.uid,
       etag = excluded.etag, card = excluded.card, base = excluded.base,
       local_updated_at = excluded.local_updated_at, state = excluded.state, synced_at = excluded.synced_at`,
  ).run({ ...row });
}

export function setCardState(db: Db, accountId: number, contactId: number, state: CardState): void {
  cached(db, 'UPDATE sync_cards SET state = ? WHERE account_id = ? AND contact_id = ?').run(
    state,
    accountId,
    contactId,
  );
}

export function dropCard(db: Db, accountId: number, contactId: number): void {
  cached(db, 'DELETE FROM sync_cards WHERE account_id = ? AND contact_id = ?').run(accountId, contactId);
}

/** An account's cards in a state other than 'linked' (few: deletes waiting, cards gone there). */
export function cardsInState(db: Db, accountId: number, state: Exclude<CardState, 'linked'>): SyncCardRow[] {
  return cached<[number, string], SyncCardRow>(
    db,
    `${CARD_SELECT} WHERE account_id = ? AND state = ? ORDER BY contact_id`,
  ).all(accountId, state);
}

// ——— conflicts ———

export interface SyncConflictRow {
  id: number;
  accountId: number;
  contactId: number;
  field: string;
  base: string | null;
  local: string | null;
  remote: string | null;
  detectedAt: string;
}

const CONFLICT_SELECT = `SELECT id, account_id AS accountId, contact_id AS contactId, field, base_value AS base,
  local_value AS local, remote_value AS remote, detected_at AS detectedAt FROM sync_conflicts`;

/** A conflict kept, or its values brought up to date when the field is still in conflict. */
export function saveConflict(db: Db, c: Omit<SyncConflictRow, 'id'>): void {
  cached(
    db,
    `INSERT INTO sync_conflicts (account_id, contact_id, field, base_value, local_value, remote_value, detected_at)
     VALUES (@accountId, @contactId, @field, @base, @local, @remote, @detectedAt)
     ON CONFLICT (account_id, contact_id, field) DO UPDATE SET local_value = excluded.local_value,
       remote_value = excluded.remote_value`,
  ).run({ ...c });
}

export function conflictsOf(db: Db, accountId: number, contactId: number): SyncConflictRow[] {
  return cached<[number, number], SyncConflictRow>(
    db,
    `${CONFLICT_SELECT} WHERE account_id = ? AND contact_id = ? ORDER BY id`,
  ).all(accountId, contactId);
}

export function listConflicts(db: Db): SyncConflictRow[] {
  return cached<[], SyncConflictRow>(db, `${CONFLICT_SELECT} ORDER BY contact_id, id`).all();
}

export function getConflict(db: Db, id: number): SyncConflictRow | undefined {
  return cached<[number], SyncConflictRow>(db, `${CONFLICT_SELECT} WHERE id = ?`).get(id);
}

export function dropConflict(db: Db, id: number): void {
  cached(db, 'DELETE FROM sync_conflicts WHERE id = ?').run(id);
}

// ——— first-link reviews ———

export interface CardReviewRow {
  accountId: number;
  href: string;
  contactId: number;
  reason: string;
  etag: string | null;
  card: string;
  foundAt: string;
}

export function saveReview(db: Db, r: CardReviewRow): void {
  cached(
    db,
    `INSERT INTO sync_card_reviews (account_id, href, contact_id, reason, etag, card, found_at)
     VALUES (@accountId, @href, @contactId, @reason, @etag, @card, @foundAt)
     ON CONFLICT (account_id, href) DO UPDATE SET contact_id = excluded.contact_id, reason = excluded.reason,
       etag = excluded.etag, card = excluded.card`,
  ).run({ ...r });
}

export function listReviews(db: Db, accountId: number): CardReviewRow[] {
  return cached<[number], CardReviewRow>(
    db,
    `SELECT account_id AS accountId, href, contact_id AS contactId, reason, etag, card, found_at AS foundAt
     FROM sync_card_reviews WHERE account_id = ? ORDER BY href`,
  ).all(accountId);
}

/** Active contacts with no card in this account (and none waiting for review): new here. */
export function unlinkedContactIds(db: Db, accountId: number): number[] {
  return cached<[number, number], { id: number }>(
    db,
    `SELECT id FROM contacts c WHERE c.archived_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM sync_cards s WHERE s.account_id = ? AND s.contact_id = c.id)
       AND NOT EXISTS (SELECT 1 FROM sync_card_reviews r WHERE r.account_id = ? AND r.contact_id = c.id)
     ORDER BY id`,
  )
    .all(accountId, accountId)
    .map((r) => r.id);
}

/** Makes the next pass treat the contact as changed here (a conflict resolved for this side). */
export function markChangedHere(db: Db, contactId: number): void {
  cached(db, "UPDATE sync_cards SET local_updated_at = '' WHERE contact_id = ?").run(contactId);
}

/** The contact's updated_at, which the card row records to tell later edits here. */
export function contactUpdatedAt(db: Db, contactId: number): string | undefined {
  return cached<[number], { updatedAt: string }>(
    db,
    'SELECT updated_at AS updatedAt FROM contacts WHERE id = ?',
  ).get(contactId)?.updatedAt;
}

/**
 * The next pass lists the whole address book (a sync token only lists what changed since it,
 * a ctag may say nothing did): cards whose link was dropped here are then found again.
 */
export function forgetAddressbookReadState(db: Db, accountId: number): void {
  cached(
    db,
    'UPDATE sync_accounts SET addressbook_ctag = NULL, addressbook_sync_token = NULL WHERE id = ?',
  ).run(accountId);
}

export function getReview(db: Db, accountId: number, href: string): CardReviewRow | undefined {
  return cached<[number, string], CardReviewRow>(
    db,
    `SELECT account_id AS accountId, href, contact_id AS contactId, reason, etag, card, found_at AS foundAt
     FROM sync_card_reviews WHERE account_id = ? AND href = ?`,
  ).get(accountId, href);
}

export function dropReview(db: Db, accountId: number, href: string): void {
  cached(db, 'DELETE FROM sync_card_reviews WHERE account_id = ? AND href = ?').run(accountId, href);
}

/**
 * A merge: the kept contact takes over the merged one's card where it has none (phones already
 * hold that card, and the merged contact's delete would otherwise wait to remove it there), and
 * its create sent without an answer, so the next pass settles that card as the kept contact's.
 */
export function moveSyncLinks(db: Db, from: number, to: number): void {
  cached(
    db,
    `UPDATE sync_cards SET contact_id = @to, local_updated_at = '' WHERE contact_id = @from AND state = 'linked'
       AND account_id NOT IN (SELECT account_id FROM sync_cards WHERE contact_id = @to)`,
  ).run({ from, to });
  cached(
    db,
    `UPDATE sync_card_puts SET contact_id = @to WHERE contact_id = @from AND created = 1
       AND account_id NOT IN (SELECT account_id FROM sync_card_puts WHERE contact_id = @to)`,
  ).run({ from, to });
}

/**
 * The merged contact's sync rows as a merge is about to change them (its cards move to the kept
 * contact or wait for a delete there; its conflicts go with it): saved with the merge's undo.
 */
export function mergedSyncRows(db: Db, mergedId: number): TableRows {
  return {
    sync_cards: cached<[number], Record<string, unknown>>(
      db,
      "SELECT account_id, href FROM sync_cards WHERE contact_id = ? AND state = 'linked'",
    ).all(mergedId),
    sync_card_puts: cached<[number], Record<string, unknown>>(
      db,
      'SELECT account_id, href FROM sync_card_puts WHERE contact_id = ? AND created = 1',
    ).all(mergedId),
    sync_conflicts: cached<[number], Record<string, unknown>>(
      db,
      `SELECT account_id, field, base_value, local_value, remote_value, detected_at
       FROM sync_conflicts WHERE contact_id = ?`,
    ).all(mergedId),
  };
}

/**
 * A merge undone: the merged contact's cards are its own again, whether the kept contact took them
 * (phones would otherwise see the kept person under the merged one's card, and the merged one come
 * back as a new card) or they wait for a delete there (the user's confirming it would delete a
 * card of someone back here). Each is marked changed here, so the next pass writes the restored
 * contact back over what the merge sent, merging any phone edit made meanwhile. Its conflicts come
 * back with it; those the kept contact met on the card since are that card's no more.
 */
export function restoreMergedSyncRows(db: Db, keptId: number, mergedId: number, rows: TableRows): void {
  const json = (key: string) => JSON.stringify(rows[key] ?? []);
  const ids = { kept: keptId, merged: mergedId };
  const back = cached<[Record<string, unknown>], { accountId: number }>(
    db,
    `UPDATE sync_cards SET contact_id = @merged, state = 'linked', local_updated_at = ''
     WHERE (account_id, href) IN (SELECT value ->> 'account_id', value ->> 'href' FROM json_each(@cards))
       AND ((contact_id = @kept AND state = 'linked') OR (contact_id = @merged AND state = 'deleted-here'))
     RETURNING account_id AS accountId`,
  ).all({ ...ids, cards: json('sync_cards') });
  cached(
    db,
    `UPDATE sync_card_puts SET contact_id = @merged WHERE contact_id = @kept AND created = 1
       AND (account_id, href) IN (SELECT value ->> 'account_id', value ->> 'href' FROM json_each(@puts))`,
  ).run({ ...ids, puts: json('sync_card_puts') });
  const accounts = JSON.stringify(back.map((b) => b.accountId));
  cached(
    db,
    `DELETE FROM sync_conflicts WHERE contact_id = @kept AND account_id IN (SELECT value FROM json_each(@accounts))`,
  ).run({ kept: keptId, accounts });
  cached(
    db,
    `INSERT OR IGNORE INTO sync_conflicts
       (account_id, contact_id, field, base_value, local_value, remote_value, detected_at)
     SELECT value ->> 'account_id', @merged, value ->> 'field', value ->> 'base_value',
       value ->> 'local_value', value ->> 'remote_value', value ->> 'detected_at'
     FROM json_each(@conflicts)
     WHERE value ->> 'account_id' IN (SELECT account_id FROM sync_cards WHERE contact_id = @merged AND state = 'linked')`,
  ).run({ merged: mergedId, conflicts: json('sync_conflicts') });
}
