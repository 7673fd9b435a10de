import type { ContactDraft } from '../../../shared/domain/contact.ts';
import type { MailSuggestion } from '../../../shared/domain/mail.ts';

/** What the name field gets when the mail gave none: "ada.lovelace@x" → "Ada Lovelace". */
export function nameFromAddress(address: string): string {
  const local = address.split('@')[0]?.split('+')[0] ?? address;
  const words = local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return words.length ? words.join(' ') : address;
}

/** A suggestion captured in one click: the name and address the mail gave, the first subject as context. */
export function captureDraft(s: MailSuggestion): ContactDraft {
  return {
    displayName: s.name?.trim() || nameFromAddress(s.address),
    emails: [{ value: s.address }],
    howMet: 'By e-mail',
    ...(s.firstSubject ? { discussed: s.firstSubject } : {}),
  };
}
