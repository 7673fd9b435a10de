import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { CalendarItem } from '../../../shared/domain/calendar.ts';
import { href, navigate } from '../app/router.ts';
import { DoneForm } from '../followups/DoneForm.tsx';
import { SnoozeButton } from '../followups/SnoozeButton.tsx';
import { StepContext } from '../followups/StepContext.tsx';
import { useFollowUpActions } from '../followups/useFollowUpActions.ts';
import { usePromiseActions } from '../followups/usePromiseActions.ts';
import { formatDayHeading, formatWhen } from '../format/dates.ts';
import { Avatar } from '../ui/Avatar.tsx';
import { Button } from '../ui/Button.tsx';
import { Icon } from '../ui/Icon.tsx';
import { isOpen, itemLabel, promiseDirection } from './calendarItems.ts';

const GAP = 8;
const MARGIN = 12;

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
 * A clicked calendar item: who, why now, what to mention, and the actions that need no detour
 * (done, snooze, open the person). A non-modal dialog beside the item, so the calendar stays in
 * view; Esc or a click elsewhere closes it and focus goes back to the item.
 */
export function CalendarItemCard({
  item,
  anchor,
  onClose,
}: {
  item: CalendarItem;
  anchor: HTMLElement;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [position, setPosition] = useState<{ top: number; left: number }>();
  const [mode, setMode] = useState<'done' | 'snooze' | null>(null);
  const followUps = useFollowUpActions();
  const promises = usePromiseActions();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    dialog.show();
    dialog.focus();
    return () => {
      dialog.close();
      if (anchor.isConnected) anchor.focus();
    };
  }, [anchor]);

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
      // The item itself toggles the card in its own click handler.
      if (ref.current?.contains(target) || anchor.contains(target)) return;
      onCloseRef.current();
    };
    const onResize = () => onCloseRef.current();
    // On the document: after a click the calendar may keep focus on the item, not in the card.
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
  const promise =
    item.kind === 'promise' && item.promiseId !== null
      ? {
          id: item.promiseId,
          contactName: item.contactName,
          text: item.reason ?? item.title,
          direction: promiseDirection(item),
        }
      : null;
  const when = item.allDay ? formatDayHeading(item.start) : formatWhen(item.start);
  const status = item.overdue ? 'Overdue' : !open ? (item.status === 'done' ? 'Done' : null) : null;

  return (
    <dialog
      ref={ref}
      className={`cal-card cal-card-${item.kind}`}
      aria-labelledby={titleId}
      tabIndex={-1}
      style={position ? { top: position.top, left: position.left } : { visibility: 'hidden' }}
    >
      <header className="cal-card-head">
        <span className="cal-card-kind">
          <span className="kind-dot" aria-hidden="true" />
          {itemLabel(item)}
        </span>
        {status ? <span className={`cal-card-status is-${status.toLowerCase()}`}>{status}</span> : null}
        <button type="button" className="cal-card-close" aria-label="Close" onClick={onClose}>
          <Icon name="x" size={14} />
        </button>
      </header>
      <div className="cal-card-who">
        <Avatar name={item.contactName} size={34} />
        <div className="cal-card-who-text">
          <h2 id={titleId} className="cal-card-name">
            <a href={href(`/contacts/${item.contactId}`)}>{item.contactName}</a>
          </h2>
          <p className="cal-card-when">
            <Icon name="clock" size={13} /> {when.charAt(0).toUpperCase() + when.slice(1)}
          </p>
        </div>
      </div>
      {item.reason && item.kind !== 'promise' ? <p className="cal-card-why">{item.reason}</p> : null}
      {item.kind === 'promise' && promise ? <p className="cal-card-why">“{promise.text}”</p> : null}
      {item.context ? <StepContext context={item.context} /> : null}
      {mode === 'done' && step ? (
        <DoneForm
          purpose={step.purpose}
          channel={null}
          onCancel={() => setMode(null)}
          onSubmit={async (input) => {
            const ok = await followUps.done(step, input);
            if (ok) onClose();
            return ok;
          }}
        />
      ) : null}
      <footer className="cal-card-actions">
        {step && open && mode !== 'done' ? (
          <>
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
    </dialog>
  );
}
