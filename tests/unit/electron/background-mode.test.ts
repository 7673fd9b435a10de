import { describe, expect, it } from 'vitest';
import { createBackgroundMode, type HideableWindow } from '../../../src/main/electron/background-mode.ts';

function fakeApp() {
  const listeners: Array<() => void> = [];
  return {
    app: { on: (_event: 'before-quit', l: () => void) => void listeners.push(l) },
    quit: () => {
      for (const listener of listeners) listener();
    },
  };
}

function fakeWindow() {
  const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
  let hidden = false;
  const window = {
    on: (event: string, listener: (event: { preventDefault(): void }) => void) =>
      void listeners.set(event, listener),
    hide: () => {
      hidden = true;
    },
  } as HideableWindow;
  return {
    window,
    /** Returns whether the close went ahead. */
    close() {
      let prevented = false;
      listeners.get('close')!({ preventDefault: () => (prevented = true) });
      return !prevented;
    },
    sessionEnd: () => listeners.get('session-end')!({ preventDefault: () => {} }),
    hidden: () => hidden,
  };
}

describe('keep running in the tray', () => {
  it('hides the window instead of closing it while the setting is on', () => {
    const { app } = fakeApp();
    const w = fakeWindow();
    createBackgroundMode({ app, platform: 'win32', keepRunning: () => true }).guardWindow(w.window);
    expect(w.close()).toBe(false);
    expect(w.hidden()).toBe(true);
  });

  it('lets the window close when the setting is off', () => {
    const { app } = fakeApp();
    const w = fakeWindow();
    createBackgroundMode({ app, platform: 'win32', keepRunning: () => false }).guardWindow(w.window);
    expect(w.close()).toBe(true);
    expect(w.hidden()).toBe(false);
  });

  it('lets a real quit through', () => {
    const { app, quit } = fakeApp();
    const w = fakeWindow();
    createBackgroundMode({ app, platform: 'linux', keepRunning: () => true }).guardWindow(w.window);
    quit();
    expect(w.close()).toBe(true);
  });

  it('lets the system log off', () => {
    const { app } = fakeApp();
    const w = fakeWindow();
    createBackgroundMode({ app, platform: 'win32', keepRunning: () => true }).guardWindow(w.window);
    w.sessionEnd();
    expect(w.close()).toBe(true);
  });

  it('reads the setting at each close', () => {
    const { app } = fakeApp();
    const w = fakeWindow();
    let keep = false;
    createBackgroundMode({ app, platform: 'linux', keepRunning: () => keep }).guardWindow(w.window);
    keep = true;
    expect(w.close()).toBe(false);
  });

  it.each([
    ['linux', false, true],
    ['win32', false, true],
    ['darwin', false, false],
    ['linux', true, false],
    ['win32', true, false],
    ['darwin', true, false],
  ] as const)('on %s with keepRunning=%s, quits when all windows close: %s', (platform, keep, quits) => {
    const { app } = fakeApp();
    expect(createBackgroundMode({ app, platform, keepRunning: () => keep }).shouldQuitWhenAllClosed()).toBe(
      quits,
    );
  });
});
