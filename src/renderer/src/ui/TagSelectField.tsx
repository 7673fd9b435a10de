import { Field } from './Field.tsx';
import { TagOptions } from './TagOptions.tsx';

/** "Tag (optional)": one of the address book's tags, or all of them; the tags load themselves. */
export function TagSelectField({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (tag: string | undefined) => void;
}) {
  return (
    <Field label="Tag" optional>
      {(props) => (
        <select
          {...props}
          className="select select-sm"
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value || undefined)}
        >
          <TagOptions />
        </select>
      )}
    </Field>
  );
}
