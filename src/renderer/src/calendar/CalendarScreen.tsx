import FullCalendar, {
  type CalendarRef,
  type EventClickInfo,
  type EventDisplayInfo,
  type EventDropInfo,
  type EventSourceFuncInfo,
} from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import breezyTheme from '@fullcalendar/react/themes/breezy';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/breezy/theme.css';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { CalendarItem } from '../../../shared/domain/calendar.ts';
import { useApi } from '../api/ApiContext.tsx';
import { notifyChanged, useOnChange } from '../api/changes.ts';
import { toApiError } from '../api/errors.ts';
import { formatDayHeading, todayIsoDate } from '../format/dates.ts';
import { sentence } from '../format/text.ts';
import { useSettings } from '../settings/SettingsContext.tsx';
import { useToday } from '../today/TodayContext.tsx';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Icon } from '../ui/Icon.tsx';
import { useToast } from '../ui/Toast.tsx';
import { CalendarFilters, type Filters } from './CalendarFilters.tsx';
import { CalendarItemCard } from './CalendarItemCard.tsx';
import {
  type CalendarEventProps,
  isShown,
  itemLabel,
  toEventInput,
  visibleDays,
  withoutPromiseEchoes,
} from './calendarItems.ts';
import { ExportIcsDialog } from './ExportIcsDialog.tsx';
import './calendar.css';

const PLUGINS = [breezyTheme, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin];
const TOOLBAR = { start: 'today prev,next title', end: 'dayGridMonth,timeGridWeek,listMonth' };
const BUTTONS = { listMonth: { text: 'List' } };

/** Month, week and list views of follow-ups, meetings and promises; follow-ups move by drag. */
export function CalendarScreen({ params }: { params: URLSearchParams }) {
  const api = useApi();
  const toast = useToast();
  const { settings } = useSettings();
  const today = useToday().data?.today ?? todayIsoDate();
  // FullCalendar takes 'local' for the system's zone; Intl takes undefined.
  const timeZone = settings?.timeZone ?? undefined;
  const businessHours = useMemo(
    () =>
      settings
        ? {
            daysOfWeek: settings.workingDays,
            startTime: `${settings.workingHours.start}:00`,
            endTime: `${settings.workingHours.end}:00`,
          }
        : false,
    [settings],
  );
  const calendarRef = useRef<CalendarRef>(null);
  const [filters, setFilters] = useState<Filters>(() => ({
    kinds: ['followup', 'meeting', 'promise'],
    tag: params.get('tag') ?? undefined,
    contactId: Number(params.get('contact')) || undefined,
  }));
  const [visible, setVisible] = useState<{ from: string; to: string }>();
  const [error, setError] = useState<ApiError>();
  const [selected, setSelected] = useState<{ item: CalendarItem; anchor: HTMLElement } | null>(null);
  const [exporting, setExporting] = useState(false);

  // A new function when a filter changes: FullCalendar then fetches the visible range again.
  const events = useCallback(
    async (info: EventSourceFuncInfo) => {
      if (filters.kinds.length === 0) return [];
      try {
        const items = await api['calendar.range']({
          ...visibleDays(info),
          kinds: filters.kinds,
          ...(filters.tag ? { tag: filters.tag } : {}),
          ...(filters.contactId ? { contactId: filters.contactId } : {}),
          // Past weeks show what was done, not only what is still open.
          includeClosed: true,
        });
        setError(undefined);
        return withoutPromiseEchoes(items.filter(isShown), timeZone).map(toEventInput);
      } catch (e) {
        setError(toApiError(e));
        return [];
      }
    },
    [api, filters, timeZone],
  );

  const refetch = useCallback(() => calendarRef.current?.getApi().refetchEvents(), []);
  useOnChange(['followups', 'contacts', 'interactions', 'settings'], refetch);

  const onDrop = async (info: EventDropInfo) => {
    const { item } = info.event.extendedProps as CalendarEventProps;
    const dueOn = info.event.startStr.slice(0, 10);
    // In the week view a step can land on another hour of the same day: the hour comes from
    // the follow-up time in Settings, so only the day counts.
    if (item.followUpId === null || dueOn === info.oldEvent.startStr.slice(0, 10)) {
      info.revert();
      return;
    }
    try {
      const result = await api['followups.reschedule']({ id: item.followUpId, dueOn });
      const message = `${itemLabel(item)} for ${item.contactName} moved to ${formatDayHeading(result.followUp.dueOn)}`;
      // A manual date may break a limit (a day off, too soon after the last message): allowed,
      // but said, and left up long enough to read.
      toast(
        result.warnings.length
          ? { message, icon: 'alert', detail: result.warnings.map(sentence).join('\n'), durationMs: 10_000 }
          : { tone: 'success', message },
      );
      notifyChanged('followups');
    } catch (e) {
      info.revert();
      toast({ tone: 'error', message: 'Could not move the follow-up', detail: toApiError(e).describe() });
    }
  };

  const selectedKey = selected?.item.key;
  const onClick = (info: EventClickInfo) => {
    info.jsEvent.preventDefault();
    const { item } = info.event.extendedProps as CalendarEventProps;
    setSelected((current) => (current?.item.key === item.key ? null : { item, anchor: info.el }));
  };

  return (
    <div className="screen calendar-screen">
      <header className="screen-header calendar-header">
        <div className="screen-title">
          <h1>Calendar</h1>
        </div>
        <CalendarFilters value={filters} onChange={setFilters} />
        <Button icon="download" onClick={() => setExporting(true)}>
          Export .ics
        </Button>
      </header>
      {error ? (
        <div className="screen-banner">
          <ErrorBanner error={error} title="Could not load the calendar" onRetry={refetch} />
        </div>
      ) : null}
      <div className="calendar-frame">
        <FullCalendar
          ref={calendarRef}
          plugins={PLUGINS}
          initialView="dayGridMonth"
          timeZone={timeZone ?? 'local'}
          height="100%"
          headerToolbar={TOOLBAR}
          buttons={BUTTONS}
          firstDay={firstDayOfWeek()}
          businessHours={businessHours}
          nowIndicator
          nonBusinessHoursClass="cal-off-hours"
          viewClass={(info) => (info.view.type.startsWith('list') ? 'cal-view-list' : 'cal-view-grid')}
          eventClass={(info) => (info.event.id === selectedKey ? 'is-open' : '')}
          dayMaxEvents
          eventDisplay="block"
          scrollTime={`${Math.max(0, (settings?.followUpHour ?? 9) - 2)}:00`}
          slotDuration="01:00:00"
          locale={navigator.language}
          eventTimeFormat={{ hour: '2-digit', minute: '2-digit' }}
          slotHeaderFormat={{ hour: '2-digit', minute: '2-digit' }}
          editable
          eventDurationEditable={false}
          eventAllow={(span, moving) =>
            span.allDay === Boolean(moving?.allDay) && span.startStr.slice(0, 10) >= today
          }
          noEventsText="Nothing planned in these days."
          events={events}
          eventContent={renderEvent}
          eventClick={onClick}
          eventDrop={(info) => void onDrop(info)}
          datesSet={(info) => {
            setVisible(visibleDays(info));
            setSelected(null);
          }}
        />
      </div>
      {selected ? (
        <CalendarItemCard
          key={selected.item.key}
          item={selected.item}
          anchor={selected.anchor}
          onClose={() => setSelected(null)}
        />
      ) : null}
      {exporting ? (
        <ExportIcsDialog
          visible={visible}
          tag={filters.tag}
          contactId={filters.contactId}
          onClose={() => setExporting(false)}
        />
      ) : null}
    </div>
  );
}

