import type { Contact, ContactPatch } from '../../../shared/domain/contact.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';

/**
 * Saves one change to a contact and hands the stored result back to the page. Errors are thrown
 * to the field that asked, which shows them next to itself.
 */
export function useContactEditor(contact: Contact, onSaved: (c: Contact) => void) {
  const api = useApi();
  return async (patch: ContactPatch): Promise<void> => {
    const saved = await api['contacts.update']({ id: contact.id, patch });
    onSaved(saved);
    notifyChanged('contacts');
  };
}

export type SaveContact = ReturnType<typeof useContactEditor>;
