import { type ReactNode, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { CalendarItem, CalendarItemDetail } from '../../../shared/domain/calendar.ts';
import { CHANNEL_LABELS } from '../../../shared/domain/channels.ts';
import { dueCountsText } from '../../../shared/domain/due-counts.ts';
import { useApi } from '../api/ApiContext.tsx';
import { href, navigate } from '../app/router.ts';
import { useOpenComposer } from '../compose/ComposerContext.tsx';
import { DoneForm } from '../followups/DoneForm.tsx';
import { SnoozeButton } from '../followups/SnoozeButton.tsx';
import { StepContext } from '../followups/StepContext.tsx';
import { useFollowUpActions } from '../followups/useFollowUpActions.ts';
import { usePromiseActions } from '../followups/usePromiseActions.ts';
import { dayIn, formatDated, formatDayHeading, formatWhenIn } from '../format/dates.ts';
import { Avatar } from '../ui/Avatar.tsx';
import { Button } from '../ui/Button.tsx';
import { Icon } from '../ui/Icon.tsx';
import { crowdedLabel, type DayTotal, isMovable, isOpen, itemLabel } from './calendarItems.ts';
import { MoveDayForm } from './MoveDayForm.tsx';
import { useReschedule } from './useReschedule.ts';

const GAP = 8;
const MARGIN = 12;
/** The card waits this long for its text before it shows without it, rather than jump when it comes. */
const DETAIL_WAIT_MS = 250;

/** Beside the item if there is room (right, then left), else under or over it; always on screen. */
function place(anchor: DOMRect, card: { width: number; height: number }): { top: number; left: number } {
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const clampTop = (top: number) => Math.max(MARGIN, Math.min(top, vh - card.height - MARGIN));
  const clampLeft = (left: number) => Math.max(MARGIN, Math.min(left, vw - card.width - MARGIN));
  if (anchor.right + GAP + card.width + MARGIN <= vw)
    return { top: clampTop(anchor.top), left: anchor.right + GAP };
  if (anchor.left - GAP - card.width >= MARGIN)
    return { top: clampTop(anchor.top), left: anchor.left - GAP - card.width };
  const below = anchor.bottom + GAP;
  const top = below + card.height + MARGIN <= vh ? below : anchor.top - GAP - card.height;
  return { top: clampTop(top), left: clampLeft(anchor.left + 24) };
}

/**
 * A non-modal dialog beside a calendar event, so the calendar stays in view; Esc or a click
 * elsewhere closes it and focus goes back to the event. Hidden until `ready`, so it appears
 * once, at its full size.
 */
function CalendarPopover({
  anchor,
  kindClass,
  ready,
  labelledBy,
  onClose,
  children,
}: {
  anchor: HTMLElement;
  kindClass: string;
  ready: boolean;
  labelledBy: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number }>();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    dialog.show();
    return () => {
      dialog.close();
      if (anchor.isConnected) anchor.focus();
    };
  }, [anchor]);

  // Once, when it first shows: a later move (the card grew) must not take focus from a field in it.
  const shown = useRef(false);
  useEffect(() => {
    if (!ready || !position || shown.current) return;
    shown.current = true;
    ref.current?.focus();
  }, [ready, position]);

  // Measured again when the card grows (the done form opens), so it never runs off screen.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const measure = () =>
      setPosition(
        place(anchor.getBoundingClientRect(), { width: dialog.offsetWidth, height: dialog.offsetHeight }),
      );
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(dialog);
    return () => observer.disconnect();
  }, [anchor]);

  useEffect(() => {
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target as Node;
      // The event itself toggles the card in its own click handler.
      if (ref.current?.contains(target) || anchor.contains(target)) return;
      onCloseRef.current();
    };
    const onResize = () => onCloseRef.current();
    // On the document: after a click the calendar may keep focus on the event, not in the card.
    // Forms inside (done, the snooze menu) handle their own Esc first and stop it there.
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        onCloseRef.current();
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    window.addEventListener('resize', onResize);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('resize', onResize);
    };
  }, [anchor]);

  return (
    <dialog
      ref={ref}
      className={`cal-card ${kindClass}`}
      aria-labelledby={labelledBy}
      tabIndex={-1}
      style={position && ready ? { top: position.top, left: position.left } : { visibility: 'hidden' }}
    >
      {children}
    </dialog>
  );
}

