import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance, type FocusableWindow } from '../../../src/main/electron/single-instance.ts';

function fakeApp(gotLock: boolean) {
  const listeners: Array<() => void> = [];
  return {
    app: {
      requestSingleInstanceLock: () => gotLock,
      on: (_event: 'second-instance', listener: () => void) => void listeners.push(listener),
    },
    secondInstance: () => {
      for (const l of listeners) l();
    },
    listeners,
  };
}

function fakeWindow(minimized = false, destroyed = false) {
  const calls: string[] = [];
  const window: FocusableWindow = {
    isDestroyed: () => destroyed,
    isMinimized: () => minimized,
    restore: () => void calls.push('restore'),
    show: () => void calls.push('show'),
    focus: () => void calls.push('focus'),
  };
  return { window, calls };
}

describe('single instance', () => {
  it('tells a second instance to quit', () => {
    const { app, listeners } = fakeApp(false);
    expect(claimSingleInstance(app, () => null)).toBe(false);
    expect(listeners).toHaveLength(0);
  });

  it('raises the existing window when a second instance starts', () => {
    const { app, secondInstance } = fakeApp(true);
    const { window, calls } = fakeWindow(true);
    expect(claimSingleInstance(app, () => window)).toBe(true);
    secondInstance();
    expect(calls).toEqual(['restore', 'show', 'focus']);
  });

  it('does not restore a window that is not minimized', () => {
    const { app, secondInstance } = fakeApp(true);
    const { window, calls } = fakeWindow(false);
    claimSingleInstance(app, () => window);
    secondInstance();
    expect(calls).toEqual(['show', 'focus']);
  });

  it('ignores a second instance while there is no live window', () => {
    const { app, secondInstance } = fakeApp(true);
    const { window, calls } = fakeWindow(false, true);
    const getWindow = vi.fn<() => FocusableWindow | null>().mockReturnValueOnce(null).mockReturnValue(window);
    claimSingleInstance(app, getWindow);
    secondInstance();
    secondInstance();
    expect(calls).toEqual([]);
  });
});
