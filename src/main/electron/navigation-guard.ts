import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import { type Log, type OpenExternal, openExternalIfAllowed } from './external-links.ts';

/** Something with preventDefault, as Electron's events have. */
interface Preventable {
  preventDefault(): void;
}

/** The slice of WebContents the guard needs (every web contents, not only the main window). */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: Preventable & { url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: Pick<HandlerDetails, 'url'>) => WindowOpenHandlerResponse): void;
}

export interface NavigationGuardDeps {
  openExternal: OpenExternal;
  log: Log;
}

/**
 * The app is a single page served from app://; nothing may replace it. A link the user clicks
 * (with or without target=_blank) never opens inside Electron: if it is on the allowlist it
 * goes to the system browser or mail client, otherwise it is dropped. Reloads and in-page
 * (hash / pushState) navigations do not emit will-navigate, so they keep working.
 */
export function guardWebContents(contents: GuardedContents, deps: NavigationGuardDeps): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openExternalIfAllowed(event.url, deps.openExternal, deps.log);
  });
  contents.setWindowOpenHandler((details) => denyWindowOpen(details.url, deps));
  // <webview> is disabled in webPreferences; this also refuses one if that ever slips.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    deps.log('Refused to attach a <webview>.');
  });
}

export function denyWindowOpen(url: string, deps: NavigationGuardDeps): WindowOpenHandlerResponse {
  openExternalIfAllowed(url, deps.openExternal, deps.log);
  return { action: 'deny' };
}
