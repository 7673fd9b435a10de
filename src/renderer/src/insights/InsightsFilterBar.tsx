import { useApiData } from '../api/useApiData.ts';
import { TagFilter } from '../ui/TagFilter.tsx';
import { type InsightsFilters, PERIODS } from './insightsUrl.ts';

/** Period, tag and event: the three ways to narrow the report, as the issue asks. */
export function InsightsFilterBar({
  value,
  onChange,
}: {
  value: InsightsFilters;
  onChange: (next: InsightsFilters) => void;
}) {
  const events = useApiData('events', (api) => api['events.list']({}), ['events']);
  return (
    <div className="insights-filters">
      <select
        className="select select-sm"
        aria-label="Period"
        value={value.period}
        onChange={(e) => onChange({ ...value, period: e.target.value })}
      >
        {[...PERIODS].map(([key, p]) => (
          <option key={key} value={key}>
            {p.label}
          </option>
        ))}
      </select>
      <TagFilter value={value.tag} onChange={(tag) => onChange({ ...value, tag })} />
      <select
        className="select select-sm insights-event-filter"
        aria-label="Event"
        value={value.eventId ?? ''}
        onChange={(e) => onChange({ ...value, eventId: Number(e.target.value) || undefined })}
      >
        <option value="">All events</option>
        {(events.data ?? []).map((ev) => (
          <option key={ev.id} value={ev.id}>
            {ev.name}
          </option>
        ))}
        {value.eventId && !events.data?.some((ev) => ev.id === value.eventId) ? (
          <option value={value.eventId}>Event {value.eventId}</option>
        ) : null}
      </select>
    </div>
  );
}
