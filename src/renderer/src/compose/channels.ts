import type { Channel } from '../../../shared/domain/channels.ts';
import type { ComposeChannel } from '../../../shared/domain/compose.ts';
import type { IconName } from '../ui/Icon.tsx';

/** The composer's channels in the order the switcher shows them, with what the text is called there. */
export const COMPOSER_CHANNELS: readonly {
  value: ComposeChannel;
  label: string;
  icon: IconName;
  /** The text field's label: a call has talking points, not a message. */
  textLabel: string;
}[] = [
  { value: 'email', label: 'E-mail', icon: 'mail', textLabel: 'Message' },
  { value: 'linkedin', label: 'LinkedIn', icon: 'linkedin', textLabel: 'Message' },
  { value: 'text', label: 'Text', icon: 'message', textLabel: 'Text message' },
  { value: 'call', label: 'Call', icon: 'phone', textLabel: 'Talking points' },
  { value: 'handwritten_note', label: 'Note', icon: 'pen', textLabel: 'Handwritten note' },
];

export function composerChannel(channel: ComposeChannel) {
  return COMPOSER_CHANNELS.find((c) => c.value === channel) ?? COMPOSER_CHANNELS[0]!;
}

/** The channel the timeline records: every composer channel is an interaction channel of the same name. */
export function interactionChannel(channel: ComposeChannel): Channel {
  return channel;
}

/**
 * What "sent" records as the message: for e-mail the subject line, a blank line and the body, so
 * the timeline keeps what the person actually received.
 */
export function sentText(channel: ComposeChannel, subject: string, body: string): string {
  const text = body.trim();
  const line = subject.trim();
  return channel === 'email' && line ? `${line}\n\n${text}` : text;
}
