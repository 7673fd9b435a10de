import type { ComponentProps, ReactNode } from 'react';
import { Field } from './Field.tsx';

type InputProps = Omit<ComponentProps<'input'>, 'id' | 'value' | 'onChange' | 'children'>;

/**
 * A Field holding one single-line input bound to a string: most form fields differ only in
 * label, type and wording. Anything else an <input> takes (ref, placeholder, onKeyDown, min …)
 * passes straight through; textareas and comboboxes still use Field directly.
 */
export function InputField({
  label,
  hint,
  error,
  optional,
  value,
  onChange,
  className = 'input',
  ...input
}: InputProps & {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} hint={hint} error={error} optional={optional}>
      {(props) => (
        <input
          {...props}
          className={className}
          {...input}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
