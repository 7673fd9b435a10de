import type { Db } from '../store/database.ts';
import { contactEmailRows } from '../store/mail-store.ts';

/**
 * The key two addresses match by: lower-case, and the "+tag" of the local part dropped
 * (RFC 5233 subaddressing: ada+news@example.com is Ada's ada@example.com).
 */
export function addressKey(address: string): string {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at <= 0) return lower;
  const local = lower.slice(0, at);
  const plus = local.indexOf('+');
  return plus > 0 ? `${local.slice(0, plus)}${lower.slice(at)}` : lower;
}

/** Which contacts an address belongs to (one address may be on two people's cards). */
export interface ContactMatcher {
  contactsOf(address: string): readonly number[];
}

/** Read once per pass: every contact address, keyed as addressKey says. */
export function loadContactMatcher(db: Db): ContactMatcher {
  const byKey = new Map<string, number[]>();
  for (const { contactId, value } of contactEmailRows(db)) {
    const key = addressKey(value);
    const list = byKey.get(key);
    if (!list) byKey.set(key, [contactId]);
    else if (!list.includes(contactId)) list.push(contactId);
  }
  return { contactsOf: (address) => byKey.get(addressKey(address)) ?? [] };
}

/** My own addresses, matched the same way. */
export function addressSet(addresses: Iterable<string>): { has(address: string): boolean } {
  const keys = new Set([...addresses].map(addressKey));
  return { has: (address) => keys.has(addressKey(address)) };
}
