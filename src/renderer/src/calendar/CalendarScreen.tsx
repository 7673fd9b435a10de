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
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { CalendarItem, CrowdedDay } from '../../../shared/domain/calendar.ts';
import { MONTH_FOLLOW_UPS_PER_DAY } from '../../../shared/domain/calendar-grid.ts';
import { dueCountsText } from '../../../shared/domain/due-counts.ts';
import { useApi } from '../api/ApiContext.tsx';
import { useOnChange } from '../api/changes.ts';
import { toApiError } from '../api/errors.ts';
import { dayIn, formatDated, LOCALE, TIME_OPTIONS, todayIsoDate } from '../format/dates.ts';
import { useSettings } from '../settings/SettingsContext.tsx';
import { useToday } from '../today/TodayContext.tsx';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Icon } from '../ui/Icon.tsx';
import { useUndoKeys } from '../undo/useUndoKeys.ts';
import { CalendarFilters, type Filters } from './CalendarFilters.tsx';
import { CalendarItemCard, CrowdedDayCard } from './CalendarItemCard.tsx';
import {
  CALENDAR_VIEWS,
  type CalendarEventProps,
  type CalendarView,
  calendarPath,
  crowdedEventInput,
  crowdedLabel,
  crowdedParts,
  type DayTotal,
  isCrowdedDay,
  itemLabel,
  readCalendarUrl,
  todayTotal,
  toEventInput,
  viewOfType,
  visibleDays,
  withoutPromiseEchoes,
} from './calendarItems.ts';
import { ExportIcsDialog } from './ExportIcsDialog.tsx';
import { useMoreRoom } from './useMoreRoom.ts';
import { useReschedule } from './useReschedule.ts';
import { useWeekStack } from './useWeekStack.ts';
import './calendar.css';

const PLUGINS = [breezyTheme, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin];
const TOOLBAR = {
  start: 'today prev,next title',
  // Day is where a busy day's "+N more" leads: with its own tab, the view shown is always one of them.
  end: `${CALENDAR_VIEWS.month},${CALENDAR_VIEWS.week},${CALENDAR_VIEWS.day},${CALENDAR_VIEWS.list}`,
};
const BUTTONS = { listMonth: { text: 'List' }, listDay: { text: 'Day' } };
/** A week is titled by its days ("16 – 22 March 2026"), not only its month. */
const VIEWS = {
  [CALENDAR_VIEWS.week]: { titleFormat: { day: 'numeric', month: 'long', year: 'numeric' } as const },
};
/** "+N more" opens a popover up to this many; beyond, or on a crowded day, the list of that day. */
const POPOVER_MAX = 8;
/** An hour's height in the week view: a follow-up's half hour then fits one line of text. */
const SLOT_HEIGHT = 44;

/**
 * The week view opens two and a half hours before the follow-up hour: the half hour keeps the
 * first hour's label (centred on its line) whole instead of cut by the top edge.
 */
function scrollTime(followUpHour: number): string {
  const minutes = Math.max(0, followUpHour * 60 - 150);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
}

type Selected =
  | { item: CalendarItem; crowded?: undefined; anchor: HTMLElement }
  | { item?: undefined; crowded: DayTotal; anchor: HTMLElement };

function selectedKey(selected: Selected | null): string | undefined {
  if (!selected) return undefined;
  return selected.item ? selected.item.key : `crowded:${selected.crowded.day}`;
}

/**
 * Month, week and list views of follow-ups, meetings and promises; follow-ups move by drag.
 * Dates and times are in the user's zone from Settings. The view, the dates and the filters
 * live in the address, so a reload or Back comes back to the same calendar.
 */
