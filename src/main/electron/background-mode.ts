/** The slice of Electron's app this module needs. */
export interface QuitSignals {
  on(event: 'before-quit', listener: () => void): unknown;
}

/** The slice of BrowserWindow this module needs. */
export interface HideableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  on(event: 'session-end', listener: () => void): unknown;
  hide(): void;
}

export interface BackgroundModeDeps {
  app: QuitSignals;
  platform: NodeJS.Platform;
  /** Read at each close, so the setting applies without a restart. */
  keepRunning(): boolean;
}

export interface BackgroundMode {
  /** Makes the window's close button hide it while the app should keep running in the tray. */
  guardWindow(window: HideableWindow): void;
  /** The answer for 'window-all-closed'. */
  shouldQuitWhenAllClosed(): boolean;
}

/**
 * Reminders live in the main process, so they fire only while it runs. With "keep running in
 * the tray" on, closing the window hides it; a real quit (tray menu, Cmd+Q, the system logging
 * out) announces itself first through 'before-quit' or 'session-end', and is let through.
 */
export function createBackgroundMode(deps: BackgroundModeDeps): BackgroundMode {
  let quitting = false;
  deps.app.on('before-quit', () => {
    quitting = true;
  });
  return {
    guardWindow(window) {
      // Windows logs off by closing windows without 'before-quit'; blocking that would hang it.
      window.on('session-end', () => {
        quitting = true;
      });
      window.on('close', (event) => {
        if (quitting || !deps.keepRunning()) return;
        event.preventDefault();
        window.hide();
      });
    },
    shouldQuitWhenAllClosed() {
      // macOS apps stay alive without windows anyway; the dock icon re-opens one.
      return deps.platform !== 'darwin' && !deps.keepRunning();
    },
  };
}
