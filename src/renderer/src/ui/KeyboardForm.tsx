import type { ReactNode } from 'react';
import { isSubmitChord } from '../app/keys.ts';

/**
 * The keyboard contract every small form in the app shares: Ctrl/Cmd+Enter saves from any
 * field, Enter submits where the browser would, Esc cancels (when there is something to cancel
 * to), and the page never reloads.
 */
export function KeyboardForm({
  className,
  label,
  onSave,
  onCancel,
  children,
}: {
  className: string;
  label?: string;
  onSave: () => void;
  onCancel?: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className={className}
      aria-label={label}
      onKeyDown={(e) => {
        if (isSubmitChord(e)) {
          e.preventDefault();
          onSave();
        } else if (onCancel && e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      {children}
    </form>
  );
}
