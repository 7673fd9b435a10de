import { useApiData } from '../api/useApiData.ts';
import { Field } from './Field.tsx';

/** "Tag (optional)": one of the address book's tags, or all of them; the tags load themselves. */
export function TagSelectField({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (tag: string | undefined) => void;
}) {
  const tags = useApiData('tags', (a) => a['contacts.tags']({}), ['contacts']);
  return (
    <Field label="Tag" optional>
      {(props) => (
        <select
          {...props}
          className="select select-sm"
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value || undefined)}
        >
          <option value="">All tags</option>
          {(tags.data ?? []).map((t) => (
            <option key={t.name} value={t.name}>
              {t.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
