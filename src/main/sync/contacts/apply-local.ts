import { ContactDraft, ContactPatch } from '../../../shared/domain/contact.ts';
import type { FollowUpEngine } from '../../followups/engine.ts';
import { getContact, insertContact, setArchived, updateContact } from '../../store/contacts-store.ts';
import type { Db } from '../../store/database.ts';
import { resetNextStepTracking } from '../../store/next-step-store.ts';
import { contactFields, type SyncedFields } from './synced-fields.ts';

export interface LocalDeps {
  db: Db;
  engine: Pick<FollowUpEngine, 'afterContactChanged'>;
  now: () => string;
  /** Fills the E.164 keys of new or changed phone numbers (contacts/phone-keys.ts). */
  keyPhones: () => void;
}

/** Synced fields in the contract's shape (links carry `url`). */
function asDraftFields(fields: Partial<SyncedFields>): Record<string, unknown> {
  const { links, ...rest } = fields;
  return links === undefined
    ? rest
    : { ...rest, links: links.map((l) => ({ url: l.value, label: l.label })) };
}

/** The contract's first complaint, in words, for a card whose values the app cannot hold. */
const firstIssue = (error: { issues: { path: PropertyKey[]; message: string }[] }): string => {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.')} ${issue.message}` : 'is not valid';
};

/**
 * A contact made from a server card. Like an import's, it waits for review and starts no
 * follow-up: an address book of 500 people is not 500 people to write to this week.
 */
export function createFromCard(deps: LocalDeps, fields: SyncedFields): { id: number } | { error: string } {
  const parsed = ContactDraft.safeParse(asDraftFields(fields));
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const id = insertContact(deps.db, parsed.data, deps.now(), { reviewState: 'imported' });
  if (fields.phones.length) deps.keyPhones();
  return { id };
}

/** What the merge takes in here, through the same rules as an edit in the app. */
export function applyToContact(
  deps: LocalDeps,
  contactId: number,
  changes: Partial<SyncedFields>,
): { ok: true } | { error: string } {
  if (Object.keys(changes).length === 0) return { ok: true };
  const parsed = ContactPatch.safeParse(asDraftFields(changes));
  if (!parsed.success) return { error: firstIssue(parsed.error) };
  const current = getContact(deps.db, contactId);
  if (!current) return { error: 'the contact is gone' };
  updateContact(deps.db, contactId, parsed.data, deps.now());
  // A different next step is a new agreement: not done, not a promise (contact-handlers.ts).
  if (changes.nextStep !== undefined && changes.nextStep !== current.nextStep)
    resetNextStepTracking(deps.db, contactId);
  if (changes.phones) deps.keyPhones();
  if (changes.tags) deps.engine.afterContactChanged(contactId);
  return { ok: true };
}

/** Deleted on the server: archived here, so unarchiving undoes it (and puts the card back). */
export function archiveContact(deps: LocalDeps, contactId: number): boolean {
  const contact = getContact(deps.db, contactId);
  if (!contact || contact.archivedAt) return false;
  setArchived(deps.db, contactId, deps.now(), deps.now());
  deps.engine.afterContactChanged(contactId);
  return true;
}

/** The contact's synced fields now; undefined when it is gone. */
export function localFields(db: Db, contactId: number): SyncedFields | undefined {
  const contact = getContact(db, contactId);
  return contact ? contactFields(contact) : undefined;
}

export function isArchivedHere(db: Db, contactId: number): boolean {
  return getContact(db, contactId)?.archivedAt != null;
}
