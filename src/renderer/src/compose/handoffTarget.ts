import type { HandoffTarget } from '../../../shared/compose/handoff.ts';
import type { Contact } from '../../../shared/domain/contact.ts';

const LINKEDIN_HOST = /(^|\.)linkedin\.com$/i;

/**
 * Who the hand-off goes to, read from the contact as main reads it for compose.check (the first
 * address, the first number, the first https LinkedIn link), so the link rebuilt here as the user
 * types is the one main would build.
 */
export function handoffTargetOf(
  contact: Contact,
  message: { subject: string | null; body: string },
): HandoffTarget {
  return {
    to: contact.emails[0]?.value ?? null,
    phone: contact.phones[0]?.value ?? null,
    profileUrl: linkedinProfile(contact.links.map((l) => l.url)),
    subject: message.subject,
    body: message.body,
  };
}

function linkedinProfile(links: readonly string[]): string | null {
  for (const link of links) {
    try {
      const url = new URL(link);
      if (url.protocol === 'https:' && LINKEDIN_HOST.test(url.hostname)) return url.href;
    } catch {
      // Not a URL: not a profile.
    }
  }
  return null;
}
