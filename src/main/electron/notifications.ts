import type { NotificationConstructorOptions } from 'electron';
import type { DatedReading } from '../../shared/format/dated-text.ts';
import type { ReminderNotice } from '../reminders/notice.ts';
import { noticeText } from '../reminders/notice-text.ts';
import type { Log } from './external-links.ts';
import type { ReminderActions } from './reminder-actions.ts';

/**
 * Windows shows a toast only for an app with an AppUserModelID, and groups toasts by it; it
 * must match the installer's appId once packaging exists.
 */
export const APP_USER_MODEL_ID = 'app.followthrough.desktop';

/** The slice of Electron's Notification this module needs. */
export interface NotificationHandle {
  on(event: 'click', listener: () => void): unknown;
  /** Electron 45 passes the index in the details; older versions passed it second. */
  on(event: 'action', listener: (details: { actionIndex?: number }, legacyIndex?: number) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'failed', listener: (event: unknown, error: string) => void): unknown;
  show(): void;
}

export interface ReminderNotifierDeps {
  createNotification(options: NotificationConstructorOptions): NotificationHandle;
  isSupported(): boolean;
  platform: NodeJS.Platform;
  iconPath?: string;
  /** Shows and focuses the window on a hash route. */
  present(route?: string): void;
  actions: ReminderActions;
  /** How a notification writes its days now: the system's locale, the user's zone and day. */
  reading(): DatedReading;
  log: Log;
}

/**
 * Buttons on the notification itself only on macOS, where Electron has long supported them.
 * Electron 45 accepts them for Windows toasts too, but that path could not be tried here, and
 * Linux notification servers differ in what they show. Elsewhere a click opens the app, where
 * Done and Snooze are one key away.
 */
export function supportsNotificationActions(platform: NodeJS.Platform): boolean {
  return platform === 'darwin';
}

/**
 * Where a click takes the user: the person for one reminder, with the composer open on the step
 * (the renderer's compose= link), and the Today list for a digest.
 */
export function routeFor(notice: ReminderNotice): string {
  if (notice.kind !== 'single') return '#/today';
  const { contactId, id } = notice.items[0];
  return `#/contacts/${contactId}?compose=${id}`;
}

interface Button {
  text: string;
  run(): Promise<void>;
}

function buttonsFor(notice: ReminderNotice, actions: ReminderActions): Button[] {
  if (notice.kind === 'single') {
    const { id } = notice.items[0];
    return [
      { text: 'Done', run: () => actions.done(id) },
      { text: 'Snooze 1 hour', run: () => actions.snoozeForAnHour([id]) },
    ];
  }
  const ids = notice.items.map((item) => item.id);
  return [{ text: 'Snooze all for 1 hour', run: () => actions.snoozeForAnHour(ids) }];
}

/**
 * Electron drops a Notification's event handlers when the object is garbage-collected, so the
 * click would do nothing; live ones are kept until they close. Some Linux servers never report a
 * close, hence the cap (the oldest are long gone from the screen by then).
 */
const MAX_KEPT = 20;

export function createReminderNotifier(deps: ReminderNotifierDeps): (notice: ReminderNotice) => void {
  const kept = new Set<NotificationHandle>();
  let warnedUnsupported = false;

  return (notice) => {
    if (!deps.isSupported()) {
      if (!warnedUnsupported)
        deps.log('This system does not support notifications; reminders show in the app.');
      warnedUnsupported = true;
      return;
    }
    const { title, body } = noticeText(notice, deps.reading());
    const buttons = supportsNotificationActions(deps.platform) ? buttonsFor(notice, deps.actions) : [];
    const notification = deps.createNotification({
      title,
      body,
      ...(deps.iconPath ? { icon: deps.iconPath } : {}),
      ...(buttons.length ? { actions: buttons.map((b) => ({ type: 'button' as const, text: b.text })) } : {}),
    });
    const forget = () => kept.delete(notification);

    notification.on('click', () => {
      forget();
      deps.present(routeFor(notice));
    });
    notification.on('action', (details, legacyIndex) => {
      forget();
      const button = buttons[details?.actionIndex ?? legacyIndex ?? -1];
      button?.run().catch((error: unknown) => deps.log('A notification action failed.', error));
    });
    notification.on('close', forget);
    notification.on('failed', (_event, error) => {
      forget();
      deps.log(`A notification could not be shown: ${error}`);
    });

    kept.add(notification);
    if (kept.size > MAX_KEPT) kept.delete(kept.values().next().value!);
    notification.show();
  };
}
