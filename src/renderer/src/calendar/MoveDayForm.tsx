import { type KeyboardEvent, useId, useState } from 'react';
import { Button } from '../ui/Button.tsx';

/**
 * The keyboard's way to do what a drag does: pick the follow-up's new day. Enter moves, Esc
 * cancels; days before today cannot be picked.
 */
export function MoveDayForm({
  day,
  today,
  onMove,
  onCancel,
}: {
  day: string;
  today: string;
  onMove: (day: string) => Promise<boolean>;
  onCancel: () => void;
}) {
  const inputId = useId();
  const [value, setValue] = useState(day < today ? today : day);
  const [saving, setSaving] = useState(false);

  const onKeyDown = (e: KeyboardEvent) => {
    // Keys typed here belong to the form, not to the calendar or the card around it.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };

  return (
    <form
      className="move-day-form"
      aria-label="Move to another day"
      onKeyDown={onKeyDown}
      onSubmit={async (e) => {
        e.preventDefault();
        if (saving || !value) return;
        setSaving(true);
        if (!(await onMove(value))) setSaving(false);
      }}
    >
      <label htmlFor={inputId} className="move-day-label">
        New day
      </label>
      <input
        id={inputId}
        className="input input-sm move-day-input"
        type="date"
        min={today}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        // biome-ignore lint/a11y/noAutofocus: "Move to…" asks for exactly this field
        autoFocus
        required
      />
      <Button size="sm" variant="primary" type="submit" busy={saving}>
        Move
      </Button>
      <Button size="sm" variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
    </form>
  );
}
