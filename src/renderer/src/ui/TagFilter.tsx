import { TagOptions } from './TagOptions.tsx';

/** A filter bar's tag: all tags or one, the one in the address kept even if no contact has it. */
export function TagFilter({
  value,
  onChange,
  className = '',
}: {
  value: string | undefined;
  onChange: (tag: string | undefined) => void;
  className?: string;
}) {
  return (
    <select
      className={`select select-sm ${className}`.trim()}
      aria-label="Tag"
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value || undefined)}
    >
      <TagOptions kept={value} />
    </select>
  );
}
