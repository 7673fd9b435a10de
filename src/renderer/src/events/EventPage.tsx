import { useState } from 'react';
import type { NetworkEvent } from '../../../shared/domain/event.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged } from '../api/changes.ts';
import { useApiData } from '../api/useApiData.ts';
import { href, navigate } from '../app/router.ts';
import { ContactList } from '../contacts/ContactList.tsx';
import { useContactPages } from '../contacts/useContactPages.ts';
import { formatDay, formatMonthShort, formatRelativeDay, parseIsoDate } from '../format/dates.ts';
import { Button } from '../ui/Button.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Icon } from '../ui/Icon.tsx';
import { InlineEdit } from '../ui/InlineEdit.tsx';
import { MultiCapture } from './MultiCapture.tsx';
import './events.css';

/** Tall enough for a dozen people; longer lists scroll inside, with the header in view. */
const MAX_LIST_HEIGHT = 560;
const LIST_CHROME = 34;
const ROW = 60;

export function EventPage({ id }: { id: number }) {
  const event = useApiData(`event:${id}`, (api) => api['events.get']({ id }), ['events', 'contacts']);
  if (event.error?.code === 'not_found') {
    return (
      <EmptyState
        icon="calendar"
        title="This event no longer exists"
        actions={<Button onClick={() => navigate('/events')}>Back to Events</Button>}
      />
    );
  }
  if (event.error) {
    return (
      <div className="page">
        <ErrorBanner error={event.error} title="Could not load this event" onRetry={event.reload} />
      </div>
    );
  }
  if (!event.data) return <div className="page" aria-busy="true" />;
  return <LoadedEventPage event={event.data} onSaved={event.set} />;
}

function LoadedEventPage({ event, onSaved }: { event: NetworkEvent; onSaved: (e: NetworkEvent) => void }) {
  const api = useApi();
  const save = async (patch: { name?: string; date?: string; location?: string; notes?: string }) => {
    onSaved(await api['events.update']({ id: event.id, ...patch }));
    notifyChanged('events', 'contacts');
  };
  const date = parseIsoDate(event.date);
  const people = useContactPages({ eventId: event.id, sort: 'name', status: 'all' });
  const [active, setActive] = useState(0);
  const total = people.total ?? 0;
  const listHeight = Math.min(MAX_LIST_HEIGHT, LIST_CHROME + total * ROW);

  return (
    <div className="page event-page">
      <a className="back-link" href={href('/events')}>
        <Icon name="arrowLeft" size={14} /> Events
      </a>
      <header className="event-header">
        <span className="event-date-tile event-date-tile-lg" aria-hidden="true">
          <span className="event-date-month">{formatMonthShort(event.date)}</span>
          <span className="event-date-day">{date.getDate()}</span>
        </span>
        <div className="event-header-text">
          <h1>
            <InlineEdit
              label="Event name"
              value={event.name}
              placeholder="Event name"
              issuePath="name"
              onSave={(name) => save({ name })}
            />
          </h1>
          <div className="event-header-meta">
            <InlineEdit
              label="Event date"
              type="date"
              value={event.date}
              placeholder="Date"
              display={
                <>
                  <Icon name="calendar" size={14} /> {formatDay(event.date)}{' '}
                  <span className="faint">· {formatRelativeDay(event.date)}</span>
                </>
              }
              issuePath="date"
              onSave={(d) => save({ date: d })}
            />
            <InlineEdit
              label="Location"
              value={event.location}
              placeholder="Add location"
              display={
                event.location ? (
                  <>
                    <Icon name="mapPin" size={14} /> {event.location}
                  </>
                ) : undefined
              }
              issuePath="location"
              onSave={(location) => save({ location })}
            />
          </div>
        </div>
      </header>
      <InlineEdit
        className="event-notes"
        label="Event notes"
        value={event.notes}
        placeholder="Notes about the event: talks worth remembering, who organised it…"
        multiline
        issuePath="notes"
        onSave={(notes) => save({ notes })}
      />
      <MultiCapture event={event} />
      <section className="event-people" aria-labelledby="event-people-title">
        <div className="section-title">
          <h2 id="event-people-title">
            People you met here{' '}
            <span className="screen-count">{people.total === null ? '' : total.toLocaleString()}</span>
          </h2>
          {total > 0 ? (
            <a className="section-link" href={href(`/contacts?event=${event.id}`)}>
              Open in Contacts <Icon name="arrowRight" size={13} />
            </a>
          ) : null}
        </div>
        {people.error ? <ErrorBanner error={people.error} onRetry={people.retry} /> : null}
        {people.total === 0 ? (
          <p className="event-people-empty">
            Nobody yet. Add the people you met above: each one is saved with this event and its date as where
            and when you met.
          </p>
        ) : people.total ? (
          <div className="event-people-list" style={{ height: listHeight }}>
            <ContactList
              label={`People met at ${event.name}`}
              hideMet
              pages={people}
              activeIndex={active}
              onActiveIndexChange={setActive}
              onOpen={(cid) => navigate(`/contacts/${cid}`)}
              initialScrollOffset={0}
              onScrollOffsetChange={() => {}}
            />
          </div>
        ) : null}
      </section>
    </div>
  );
}
