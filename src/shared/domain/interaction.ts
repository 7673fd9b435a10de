import { z } from 'zod';
import { CHANNELS, DIRECTIONS } from './channels.ts';
import { id, optionalText, pastInstant, requiredText } from './common.ts';

export { CHANNEL_LABELS, CHANNELS, DIRECTION_LABELS, DIRECTIONS } from './channels.ts';

export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;
export const Direction = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof Direction>;

export const InteractionDraft = z.object({
  contactId: id,
  /** Defaults to the current time when omitted. */
  occurredAt: pastInstant.optional(),
  channel: Channel,
  direction: Direction,
  /** Up to a whole message sent from the composer (as followups.done takes it). */
  summary: requiredText(20_000),
  outcome: optionalText(2000),
  /** Also marks the contact's agreed next step done (when it is still open). */
  nextStepDone: z.boolean().optional(),
});
export type InteractionDraft = z.input<typeof InteractionDraft>;

export interface Interaction {
  id: number;
  contactId: number;
  occurredAt: string;
  channel: Channel;
  direction: Direction;
  summary: string;
  outcome: string | null;
  createdAt: string;
}