export function CalendarScreen({ params }: { params: URLSearchParams }) {
  const api = useApi();
  useUndoKeys();
  const { settings } = useSettings();
  const today = useToday().data?.today ?? todayIsoDate();
  const reschedule = useReschedule(today);
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
  const frameRef = useRef<HTMLDivElement>(null);
  const weekStack = useWeekStack(frameRef);
  useMoreRoom(frameRef);
  // Read once: afterwards the screen writes the address, not the other way round.
  const [initial] = useState(() => readCalendarUrl(params));
  const [filters, setFilters] = useState<Filters>({
    kinds: initial.kinds,
    tag: initial.tag,
    contactId: initial.contactId,
  });
  const [shown, setShown] = useState<{ view: CalendarView; date: string | undefined }>({
    view: initial.view,
    date: initial.date,
  });
  const [visible, setVisible] = useState<{ from: string; to: string }>();
  const [error, setError] = useState<ApiError>();
  const [selected, setSelected] = useState<Selected | null>(null);
  const [exporting, setExporting] = useState(false);

  // Replaced, not pushed: paging through months should not fill Back with every month seen.
  useEffect(() => {
    const hash = `#${calendarPath({ ...shown, ...filters })}`;
    if (window.location.hash.startsWith('#/calendar') && window.location.hash !== hash)
      window.history.replaceState(window.history.state, '', hash);
  }, [shown, filters]);

  // The list has room for why each item is there; the grids leave it to the card.
  const inList = shown.view === 'list' || shown.view === 'day';
  const inMonth = shown.view === 'month';
  // A new function when a filter changes: FullCalendar then fetches the visible range again.
  const events = useCallback(
    async (info: EventSourceFuncInfo) => {
      if (filters.kinds.length === 0) return [];
      try {
        const range = await api['calendar.range']({
          ...visibleDays(info),
          kinds: filters.kinds,
          ...(filters.tag ? { tag: filters.tag } : {}),
          ...(filters.contactId ? { contactId: filters.contactId } : {}),
          // Past weeks show what was done, not only what is still open.
          includeDone: true,
          withReasons: inList,
          // A month cell shows two or three: a crowded day's "+N more" opens its list of 50.
          ...(inMonth ? { followUpsPerDay: MONTH_FOLLOW_UPS_PER_DAY } : {}),
        });
        setError(undefined);
        return [
          ...dayTotals(
            range.crowded,
            filters.kinds.includes('followup') ? todayTotal(today, range.today, range.crowded) : null,
          ).map(crowdedEventInput),
          ...withoutPromiseEchoes(range.items, timeZone).map((item, i) => toEventInput(item, i + 1)),
        ];
      } catch (e) {
        setError(toApiError(e));
        return [];
      }
    },
    [api, filters, timeZone, inList, inMonth, today],
  );

  const refetch = useCallback(() => calendarRef.current?.getApi().refetchEvents(), []);
  useOnChange(['followups', 'contacts', 'interactions', 'settings'], refetch);

  const onDrop = async (info: EventDropInfo) => {
    const { item } = info.event.extendedProps as CalendarEventProps;
    const dueOn = info.event.startStr.slice(0, 10);
    // In the week view a step can land on another hour of the same day: the hour comes from
    // the follow-up time in Settings, so only the day counts.
    if (!item || item.followUpId === null || dueOn === info.oldEvent.startStr.slice(0, 10)) {
      info.revert();
      return;
    }
    if (!(await reschedule(item, dueOn))) info.revert();
  };

  const openKey = selectedKey(selected);
  const onClick = (info: EventClickInfo) => {
    info.jsEvent.preventDefault();
    const props = info.event.extendedProps as CalendarEventProps;
    const next: Selected = props.item
      ? { item: props.item, anchor: info.el }
      : { crowded: props.crowded, anchor: info.el };
    setSelected((current) => (selectedKey(current) === selectedKey(next) ? null : next));
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
      <div className="calendar-frame" ref={frameRef}>
        <FullCalendar
          ref={calendarRef}
          plugins={PLUGINS}
          initialView={CALENDAR_VIEWS[initial.view]}
          {...(initial.date ? { initialDate: initial.date } : {})}
          timeZone={timeZone ?? 'local'}
          height="100%"
          headerToolbar={TOOLBAR}
          buttons={BUTTONS}
          views={VIEWS}
          firstDay={firstDayOfWeek()}
          businessHours={businessHours}
          nowIndicator
          // The button says "Today": its name must too (WCAG 2.5.3), not FullCalendar's "This month".
          todayHint="Today"
          nonBusinessHoursClass="cal-off-hours"
          viewClass={(info) =>
            `${info.view.type.startsWith('list') ? 'cal-view-list' : 'cal-view-grid'} cal-view-${info.view.type}`
          }
          eventClass={(info) =>
            [
              info.event.id === openKey ? 'is-open' : '',
              // In the week's time grid: a half-hour chip that fills its slot.
              info.view.type === CALENDAR_VIEWS.week && !info.event.allDay ? 'cal-event-timed' : '',
            ].join(' ')
          }
          dayMaxEvents
          // In a day, by time; at one time, in the order main gives (Today's: most important first).
          eventOrder="start,-duration,allDay,rank"
          popoverClass="cal-popover"
          moreLinkClick={(info) =>
            info.hiddenSegs.length > POPOVER_MAX ||
            info.allSegs.some((seg) => isCrowdedDay(seg.event.extendedProps))
              ? CALENDAR_VIEWS.day
              : 'popover'
          }
          eventMaxStack={weekStack}
          slotEventOverlap={false}
          columnMoreLinkClass="cal-more-column"
          eventDisplay="block"
          scrollTime={scrollTime(settings?.followUpHour ?? 9)}
          slotDuration="01:00:00"
          slotMinHeight={SLOT_HEIGHT}
          {...(LOCALE ? { locale: LOCALE } : {})}
          eventTimeFormat={TIME_OPTIONS}
          slotHeaderFormat={TIME_OPTIONS}
          editable
          eventDurationEditable={false}
          // A past day is let through to the drop, which refuses it in words (see useReschedule).
          eventAllow={(span, moving) => span.allDay === Boolean(moving?.allDay)}
          noEventsText="Nothing planned in these days."
          events={events}
          eventContent={renderEvent}
          eventClick={onClick}
          eventDrop={(info) => void onDrop(info)}
          datesSet={(info) => {
            setVisible(visibleDays(info));
            setSelected(null);
            // The dates in the address: the first shown day of the month or week, left out
            // while today is among them (then the calendar opens on today's, as by default).
            const first = dayIn(info.view.currentStart.toISOString(), timeZone);
            const end = dayIn(info.view.currentEnd.toISOString(), timeZone);
            setShown({
              view: viewOfType(info.view.type),
              date: today >= first && today < end ? undefined : first,
            });
          }}
        />
      </div>
      {selected?.item ? (
        <CalendarItemCard
          key={selected.item.key}
          item={selected.item}
          anchor={selected.anchor}
          timeZone={timeZone}
          today={today}
          onClose={() => setSelected(null)}
        />
      ) : null}
      {selected?.crowded ? (
        <CrowdedDayCard
          key={selected.crowded.day}
          crowded={selected.crowded}
          anchor={selected.anchor}
          today={today}
          onClose={() => setSelected(null)}
          onListDay={
            inList
              ? undefined
              : () => {
                  const day = selected.crowded.day;
                  setSelected(null);
                  calendarRef.current?.getApi().changeView(CALENDAR_VIEWS.day, day);
                }
          }
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
  const { item, crowded } = arg.event.extendedProps as CalendarEventProps;
  if (crowded) return renderCrowded(crowded, arg.view.type.startsWith('list'));
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
        <span className="cal-chip-why">
          {item.kind === 'promise' ? `“${formatDated(item.reason)}”` : formatDated(item.reason)}
        </span>
      ) : null}
      {item.overdue ? <span className="visually-hidden">, overdue</span> : null}
      {item.status === 'done' ? <span className="visually-hidden">, done</span> : null}
    </span>
  );
}

