import type { PushEvent, PushPayloads } from '../../shared/api/pushes.ts';
import { type FocusableWindow, focusWindow } from './single-instance.ts';

export interface WindowPresenterDeps {
  getWindow(): FocusableWindow | null | undefined;
  /** Creates the window (it was closed, or never opened), showing `route` once loaded. */
  openWindow(route?: string): void;
  send<E extends PushEvent>(event: E, payload: PushPayloads[E]): boolean;
}

/**
 * Brings the app forward, optionally on a hash route ("#/today", "#/contacts/12"): what a
 * notification click and the tray menu do. A live window (maybe hidden in the tray) is shown and
 * told to navigate; without one, a new window opens on the route directly, because a push sent
 * before its page has loaded would be lost.
 */
export function createWindowPresenter(deps: WindowPresenterDeps): (route?: string) => void {
  return (route) => {
    const window = deps.getWindow();
    if (!window || window.isDestroyed()) {
      deps.openWindow(route);
      return;
    }
    focusWindow(window);
    if (route) deps.send('navigate', route);
  };
}
