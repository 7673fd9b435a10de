import { CHANNEL_LABELS, CHANNELS, type Channel } from '../../../shared/domain/channels.ts';
import type { IconName } from '../ui/Icon.tsx';

export const CHANNEL_ICONS: Record<Channel, IconName> = {
  email: 'mail',
  call: 'phone',
  meeting: 'video',
  in_person: 'handshake',
  linkedin: 'linkedin',
  text: 'message',
  handwritten_note: 'pen',
  other: 'dots',
};

export const CHANNEL_OPTIONS = CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }));