function CardHead({
  label,
  status,
  onClose,
}: {
  label: string;
  status?: string | null;
  onClose: () => void;
}) {
  return (
    <header className="cal-card-head">
      <span className="cal-card-kind">
        <span className="kind-dot" aria-hidden="true" />
        {label}
      </span>
      {status ? <span className={`cal-card-status is-${status.toLowerCase()}`}>{status}</span> : null}
      <button type="button" className="cal-card-close" aria-label="Close" onClick={onClose}>
        <Icon name="x" size={14} />
      </button>
    </header>
  );
}

/** Why now and what to mention, loaded when the card opens: the range carries no text. */
function useItemDetail(key: string): { detail: CalendarItemDetail | null; ready: boolean } {
  const api = useApi();
  const [detail, setDetail] = useState<CalendarItemDetail | null>(null);
  const [settled, setSettled] = useState(false);
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => setWaited(true), DETAIL_WAIT_MS);
    api['calendar.item']({ key }).then(
      (d) => {
        if (!live) return;
        setDetail(d);
        setSettled(true);
      },
      // Gone meanwhile (done elsewhere): the card still shows who and when; the calendar refreshes.
      () => live && setSettled(true),
    );
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [api, key]);
  return { detail, ready: settled || waited };
}

/**
 * A clicked calendar item: who, why now, what to mention, and the actions that need no detour
 * (done, snooze, open the person). Times are in the user's zone from Settings, like the calendar.
 */
export function CalendarItemCard({
  item,
  anchor,
  timeZone,
  today,
  onClose,
}: {
  item: CalendarItem;
  anchor: HTMLElement;
  timeZone: string | undefined;
  today: string;
  onClose: () => void;
}) {
  const titleId = useId();
  const [mode, setMode] = useState<'done' | 'snooze' | 'move' | null>(null);
  const reschedule = useReschedule(today);
  const followUps = useFollowUpActions();
  const promises = usePromiseActions();
  const openComposer = useOpenComposer();
  const { detail, ready } = useItemDetail(item.key);

  const open = isOpen(item);
  const step =
    item.kind === 'followup' && item.followUpId !== null && item.purpose
      ? {
          id: item.followUpId,
          contactId: item.contactId,
          contactName: item.contactName,
          purpose: item.purpose,
        }
      : null;
  const why = detail?.reason ? formatDated(detail.reason, { today, timeZone }) : null;
  const promise =
    item.kind === 'promise' && item.promiseId !== null
      ? {
          id: item.promiseId,
          contactName: item.contactName,
          text: why ?? item.title,
          direction: item.direction ?? 'mine',
        }
      : null;
  const when = item.allDay ? formatDayHeading(item.start) : formatWhenIn(item.start, timeZone, today);
  const status = item.overdue ? 'Overdue' : !open ? (item.status === 'done' ? 'Done' : null) : null;
  const channel = item.kind === 'followup' && item.channel ? CHANNEL_LABELS[item.channel] : null;

  return (
    <CalendarPopover
      anchor={anchor}
      kindClass={`cal-card-${item.kind}`}
      ready={ready}
      labelledBy={titleId}
      onClose={onClose}
    >
      <CardHead label={itemLabel(item)} status={status} onClose={onClose} />
      <div className="cal-card-who">
        <Avatar name={item.contactName} size={34} />
        <div className="cal-card-who-text">
          <h2 id={titleId} className="cal-card-name">
            <a href={href(`/contacts/${item.contactId}`)}>{item.contactName}</a>
          </h2>
          <p className="cal-card-when">
            <Icon name="clock" size={13} /> {when.charAt(0).toUpperCase() + when.slice(1)}
            {channel ? (
              <span className="cal-card-channel">
                <span aria-hidden="true">·</span> {channel}
              </span>
            ) : null}
          </p>
        </div>
      </div>
      {why && item.kind !== 'promise' ? <p className="cal-card-why">{why}</p> : null}
      {promise ? <p className="cal-card-why">“{promise.text}”</p> : null}
      {detail?.context ? <StepContext context={detail.context} /> : null}
      {detail?.capWarning && open ? (
        <p className="cal-card-warning">
          <Icon name="alert" size={13} /> {detail.capWarning}
        </p>
      ) : null}
      {mode === 'done' && step ? (
        <DoneForm
          purpose={step.purpose}
          channel={item.channel}
          onCancel={() => setMode(null)}
          onSubmit={async (input) => {
            const ok = await followUps.done(step, input);
            if (ok) onClose();
            return ok;
          }}
        />
      ) : null}
      {mode === 'move' ? (
        <MoveDayForm
          day={item.allDay ? item.start.slice(0, 10) : dayIn(item.start, timeZone)}
          today={today}
          onCancel={() => setMode(null)}
          onMove={async (day) => {
            const ok = await reschedule(item, day);
            if (ok) onClose();
            return ok;
          }}
        />
      ) : null}
      <footer className="cal-card-actions">
        {step && open && mode !== 'done' && mode !== 'move' ? (
          <>
            <Button
              size="sm"
              icon="pen"
              onClick={() => {
                onClose();
                openComposer({ stepId: step.id });
              }}
            >
              Write
            </Button>
            <Button size="sm" icon="check" onClick={() => setMode('done')}>
              Done
            </Button>
            <SnoozeButton
              open={mode === 'snooze'}
              onOpenChange={(isOpen) => setMode(isOpen ? 'snooze' : null)}
              onSnooze={async (preset) => {
                if (await followUps.snooze(step, preset)) onClose();
              }}
            />
            {/* What a drag does, from the keyboard. */}
            {isMovable(item) ? (
              <Button size="sm" variant="ghost" icon="calendar" onClick={() => setMode('move')}>
                Move…
              </Button>
            ) : null}
          </>
        ) : null}
        {promise && open ? (
          <Button
            size="sm"
            icon="check"
            onClick={async () => {
              if (await promises.done(promise)) onClose();
            }}
          >
            {promise.direction === 'mine' ? 'Kept it' : 'They kept it'}
          </Button>
        ) : null}
        <Button
          size="sm"
          variant="ghost"
          icon="arrowRight"
          className="cal-card-open"
          onClick={() => navigate(`/contacts/${item.contactId}`)}
        >
          Open contact
        </Button>
      </footer>
    </CalendarPopover>
  );
}

