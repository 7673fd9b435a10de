import { handoffFor } from '../../shared/compose/handoff.ts';
import type { CheckResult, ComposeChannel } from '../../shared/domain/compose.ts';
import { checkMessage } from './check/check-message.ts';
import type { ComposeContext } from './context.ts';

const LINKEDIN_HOST = /(^|\.)linkedin\.com$/i;

/** The person's LinkedIn profile among their links (https only; the allowlist checks it again). */
export function linkedinProfile(links: readonly string[]): string | null {
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

/** The checklist, the length and the way out, for a text as it stands now. */
export function checkAndHandoff(
  ctx: ComposeContext,
  message: { channel: ComposeChannel; subject: string | null; body: string },
): CheckResult {
  const { checks, length } = checkMessage(ctx, message);
  const handoff = handoffFor(message.channel, {
    to: ctx.contact.emails[0] ?? null,
    phone: ctx.contact.phones[0] ?? null,
    profileUrl: linkedinProfile(ctx.contact.links),
    subject: message.channel === 'email' ? message.subject : null,
    body: message.body,
  });
  return { checks, length, handoff };
}
