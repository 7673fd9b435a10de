import type { Db } from './database.ts';
import { cached } from './statements.ts';

export interface UnkeyedPhone {
  contactId: number;
  position: number;
  value: string;
}

/** Phones written since the last normalisation pass (found through a partial index). */
export function unkeyedPhones(db: Db): UnkeyedPhone[] {
  return cached<[], UnkeyedPhone>(
    db,
    `SELECT contact_id AS contactId, position, value FROM contact_phones INDEXED BY contact_phones_unkeyed
     WHERE e164 IS NULL`,
  ).all();
}

/** '' marks a number that cannot be normalised, so it is not tried again on every pass. */
export function setPhoneKey(db: Db, phone: UnkeyedPhone, e164: string): void {
  cached(db, 'UPDATE contact_phones SET e164 = ? WHERE contact_id = ? AND position = ?').run(
    e164,
    phone.contactId,
    phone.position,
  );
}

/** Contact ids by normalised phone, for matching (an import, duplicate detection). */
export function contactIdsByPhoneKey(db: Db): Map<string, number[]> {
  const rows = cached<[], { key: string; contactId: number }>(
    db,
    `SELECT e164 AS key, contact_id AS contactId FROM contact_phones INDEXED BY contact_phones_by_e164
     WHERE e164 IS NOT NULL AND e164 <> ''`,
  ).all();
  return groupIds(rows);
}

export function groupIds(rows: readonly { key: string; contactId: number }[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const { key, contactId } of rows) {
    const ids = map.get(key);
    if (!ids) map.set(key, [contactId]);
    else if (!ids.includes(contactId)) ids.push(contactId);
  }
  return map;
}

/** The region changed: every number is read again under the new dialling rules. */
export function resetPhoneKeys(db: Db): void {
  cached(db, 'UPDATE contact_phones SET e164 = NULL').run();
}
