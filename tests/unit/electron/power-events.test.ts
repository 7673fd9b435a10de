import { describe, expect, it, vi } from 'vitest';
import { wakeOnResume } from '../../../src/main/electron/power-events.ts';

function fakePowerMonitor() {
  const listeners = new Map<string, Set<() => void>>();
  return {
    on: (event: string, listener: () => void) => {
      listeners.set(event, (listeners.get(event) ?? new Set()).add(listener));
    },
    removeListener: (event: string, listener: () => void) => void listeners.get(event)?.delete(listener),
    emit: (event: string) => {
      for (const listener of listeners.get(event) ?? []) listener();
    },
    count: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
}

describe('power events', () => {
  it('wakes the scheduler on resume and on unlock, until told to stop', () => {
    const power = fakePowerMonitor();
    const wake = vi.fn();
    const stop = wakeOnResume(power, wake);
    power.emit('resume');
    power.emit('unlock-screen');
    power.emit('suspend');
    expect(wake).toHaveBeenCalledTimes(2);
    stop();
    expect(power.count()).toBe(0);
    power.emit('resume');
    expect(wake).toHaveBeenCalledTimes(2);
  });
});
