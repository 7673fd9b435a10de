import type { CheckItem } from '../../../shared/domain/compose.ts';
import type { ComposeContext } from '../context.ts';
import { escapeRegExp, fold } from './words.ts';

/** The names a message may greet them by: first name, else the display name's first word, and the display name. */
export function namesOf(contact: ComposeContext['contact']): string[] {
  const display = contact.displayName.trim();
  const first = contact.firstName?.trim() || display.split(/\s+/)[0] || '';
  return [...new Set([first, display].filter((n) => n.length > 0))];
}

/** The name in words and in the folded, whitespace-tolerant pattern the text is searched with. */
function namePattern(name: string): RegExp {
  const parts = fold(name).split(/\s+/).filter(Boolean).map(escapeRegExp);
  // Letters or digits may not touch the name: "Ada" is not in "Adam" or "Canada".
  return new RegExp(`(?<![\\p{L}\\p{N}])${parts.join('\\s+')}(?![\\p{L}\\p{N}])`, 'u');
}

export function checkNamesPerson(ctx: ComposeContext, text: string): CheckItem {
  const names = namesOf(ctx.contact);
  const folded = fold(text);
  const found = names.find((n) => namePattern(n).test(folded));
  if (found) return { id: 'names_person', ok: true, message: `Names ${found}` };
  const call = names[0] ?? ctx.contact.displayName;
  return { id: 'names_person', ok: false, message: `Does not name ${call}: greet them by name` };
}
