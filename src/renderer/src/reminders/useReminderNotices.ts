import { useApi, usePush } from '../api/ApiContext.tsx';
import { toApiError } from '../api/errors.ts';
import type { ReminderItem } from '../api/pushes.ts';
import { navigate } from '../app/router.ts';
import { COMPOSE_PARAM } from '../compose/ComposerContext.tsx';
import { purposeLabel } from '../followups/purposes.ts';
import { formatDated } from '../format/dates.ts';
import { useSettings } from '../settings/SettingsContext.tsx';
import { useToast } from '../ui/Toast.tsx';
import { useUndo } from '../undo/useUndo.ts';
import { showBrowserNotification } from './browserNotifications.ts';

const MAX_BODY = 120;

/** Cuts at a word, so a long reason does not turn a notice into a wall of text. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}

/** Long enough to be seen after looking away for a moment; it never blocks anything. */
const NOTICE_MS = 15_000;

export function reminderTitle(item: ReminderItem): string {
  return `Follow up with ${item.contactName} — ${purposeLabel(item.purpose).toLowerCase()}`;
}

/**
 * Reminders pushed by main become in-page notices (and, when the tab is in the background and
 * the user allowed it, browser notifications). Main also pushes 'navigate' (e.g. a clicked
 * desktop notification opens Today), which simply changes the route.
 */
export function useReminderNotices(): void {
  const toast = useToast();
  const api = useApi();
  const { undoAction } = useUndo();
  const { settings } = useSettings();
  // Done from the notice, as from a desktop notification: main logs the interaction, advances
  // the cycle and announces both, so an open Today or contact page updates from the push.
  const done = (item: ReminderItem) =>
    api['followups.done']({ id: item.id }).then(
      (result) =>
        toast({
          message: `Done: ${item.contactName}`,
          detail: 'Logged on their timeline.',
          tone: 'success',
          action: undoAction(result.undoId),
        }),
      (error: unknown) =>
        toast({ message: 'Could not mark it done', detail: toApiError(error).message, tone: 'error' }),
    );

  usePush('navigate', (route) => navigate(route));

  usePush('reminders', ({ items }) => {
    if (!items.length || settings?.notifications.enabled === false) return;
    // One step: Today with its row focused, and the composer open on it (compose=, ComposerContext).
    const open = (item?: ReminderItem) =>
      navigate(item ? `/today?item=${item.id}&${COMPOSE_PARAM}=${item.id}` : '/today');
    const notices =
      // Main sends a digest as one push: it stays one notice, not a wall of them.
      items.length > 1
        ? [
            {
              title: `${items.length} follow-ups are due`,
              body: items
                .slice(0, 3)
                .map((i) => i.contactName)
                .join(', ')
                .concat(items.length > 3 ? '…' : ''),
              tag: 'followthrough-due',
              onOpen: () => open(),
              onDone: undefined,
            },
          ]
        : items.map((item) => ({
            title: reminderTitle(item),
            // The notice says who and why; what to mention waits on Today, one click away.
            body: shorten(formatDated(item.reason), MAX_BODY),
            tag: `followthrough-${item.id}`,
            onOpen: () => open(item),
            onDone: () => void done(item),
          }));
    // A page in front of the user gets the quiet in-page notice; one in the background, the system's.
    const away = document.visibilityState !== 'visible' || !document.hasFocus();
    for (const notice of notices) {
      toast({
        message: notice.title,
        detail: notice.body,
        durationMs: NOTICE_MS,
        icon: 'bell',
        action: { label: 'Open', onClick: notice.onOpen },
        ...(notice.onDone ? { secondaryAction: { label: 'Done', onClick: notice.onDone } } : {}),
      });
      if (away) showBrowserNotification(notice.title, notice.body, notice.tag, notice.onOpen);
    }
  });
}
