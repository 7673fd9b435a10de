import { z } from 'zod';
import { id, isoInstant, optionalText, requiredText } from './common.ts';

export const CHANNELS = [
  'email',
  'call',
  'meeting',
  'in_person',
  'linkedin',
  'text',
  'handwritten_note',
  'other',
] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const CHANNEL_LABELS: Record<Channel, string> = {
  email: 'Email',
  call: 'Call',
  meeting: 'Meeting',
  in_person: 'In person',
  linkedin: 'LinkedIn',
  text: 'Text message',
  handwritten_note: 'Handwritten note',
  other: 'Other',
};

/** outbound: I reached out; inbound: they reached out (a reply counts as inbound). */
export const Direction = z.enum(['outbound', 'inbound']);
export type Direction = z.infer<typeof Direction>;

export const DIRECTION_LABELS: Record<Direction, string> = {
  outbound: 'I reached out',
  inbound: 'They reached out',
};

export const InteractionDraft = z.object({
  contactId: id,
  /** Defaults to the current time when omitted. */
  occurredAt: isoInstant.optional(),
  channel: Channel,
  direction: Direction,
  summary: requiredText(5000),
  outcome: optionalText(2000),
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
