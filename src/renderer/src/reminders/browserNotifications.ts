/**
 * Browser notifications, for the HTTP shell only: the desktop app's main process shows native
 * notifications itself (they must fire with the window closed), so its renderer never does.
 * Permission is asked only from a click in Settings, never on load: browsers penalise (and users
 * resent) a prompt nobody asked for.
 */
export type BrowserNotificationState = 'unsupported' | NotificationPermission;

export function browserNotificationState(): BrowserNotificationState {
  if (window.followthrough || typeof Notification === 'undefined') return 'unsupported';
  return Notification.permission;
}

export async function requestBrowserNotifications(): Promise<BrowserNotificationState> {
  if (browserNotificationState() === 'unsupported') return 'unsupported';
  return Notification.requestPermission();
}

/** Shows one notification when allowed; a click brings the tab forward and runs `onClick`. */
export function showBrowserNotification(title: string, body: string, tag: string, onClick: () => void): void {
  if (browserNotificationState() !== 'granted') return;
  try {
    const notification = new Notification(title, { body, tag });
    notification.onclick = () => {
      window.focus();
      onClick();
      notification.close();
    };
  } catch {
    // Some platforms only allow notifications from a service worker; the in-page notice remains.
  }
}
