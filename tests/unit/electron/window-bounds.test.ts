import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE } from '../../../src/main/electron/main-window.ts';
import {
  type DisplayList,
  readWindowState,
  restoreWindowBounds,
  SAVE_DEBOUNCE_MS,
  type TrackedWindow,
  trackWindowBounds,
  WINDOW_STATE_KEY,
  type WindowState,
  writeWindowState,
} from '../../../src/main/electron/window-bounds.ts';

const laptop = { workArea: { x: 0, y: 0, width: 1440, height: 877 } };
// A second monitor to the left of the laptop, as macOS and Windows report it.
const leftMonitor = { workArea: { x: -1920, y: 0, width: 1920, height: 1050 } };
type Display = ReturnType<DisplayList['getAllDisplays']>[number];
const screenOf = (...displays: Display[]): DisplayList => ({ getAllDisplays: () => displays });

const saved = (over: Partial<WindowState> = {}): WindowState => ({
  x: 100,
  y: 80,
  width: 1000,
  height: 700,
  maximized: false,
  ...over,
});

describe('reading saved bounds', () => {
  const storeWith = (value: unknown) => ({
    get: (key: string) => (key === WINDOW_STATE_KEY ? value : undefined),
  });

  it('round-trips what was written', () => {
    const map = new Map<string, unknown>();
    const store = { get: (k: string) => map.get(k), set: (k: string, v: unknown) => void map.set(k, v) };
    writeWindowState(store, saved({ maximized: true }));
    expect(readWindowState(store)).toEqual(saved({ maximized: true }));
  });

  it.each([
    ['nothing saved', undefined],
    ['not an object', 'big'],
    ['a missing field', { x: 1, y: 2, width: 800 }],
    ['a string number', { x: '1', y: 2, width: 800, height: 600 }],
    ['a fraction', { x: 1.5, y: 2, width: 800, height: 600 }],
    ['NaN', { x: Number.NaN, y: 2, width: 800, height: 600 }],
    ['a zero size', { x: 1, y: 2, width: 0, height: 600 }],
    ['a negative size', { x: 1, y: 2, width: 800, height: -600 }],
  ])('treats %s as no saved bounds', (_label, value) => {
    expect(readWindowState(storeWith(value))).toBeNull();
  });

  it('reads a missing maximized flag as false', () => {
    expect(readWindowState(storeWith({ x: 1, y: 2, width: 800, height: 600 }))?.maximized).toBe(false);
  });
});

describe('restoring bounds', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(restoreWindowBounds(null, screenOf(laptop))).toEqual({
      bounds: DEFAULT_WINDOW_SIZE,
      maximized: false,
    });
  });

  it('reuses bounds that are on a display', () => {
    expect(restoreWindowBounds(saved(), screenOf(laptop))).toEqual({
      bounds: { x: 100, y: 80, width: 1000, height: 700 },
      maximized: false,
    });
  });

  it('reuses bounds on a secondary display at negative coordinates', () => {
    const onLeft = saved({ x: -1800, y: 50 });
    expect(restoreWindowBounds(onLeft, screenOf(laptop, leftMonitor)).bounds).toMatchObject({
      x: -1800,
      y: 50,
    });
  });

  it('falls back to the default when that display is gone', () => {
    const onLeft = saved({ x: -1800, y: 50, maximized: true });
    expect(restoreWindowBounds(onLeft, screenOf(laptop))).toEqual({
      bounds: DEFAULT_WINDOW_SIZE,
      maximized: true,
    });
  });

  it('falls back when only a sliver would be visible', () => {
    // 40 px of the window would peek in at the right edge: too little to grab.
    expect(restoreWindowBounds(saved({ x: 1400 }), screenOf(laptop)).bounds).toEqual(DEFAULT_WINDOW_SIZE);
    expect(restoreWindowBounds(saved({ y: 850 }), screenOf(laptop)).bounds).toEqual(DEFAULT_WINDOW_SIZE);
  });

  it('clamps the size to the display and to the minimum', () => {
    expect(
      restoreWindowBounds(saved({ x: 0, y: 0, width: 5000, height: 4000 }), screenOf(laptop)).bounds,
    ).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 877,
    });
    expect(restoreWindowBounds(saved({ width: 100, height: 100 }), screenOf(laptop)).bounds).toMatchObject({
      width: MIN_WINDOW_SIZE.width,
      height: MIN_WINDOW_SIZE.height,
    });
  });

  it('keeps the maximized state', () => {
    expect(restoreWindowBounds(saved({ maximized: true }), screenOf(laptop)).maximized).toBe(true);
  });
});

describe('saving bounds', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function fakeWindow() {
    const listeners = new Map<string, Array<() => void>>();
    const state = { bounds: { x: 0, y: 0, width: 800, height: 600 }, maximized: false, fullScreen: false };
    const window: TrackedWindow = {
      getNormalBounds: () => ({ ...state.bounds }),
      isMaximized: () => state.maximized,
      isFullScreen: () => state.fullScreen,
      on(event: string, listener: () => void) {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
        return window;
      },
    };
    const emit = (event: string) => {
      for (const l of listeners.get(event) ?? []) l();
    };
    return { window, state, emit };
  }

  it('saves once after a burst of moves and resizes', () => {
    const { window, state, emit } = fakeWindow();
    const save = vi.fn();
    trackWindowBounds(window, save);
    for (let i = 0; i < 20; i++) {
      state.bounds = { ...state.bounds, x: i * 10 };
      emit(i % 2 ? 'move' : 'resize');
      vi.advanceTimersByTime(SAVE_DEBOUNCE_MS / 5);
    }
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(SAVE_DEBOUNCE_MS);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ x: 190, y: 0, width: 800, height: 600, maximized: false });
  });

  it('saves at once on close, and not again afterwards', () => {
    const { window, state, emit } = fakeWindow();
    const save = vi.fn();
    trackWindowBounds(window, save);
    state.bounds = { x: 5, y: 6, width: 900, height: 650 };
    emit('move');
    emit('close');
    expect(save).toHaveBeenCalledWith({ x: 5, y: 6, width: 900, height: 650, maximized: false });
    emit('closed');
    vi.advanceTimersByTime(SAVE_DEBOUNCE_MS * 2);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('keeps the normal bounds while maximized or full screen', () => {
    const { window, state, emit } = fakeWindow();
    const save = vi.fn();
    trackWindowBounds(window, save);
    state.maximized = true;
    emit('maximize');
    vi.advanceTimersByTime(SAVE_DEBOUNCE_MS);
    expect(save).toHaveBeenLastCalledWith({ x: 0, y: 0, width: 800, height: 600, maximized: true });
    state.maximized = false;
    state.fullScreen = true;
    emit('close');
    expect(save).toHaveBeenLastCalledWith({ x: 0, y: 0, width: 800, height: 600, maximized: true });
  });
});
