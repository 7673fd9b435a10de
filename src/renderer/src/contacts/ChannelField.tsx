import type { Channel } from '../../../shared/domain/channels.ts';
import { Field } from '../ui/Field.tsx';
import { CHANNEL_OPTIONS } from './channels.ts';

/** A labelled choice of channel (e-mail, call, LinkedIn…) for forms that log or plan a touch. */
export function ChannelField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: Channel;
  onChange: (channel: Channel) => void;
}) {
  return (
    <Field label={label}>
      {(props) => (
        <select
          {...props}
          className="select"
          value={value}
          onChange={(e) => onChange(e.target.value as Channel)}
        >
          {CHANNEL_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
