import type { CalendarKind } from '../../../shared/domain/calendar.ts';
import { TagFilter } from '../ui/TagFilter.tsx';
import { ContactFilter } from './ContactFilter.tsx';
import { CALENDAR_KINDS, KIND_LABELS } from './calendarItems.ts';

export interface Filters {
  kinds: CalendarKind[];
  tag: string | undefined;
  contactId: number | undefined;
}

/** What the calendar shows: the kinds (their chips double as the colour legend), a tag, a person. */
export function CalendarFilters({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) {
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
      <TagFilter
        className="calendar-tag-filter"
        value={value.tag}
        onChange={(tag) => onChange({ ...value, tag })}
      />
      <ContactFilter value={value.contactId} onChange={(contactId) => onChange({ ...value, contactId })} />
    </div>
  );
}
