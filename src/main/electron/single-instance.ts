/** The slice of Electron's app this module needs. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: () => void): unknown;
}

/** The slice of BrowserWindow needed to bring it forward. */
export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/**
 * Two processes writing one SQLite file and one config.json would race, so only one desktop
 * instance runs. Returns false when another instance holds the lock: the caller must quit
 * (Electron has already told the other instance, which then raises its window).
 */
export function claimSingleInstance(
  app: SingleInstanceApp,
  getWindow: () => FocusableWindow | null | undefined,
): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const window = getWindow();
    if (window && !window.isDestroyed()) focusWindow(window);
  });
  return true;
}

export function focusWindow(window: FocusableWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
