import type { CountryCode } from 'libphonenumber-js/min';
import type { MatchReason } from '../../../shared/domain/imports.ts';
import { toE164 } from '../../contacts/phone-keys.ts';
import { contactIdFromUid } from '../../formats/vcard-write.ts';
import {
  companiesCompatible,
  companyKey,
  fuzzyKey,
  linkedinKey,
  nameKey,
  namesAgree,
} from '../../imports/identity.ts';
import type { KnownContacts } from '../../imports/known-contacts.ts';
import type { SyncedFields } from './synced-fields.ts';

/** A card found on the server at the first link. */
export interface ServerCard {
  href: string;
  uid: string | null;
  fields: SyncedFields;
}

export type CardPlan =
  /** The card is this contact: linked, then merged field by field (no base: empty fields fill). */
  | { href: string; action: 'link'; contactId: number; reason: MatchReason }
  /** Nobody here is this person: the card becomes a contact. */
  | { href: string; action: 'create-here' }
  /** Maybe this contact: the user decides (link, or keep both); nothing is written meanwhile. */
  | { href: string; action: 'review'; contactId: number; reason: MatchReason };

export interface LinkPlan {
  cards: CardPlan[];
  /** Contacts no card matched, not even for review: PUT as new cards. */
  createThere: number[];
}

/**
 * The first link of an address book to contacts already here, by the import's rules
 * (imports/plan.ts, identity.ts): this app's own UID under an agreeing name, an e-mail, a phone
 * (E.164) under an agreeing name, a LinkedIn profile link; a name and compatible company, or a
 * phone under another name, only for review. Never a silent duplicate: a contact two cards
 * match is linked to the first and offered for review with the second, and a contact or card
 * under review is neither created here nor there until the user says.
 */
export function planFirstLink(
  cards: readonly ServerCard[],
  known: KnownContacts,
  candidates: readonly number[],
  region: CountryCode,
): LinkPlan {
  const linked = new Set<number>();
  const reviewed = new Set<number>();
  const plans: CardPlan[] = [];
  for (const card of cards) {
    const found = matchCard(card, known, region);
    if (found === null) plans.push({ href: card.href, action: 'create-here' });
    else if (found.strong && !linked.has(found.contactId)) {
      linked.add(found.contactId);
      plans.push({ href: card.href, action: 'link', contactId: found.contactId, reason: found.reason });
    } else {
      reviewed.add(found.contactId);
      plans.push({ href: card.href, action: 'review', contactId: found.contactId, reason: found.reason });
    }
  }
  const createThere = candidates.filter((id) => !linked.has(id) && !reviewed.has(id));
  return { cards: plans, createThere };
}

interface Found {
  contactId: number;
  reason: MatchReason;
  strong: boolean;
}

function matchCard(card: ServerCard, known: KnownContacts, region: CountryCode): Found | null {
  const { fields } = card;
  const ownId = contactIdFromUid(card.uid);
  const own = ownId === null ? undefined : known.rows.get(ownId);
  // Ids restart at 1 in every database: the id names a contact only when the name agrees.
  if (own && nameKey(own.displayName) !== '' && nameKey(own.displayName) === nameKey(fields.displayName)) {
    return { contactId: own.id, reason: 'uid', strong: true };
  }
  for (const email of fields.emails) {
    const id = known.byEmail.get(email.value.toLowerCase())?.[0];
    if (id !== undefined) return { contactId: id, reason: 'email', strong: true };
  }
  let weakPhone: number | null = null;
  for (const phone of fields.phones) {
    const key = toE164(phone.value, region);
    for (const id of key === null ? [] : (known.byPhone.get(key) ?? [])) {
      if (namesAgree(fields.displayName, known.rows.get(id)?.displayName ?? '')) {
        return { contactId: id, reason: 'phone', strong: true };
      }
      weakPhone ??= id;
    }
  }
  for (const link of fields.links) {
    const key = linkedinKey(link.value);
    const id = key === null ? undefined : known.byLinkedin.get(key)?.[0];
    if (id !== undefined) return { contactId: id, reason: 'linkedin', strong: true };
  }
  const nameKeyOf = fuzzyKey(fields.displayName);
  const company = companyKey(fields.company);
  const byName = nameKeyOf === null ? undefined : known.byName.get(nameKeyOf);
  const fuzzy = byName?.find((c) => companiesCompatible(c.company, company))?.row.id;
  if (fuzzy !== undefined) return { contactId: fuzzy, reason: 'name', strong: false };
  return weakPhone === null ? null : { contactId: weakPhone, reason: 'phone', strong: false };
}
