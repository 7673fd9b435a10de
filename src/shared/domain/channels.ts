/** Plain constants about interactions, free of zod so the renderer can use them cheaply. */
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
export type Channel = (typeof CHANNELS)[number];

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
export const DIRECTIONS = ['outbound', 'inbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const DIRECTION_LABELS: Record<Direction, string> = {
  outbound: 'I reached out',
  inbound: 'They reached out',
};
