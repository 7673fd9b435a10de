import type { ReactNode } from 'react';
import { Field } from './Field.tsx';

/**
 * The first field of an account dialog (mail, calendar server): a known provider fills in the
 * server's address; `other` is the choice for a server typed by hand. Focused when the dialog
 * opens, since choosing the provider comes first.
 */
export function ProviderField<P extends { id: string; label: string }>({
  presets,
  value,
  other,
  hint,
  onChange,
}: {
  presets: readonly P[];
  value: string;
  other: { value: string; label: string };
  hint: ReactNode;
  /** The chosen id, and its preset (undefined for `other`). */
  onChange: (id: string, preset: P | undefined) => void;
}) {
  return (
    <Field label="Provider" hint={hint}>
      {(props) => (
        <select
          {...props}
          className="select"
          data-autofocus
          value={value}
          onChange={(e) =>
            onChange(
              e.target.value,
              presets.find((p) => p.id === e.target.value),
            )
          }
        >
          <option value={other.value}>{other.label}</option>
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
