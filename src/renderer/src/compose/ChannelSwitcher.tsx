import type { ComposeChannel } from '../../../shared/domain/compose.ts';
import { Icon } from '../ui/Icon.tsx';
import { COMPOSER_CHANNELS } from './channels.ts';

/** The channel the message is written for; a radio group, so the arrow keys move through it. */
export function ChannelSwitcher({
  value,
  onChange,
}: {
  value: ComposeChannel;
  onChange: (channel: ComposeChannel) => void;
}) {
  return (
    <fieldset className="composer-channels">
      <legend className="visually-hidden">Channel</legend>
      <div className="segmented">
        {COMPOSER_CHANNELS.map((c) => (
          <label key={c.value}>
            <input
              type="radio"
              name="composer-channel"
              value={c.value}
              checked={value === c.value}
              onChange={() => onChange(c.value)}
            />
            <Icon name={c.icon} size={14} />
            {c.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
