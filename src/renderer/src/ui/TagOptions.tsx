import { useApiData } from '../api/useApiData.ts';

/**
 * The options of a tag select: all tags, then the address book's, loaded here. `kept` (a tag that
 * came in the address) stays an option when no contact has it any more, so the select still says
 * what the view is narrowed by.
 */
export function TagOptions({ kept }: { kept?: string | undefined }) {
  const tags = useApiData('tags', (api) => api['contacts.tags']({}), ['contacts']);
  return (
    <>
      <option value="">All tags</option>
      {(tags.data ?? []).map((t) => (
        <option key={t.name} value={t.name}>
          {t.name}
        </option>
      ))}
      {kept && !tags.data?.some((t) => t.name === kept) ? <option value={kept}>{kept}</option> : null}
    </>
  );
}
