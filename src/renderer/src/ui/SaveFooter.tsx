import { MOD_LABEL } from '../app/keys.ts';
import { Button } from './Button.tsx';
import { Kbd } from './Kbd.tsx';

/** A form dialog's footer: the Ctrl/Cmd+Enter hint, Cancel, and the save button named for what it does. */
export function SaveFooter({
  label,
  saving,
  onSave,
  onCancel,
}: {
  label: string;
  saving: boolean;
  onSave: () => void;
  onCancel: () => void;
}) {
  return (
    <>
      <span className="dialog-footer-hint">
        <Kbd subtle>{MOD_LABEL}</Kbd>
        <Kbd subtle>Enter</Kbd> save
      </span>
      <Button onClick={onCancel}>Cancel</Button>
      <Button variant="primary" busy={saving} onClick={onSave}>
        {label}
      </Button>
    </>
  );
}