/** The crowded days' chips, today's replaced by its total in Today's words. */
function dayTotals(crowded: readonly CrowdedDay[], today: DayTotal | null): DayTotal[] {
  return today ? [today, ...crowded.filter((c) => c.day !== today.day)] : [...crowded];
}

/**
 * A day's total reads whole at any width: its words come in parts, most telling first ("10 of
 * 131", "today", "· 121 waiting"), and a part the chip has no room for goes under its edge
 * (calendar.css) instead of being cut mid-word. The whole sentence is its title and what a
 * screen reader hears.
 */
function renderCrowded(crowded: DayTotal, inList: boolean) {
  const parts = (
    <span className="cal-chip-parts" aria-hidden="true">
      {crowdedParts(crowded).map((part) => (
        <span key={part} className="cal-chip-part">
          {part}
        </span>
      ))}
    </span>
  );
  if (crowded.plan) {
    const sentence = dueCountsText(crowded.plan);
    return (
      <span className="cal-chip cal-chip-crowded cal-chip-today-total" title={sentence}>
        <Icon name="target" size={12} className="cal-chip-mark" />
        {parts}
        <span className="visually-hidden">{sentence}</span>
      </span>
    );
  }
  return (
    <span className="cal-chip cal-chip-crowded" title={`${crowdedLabel(crowded)}: ${crowded.shown} shown`}>
      <Icon name="layers" size={12} className="cal-chip-mark" />
      {parts}
      <span className="visually-hidden">{crowdedLabel(crowded)}</span>
      {/* The grid's cell is too narrow for more: "+50 more" under it opens those listed. */}
      {inList ? (
        <span className="cal-chip-what">the {crowded.shown} most important are listed</span>
      ) : (
        <span className="visually-hidden">, {crowded.shown} listed</span>
      )}
    </span>
  );
}

/** The week starts where the user's locale starts it (Monday in most of the world). */
function firstDayOfWeek(): number {
  const locale = new Intl.Locale(LOCALE ?? 'en') as Intl.Locale & {
    getWeekInfo?: () => { firstDay: number };
  };
  // Intl numbers Sunday 7; FullCalendar numbers it 0.
  return (locale.getWeekInfo?.().firstDay ?? 1) % 7;
}