/**
 * A day with more follow-ups than the calendar lists: how many, which ones are shown, and where
 * to work through them (Today, a few at a time) or how to see others (a tag, a person).
 */
export function CrowdedDayCard({
  crowded,
  anchor,
  today,
  onClose,
  onListDay,
}: {
  crowded: DayTotal;
  anchor: HTMLElement;
  today: string;
  onClose: () => void;
  /**
   * Opens the day's list (in the grids): the month holds a few of a crowded day, and on a tall
   * window they all fit, so no "+N more" leads there.
   */
  onListDay?: (() => void) | undefined;
}) {
  const titleId = useId();
  const dueNow = crowded.day <= today;
  const plan = crowded.plan;
  return (
    <CalendarPopover
      anchor={anchor}
      kindClass="cal-card-crowded"
      ready
      labelledBy={titleId}
      onClose={onClose}
    >
      <CardHead label={plan ? 'Today' : 'Busy day'} onClose={onClose} />
      <div className="cal-card-who-text">
        <h2 id={titleId} className="cal-card-name">
          {crowdedLabel(crowded)}
        </h2>
        <p className="cal-card-when">
          <Icon name="calendar" size={13} /> {formatDayHeading(crowded.day)}
        </p>
      </div>
      {plan ? (
        <p className="cal-card-why">
          {dueCountsText(plan)} Overdue follow-ups stay on the day they were due; Today takes them in the
          order of importance, as many a day as your budget allows.
        </p>
      ) : null}
      {crowded.shown > 0 ? (
        <p className="cal-card-why">
          The calendar lists the {crowded.shown} most important of this day, in the order Today takes them.
          Choose a tag or a person above to see the others of that day.
        </p>
      ) : null}
      {dueNow || (onListDay && crowded.shown > 0) ? (
        <footer className="cal-card-actions">
          {dueNow ? (
            <Button size="sm" icon="target" onClick={() => navigate('/today')}>
              Work through them in Today
            </Button>
          ) : null}
          {onListDay && crowded.shown > 0 ? (
            <Button size="sm" icon="calendarDays" onClick={onListDay}>
              List the day
            </Button>
          ) : null}
        </footer>
      ) : null}
    </CalendarPopover>
  );
}