/** Who first, then what: the name is what the eye looks for in a busy month. */
function renderEvent(arg: EventDisplayInfo) {
  const { item } = arg.event.extendedProps as CalendarEventProps;
  // Follow-ups all fall at the follow-up hour: only a meeting's time tells something.
  const time = item.kind === 'meeting' && !arg.event.allDay ? arg.timeText : '';
  const when = arg.event.allDay ? '' : arg.timeText;
  const full = [item.contactName, itemLabel(item), when, item.overdue ? 'overdue' : '']
    .filter(Boolean)
    .join(' · ');
  return (
    <span className="cal-chip" title={full}>
      {item.overdue ? <Icon name="alert" size={12} className="cal-chip-mark is-overdue" /> : null}
      {item.status === 'done' ? <Icon name="check" size={12} className="cal-chip-mark" /> : null}
      {time ? <span className="cal-chip-time">{time}</span> : null}
      <span className="cal-chip-name">{item.contactName}</span>
      <span className="visually-hidden">, </span>
      <span className="cal-chip-what">{itemLabel(item)}</span>
      {/* The list has room for why, so the day can be planned from it. */}
      {arg.view.type.startsWith('list') && item.reason ? (
        <span className="cal-chip-why">{item.kind === 'promise' ? `“${item.reason}”` : item.reason}</span>
      ) : null}
      {item.overdue ? <span className="visually-hidden">, overdue</span> : null}
      {item.status === 'done' ? <span className="visually-hidden">, done</span> : null}
    </span>
  );
}

/** The week starts where the user's locale starts it (Monday in most of the world). */
function firstDayOfWeek(): number {
  const locale = new Intl.Locale(navigator.language) as Intl.Locale & {
    getWeekInfo?: () => { firstDay: number };
  };
  // Intl numbers Sunday 7; FullCalendar numbers it 0.
  return (locale.getWeekInfo?.().firstDay ?? 1) % 7;
}
