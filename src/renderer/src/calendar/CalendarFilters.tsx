import type { CalendarKind } from '../../../shared/domain/calendar.ts';
import { useApiData } from '../api/useApiData.ts';
import { ContactFilter } from './ContactFilter.tsx';
import { CALENDAR_KINDS, KIND_LABELS } from './calendarItems.ts';

export interface Filters {
  kinds: CalendarKind[];
  tag: string | undefined;
  contactId: number | undefined;
}

/** What the calendar shows: the kinds (their chips double as the colour legend), a tag, a person. */
export function CalendarFilters({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) {
  const tags = useApiData('tags', (api) => api['contacts.tags']({}), ['contacts']);
  const toggle = (kind: CalendarKind) => {
    const on = value.kinds.includes(kind);
    onChange({
      ...value,
      kinds: on
        ? value.kinds.filter((k) => k !== kind)
        : CALENDAR_KINDS.filter((k) => k === kind || value.kinds.includes(k)),
    });
  };
  return (
    <div className="calendar-filters">
      <fieldset className="kind-toggles">
        <legend className="visually-hidden">Show</legend>
        {CALENDAR_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className={`kind-toggle kind-toggle-${kind}`}
            aria-pressed={value.kinds.includes(kind)}
            onClick={() => toggle(kind)}
          >
            <span className="kind-dot" aria-hidden="true" />
            {KIND_LABELS[kind]}
          </button>
        ))}
      </fieldset>
      <select
        className="select select-sm calendar-tag-filter"
        aria-label="Tag"
        value={value.tag ?? ''}
        onChange={(e) => onChange({ ...value, tag: e.target.value || undefined })}
      >
        <option value="">All tags</option>
        {(tags.data ?? []).map((t) => (
          <option key={t.name} value={t.name}>
            {t.name}
          </option>
        ))}
        {value.tag && !tags.data?.some((t) => t.name === value.tag) ? (
          <option value={value.tag}>{value.tag}</option>
        ) : null}
      </select>
      <ContactFilter value={value.contactId} onChange={(contactId) => onChange({ ...value, contactId })} />
    </div>
  );
}
