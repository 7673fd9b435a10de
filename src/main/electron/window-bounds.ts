import type { Rectangle } from 'electron';
import type { KeyValueStore } from '../settings/settings-store.ts';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE } from './main-window.ts';

/** Key in config.json, beside the user settings (theme) that settings-store.ts manages. */
export const WINDOW_STATE_KEY = 'windowBounds';
/** Enough of the window must stay on a display to grab its title bar. */
export const MIN_VISIBLE_PX = 64;
export const SAVE_DEBOUNCE_MS = 500;

export interface WindowState extends Rectangle {
  maximized: boolean;
}

/** The slice of Electron's screen this module needs. */
export interface DisplayList {
  getAllDisplays(): Array<{ workArea: Rectangle }>;
}

/** Reads the saved state; anything malformed (hand edits, older formats) counts as none. */
export function readWindowState(store: Pick<KeyValueStore, 'get'>): WindowState | null {
  const raw = store.get(WINDOW_STATE_KEY);
  if (typeof raw !== 'object' || raw === null) return null;
  const { x, y, width, height, maximized } = raw as Record<string, unknown>;
  const ints = [x, y, width, height];
  if (!ints.every((n) => typeof n === 'number' && Number.isSafeInteger(n))) return null;
  const rect = { x, y, width, height } as Rectangle;
  if (rect.width <= 0 || rect.height <= 0) return null;
  return { ...rect, maximized: maximized === true };
}

export function writeWindowState(store: Pick<KeyValueStore, 'set'>, state: WindowState): void {
  const { x, y, width, height, maximized } = state;
  store.set(WINDOW_STATE_KEY, { x, y, width, height, maximized });
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

export interface RestoredBounds {
  bounds: Partial<Rectangle> & { width: number; height: number };
  maximized: boolean;
}

/**
 * Where to open the window. Saved bounds are used only if a large enough part of them is on a
 * display that exists now: a monitor unplugged since last time would otherwise open the window
 * off-screen, where the user cannot reach it. Otherwise the default size, centred by Electron.
 * The size is clamped to the minimum and to the display it lands on.
 */
export function restoreWindowBounds(saved: WindowState | null, screen: DisplayList): RestoredBounds {
  const fallback: RestoredBounds = { bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false };
  if (!saved) return fallback;
  const display = screen.getAllDisplays().find((d) => {
    const o = overlap(saved, d.workArea);
    return o.width >= MIN_VISIBLE_PX && o.height >= MIN_VISIBLE_PX;
  });
  if (!display) return { ...fallback, maximized: saved.maximized };
  const area = display.workArea;
  const width = clamp(saved.width, MIN_WINDOW_SIZE.width, Math.max(MIN_WINDOW_SIZE.width, area.width));
  const height = clamp(saved.height, MIN_WINDOW_SIZE.height, Math.max(MIN_WINDOW_SIZE.height, area.height));
  return { bounds: { x: saved.x, y: saved.y, width, height }, maximized: saved.maximized };
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(Math.max(n, min), max);
}

/** The slice of BrowserWindow the tracker needs. */
export interface TrackedWindow {
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  isFullScreen(): boolean;
  // One overload per event: BrowserWindow.on is overloaded the same way, and a union here
  // would not match any single one of its overloads.
  on(event: 'move', listener: () => void): unknown;
  on(event: 'resize', listener: () => void): unknown;
  on(event: 'maximize', listener: () => void): unknown;
  on(event: 'unmaximize', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
}

export interface TimerApi {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: TimerApi = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Saves the window's bounds as the user moves and resizes it. Debounced because dragging emits
 * dozens of events a second and each save rewrites config.json; flushed on close so the last
 * move is never lost. Normal bounds are saved even when maximized or full screen, so
 * un-maximizing after a restart returns to the size the user chose.
 */
export function trackWindowBounds(
  window: TrackedWindow,
  save: (state: WindowState) => void,
  timers: TimerApi = realTimers,
  debounceMs = SAVE_DEBOUNCE_MS,
): void {
  let pending: unknown = null;
  const snapshot = (): WindowState => ({
    ...window.getNormalBounds(),
    maximized: window.isMaximized() || window.isFullScreen(),
  });
  const flush = () => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
    save(snapshot());
  };
  const schedule = () => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = timers.setTimeout(flush, debounceMs);
  };
  window.on('move', schedule);
  window.on('resize', schedule);
  window.on('maximize', schedule);
  window.on('unmaximize', schedule);
  // 'close' comes before the window is destroyed, so its bounds can still be read.
  window.on('close', flush);
  window.on('closed', () => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
  });
}
