import type { ComposeChannel } from '../../shared/domain/compose.ts';
import type { ComposeContext } from './context.ts';

export function isLinkedInUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === 'linkedin.com' || host.endsWith('.linkedin.com');
  } catch {
    return false;
  }
}

/**
 * The channel a draft is written for when none is asked: the step's, else the first way to
 * reach them that the contact has (e-mail, then LinkedIn, then a phone), else e-mail (a draft
 * to copy is still useful before the address is known).
 */
export function defaultChannel(ctx: ComposeContext): ComposeChannel {
  if (ctx.step?.channel) return ctx.step.channel;
  const c = ctx.contact;
  if (c.emails.some((e) => e.trim() !== '')) return 'email';
  if (c.links.some(isLinkedInUrl)) return 'linkedin';
  if (c.phones.some((p) => p.trim() !== '')) return 'text';
  return 'email';
}
