import { useRef, useState } from 'react';
import type { NetworkEvent } from '../../../shared/domain/event.ts';
import { href, navigate } from '../app/router.ts';
import {
  formatDay,
  formatMonthShort,
  formatRelativeDay,
  parseIsoDate,
  todayIsoDate,
} from '../format/dates.ts';
import { plural } from '../format/text.ts';
import { Button } from '../ui/Button.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { useListKeys } from '../ui/useListKeys.ts';
import { CreateEventDialog } from './CreateEventDialog.tsx';
import { useEvents } from './useEvents.ts';
import './events.css';

export function EventsScreen() {
  const events = useEvents();
  const [creating, setCreating] = useState(false);
  const today = todayIsoDate();
  const all = events.data ?? [];
  // Upcoming soonest first (what is next), past most recent first (what to follow up on).
  const upcoming = all.filter((e) => e.date > today).sort((a, b) => a.date.localeCompare(b.date));
  const past = all.filter((e) => e.date <= today);
  const bodyRef = useRef<HTMLDivElement>(null);
  useListKeys(bodyRef, '.event-item', all.length > 0);

  return (
    <div className="screen events-screen">
      <header className="screen-header">
        <div className="screen-title">
          <h1>Events</h1>
          <span className="screen-count">{events.data ? plural(all.length, 'event') : ''}</span>
        </div>
        <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
          New event
        </Button>
      </header>
      <div className="events-body" ref={bodyRef}>
        {events.error ? (
          <ErrorBanner error={events.error} title="Could not load events" onRetry={events.reload} />
        ) : null}
        {events.data && all.length === 0 ? (
          <EmptyState
            icon="calendar"
            title="No events yet"
            actions={
              <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
                Add your first event
              </Button>
            }
          >
            <p>
              Going to a conference or a meetup? Add it here, then capture everyone you meet there in one go —
              a row per business card.
            </p>
          </EmptyState>
        ) : null}
        {upcoming.length ? <EventTable title="Upcoming" events={upcoming} today={today} /> : null}
        {past.length ? <EventTable title="Past" events={past} today={today} /> : null}
      </div>
      {creating ? (
        <CreateEventDialog
          onClose={() => setCreating(false)}
          onCreated={(event) => {
            setCreating(false);
            navigate(`/events/${event.id}`);
          }}
        />
      ) : null}
    </div>
  );
}

function EventTable({ title, events, today }: { title: string; events: NetworkEvent[]; today: string }) {
  return (
    <section className="event-section" aria-label={`${title} events`}>
      <h2 className="eyebrow">{title}</h2>
      <ul className="event-list">
        {events.map((event) => {
          const d = parseIsoDate(event.date);
          return (
            <li key={event.id}>
              <a className="event-item" href={href(`/events/${event.id}`)}>
                <span className="event-date-tile" aria-hidden="true">
                  <span className="event-date-month">{formatMonthShort(event.date)}</span>
                  <span className="event-date-day">{d.getDate()}</span>
                </span>
                <span className="event-item-main">
                  <span className="event-item-name truncate">{event.name}</span>
                  <span className="event-item-meta truncate">
                    {formatDay(event.date)}
                    {event.date === today ? ' · today' : ` · ${formatRelativeDay(event.date)}`}
                    {event.location ? ` · ${event.location}` : ''}
                  </span>
                </span>
                <span className={event.contactCount ? 'event-item-count' : 'event-item-count is-zero'}>
                  {event.contactCount
                    ? plural(event.contactCount, 'person', 'people')
                    : 'Nobody captured yet'}
                </span>
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
