import { describe, expect, it, vi } from 'vitest';
import type { FocusableWindow } from '../../../src/main/electron/single-instance.ts';
import { createWindowPresenter } from '../../../src/main/electron/window-presenter.ts';

function fakeWindow({ destroyed = false, minimized = false } = {}) {
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

describe('bringing the window forward', () => {
  it('shows a hidden or minimized window and tells it where to go', () => {
    const { window, calls } = fakeWindow({ minimized: true });
    const send = vi.fn(() => true);
    const openWindow = vi.fn();
    createWindowPresenter({ getWindow: () => window, openWindow, send })('#/contacts/12');
    expect(calls).toEqual(['restore', 'show', 'focus']);
    expect(send).toHaveBeenCalledWith('navigate', '#/contacts/12');
    expect(openWindow).not.toHaveBeenCalled();
  });

  it('only shows the window when there is no route', () => {
    const { window } = fakeWindow();
    const send = vi.fn(() => true);
    createWindowPresenter({ getWindow: () => window, openWindow: vi.fn(), send })();
    expect(send).not.toHaveBeenCalled();
  });

  it.each([
    ['no window', null],
    ['a destroyed window', fakeWindow({ destroyed: true }).window],
  ])('opens a new window on the route when there is %s', (_label, existing) => {
    const send = vi.fn(() => true);
    const openWindow = vi.fn();
    createWindowPresenter({ getWindow: () => existing, openWindow, send })('#/today');
    expect(openWindow).toHaveBeenCalledWith('#/today');
    expect(send).not.toHaveBeenCalled();
  });
});
