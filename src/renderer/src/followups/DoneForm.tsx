import { type KeyboardEvent, useState } from 'react';
import { CHANNEL_LABELS, type Channel } from '../../../shared/domain/channels.ts';
import type { Purpose } from '../../../shared/domain/followup.ts';
import { CHANNEL_OPTIONS } from '../contacts/channels.ts';
import { Button } from '../ui/Button.tsx';
import { Kbd } from '../ui/Kbd.tsx';
import { purposeLabel } from './purposes.ts';
import './followups.css';

/**
 * "Done" with an optional line about what was sent. Left empty, main logs its own line for the
 * step's purpose (e.g. "Sent a second follow-up"), so D then Enter is enough.
 */
export function DoneForm({
  purpose,
  channel: initialChannel,
  onSubmit,
  onCancel,
}: {
  purpose: Purpose;
  channel: Channel | null;
  onSubmit: (input: { summary: string; channel: Channel }) => Promise<boolean>;
  onCancel: () => void;
}) {
  const [summary, setSummary] = useState('');
  const [channel, setChannel] = useState<Channel>(initialChannel ?? 'email');
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    if (saving) return;
    setSaving(true);
    // On failure the toast says why; keep the form so nothing typed is lost.
    if (!(await onSubmit({ summary, channel }))) setSaving(false);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // Keys typed here belong to the form, not to the list around it.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };

  return (
    <form
      className="done-form"
      aria-label="Mark done"
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <input
        className="input input-sm done-form-summary"
        aria-label="What did you send? (optional)"
        placeholder={`Optional: what you sent, e.g. “${purposeLabel(purpose)} by ${CHANNEL_LABELS[channel].toLowerCase()}, shared the article”`}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        // biome-ignore lint/a11y/noAutofocus: pressing D asks for exactly this field
        autoFocus
        autoComplete="off"
      />
      <select
        className="select select-sm done-form-channel"
        aria-label="Channel"
        value={channel}
        onChange={(e) => setChannel(e.target.value as Channel)}
      >
        {CHANNEL_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Button size="sm" variant="primary" type="submit" busy={saving}>
        Mark done
      </Button>
      <Button size="sm" variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
      <span className="done-form-hint" aria-hidden="true">
        <Kbd subtle>Enter</Kbd> done · <Kbd subtle>Esc</Kbd> cancel
      </span>
    </form>
  );
}
