import {
  COMPOSE_CHANNELS,
  type ComposeChannel,
  type ComposeTemplate,
} from '../../../shared/domain/compose.ts';
import type { Purpose } from '../../../shared/domain/followup.ts';
import { checkIn } from './check-in.ts';
import { confirmation } from './confirmation.ts';
import { longTerm } from './long-term.ts';
import { manual } from './manual.ts';
import { promiseMine } from './promise-mine.ts';
import { promiseTheirs } from './promise-theirs.ts';
import { reengage } from './reengage.ts';
import { refresher } from './refresher.ts';
import { second } from './second.ts';
import { thankYou } from './thank-you.ts';
import type { PurposeWordings } from './wording.ts';

/**
 * The built-in templates as the rest of the app sees them (read-only ComposeTemplates), in a
 * fixed order: a variant index is a position in this order, followed by the user's own.
 * Kept as TypeScript data rather than JSON under resources/ so the compiler checks that every
 * purpose has every channel, and the CLI, the server and the desktop app load them alike.
 */
const BY_PURPOSE: ReadonlyMap<Purpose, PurposeWordings> = new Map<Purpose, PurposeWordings>([
  ['refresher', refresher],
  ['second', second],
  ['confirmation', confirmation],
  ['thank_you', thankYou],
  ['check_in', checkIn],
  ['reengage', reengage],
  ['long_term', longTerm],
  ['promise_mine', promiseMine],
  ['promise_theirs', promiseTheirs],
  ['manual', manual],
]);

const PURPOSE_NAMES = new Map<Purpose, string>([
  ['refresher', 'Refresher'],
  ['second', 'Second follow-up'],
  ['confirmation', 'Meeting confirmation'],
  ['thank_you', 'Thank-you'],
  ['check_in', 'Keep-in-touch check-in'],
  ['reengage', 'Re-engagement'],
  ['long_term', 'Long-term check-in'],
  ['promise_mine', 'My promise'],
  ['promise_theirs', 'Their promise'],
  ['manual', 'Follow-up'],
]);

const CHANNEL_NAMES = new Map<ComposeChannel, string>([
  ['email', 'E-mail'],
  ['linkedin', 'LinkedIn'],
  ['text', 'Text'],
  ['call', 'Call'],
  ['handwritten_note', 'Note card'],
]);

export const BUILTIN_TEMPLATES: readonly ComposeTemplate[] = [...BY_PURPOSE].flatMap(([purpose, wordings]) =>
  COMPOSE_CHANNELS.flatMap((channel) =>
    wordings[channel].map((w, i) => ({
      id: `${purpose}.${channel}.${i + 1}`,
      purpose,
      channel,
      builtIn: true,
      name: `${PURPOSE_NAMES.get(purpose)} · ${CHANNEL_NAMES.get(channel)} · ${w.name}`,
      subject: channel === 'email' ? (w.subject ?? null) : null,
      body: w.body,
    })),
  ),
);

const userNumber = (id: string) => Number(id.replace(/^user-/, '')) || 0;

/**
 * The templates a draft for this purpose and channel chooses among: the built-in ones first,
 * then the user's in the order they were added. `from` is any list (the built-ins plus the
 * user's, or only the user's); built-ins are always included.
 */
export function templatesFor(
  purpose: Purpose,
  channel: ComposeChannel,
  from: readonly ComposeTemplate[] = [],
): ComposeTemplate[] {
  const matches = (t: ComposeTemplate) => t.purpose === purpose && t.channel === channel;
  const user = from
    .filter((t) => matches(t) && !t.builtIn)
    .sort((a, b) => userNumber(a.id) - userNumber(b.id));
  return [...BUILTIN_TEMPLATES.filter(matches), ...user];
}

export function builtInTemplate(id: string): ComposeTemplate | undefined {
  return BUILTIN_TEMPLATES.find((t) => t.id === id);
}
