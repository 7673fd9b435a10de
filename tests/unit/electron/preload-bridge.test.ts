import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createBridge } from '../../../src/preload/bridge.ts';
import {
  BRIDGE_EVENTS,
  IPC_INVOKE_CHANNEL,
  ipcEventChannel,
  MAX_COPY_TEXT_LENGTH,
} from '../../../src/shared/api/bridge.ts';
import { runtimeDependencies } from './import-scan.ts';

function fakeIpcRenderer() {
  const emitter = new EventEmitter();
  const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'pong' }));
  const ipc = {
    invoke,
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      emitter.on(channel, listener);
      return ipc;
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
      emitter.removeListener(channel, listener);
      return ipc;
    },
  };
  return { ipc, emitter, invoke };
}

describe('the preload bridge', () => {
  it('exposes exactly invoke, on, saveFile and copyText, never ipcRenderer itself', () => {
    const { ipc } = fakeIpcRenderer();
    const bridge = createBridge(ipc as never);
    expect(Object.keys(bridge).sort()).toEqual(['copyText', 'invoke', 'on', 'saveFile']);
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);
  });

  it('sends saveFile on its own channel, and only with text', async () => {
    const { ipc, invoke } = fakeIpcRenderer();
    const bridge = createBridge(ipc as never);
    await bridge.saveFile('export.ics', 'BEGIN:VCALENDAR');
    expect(invoke).toHaveBeenLastCalledWith('followthrough:save-file', 'export.ics', 'BEGIN:VCALENDAR');
    await expect(bridge.saveFile('x.ics', 42 as never)).rejects.toThrow(TypeError);
  });

  it('sends copyText on its own channel, only with text and within the cap', async () => {
    const { ipc, invoke } = fakeIpcRenderer();
    const bridge = createBridge(ipc as never);
    await bridge.copyText('Hi Ada,\nthanks');
    expect(invoke).toHaveBeenLastCalledWith('followthrough:copy-text', 'Hi Ada,\nthanks');
    invoke.mockClear();
    await expect(bridge.copyText({ toString: () => 'x' } as never)).rejects.toThrow(TypeError);
    await expect(bridge.copyText('x'.repeat(MAX_COPY_TEXT_LENGTH + 1))).rejects.toThrow(RangeError);
    expect(invoke).not.toHaveBeenCalled();
  });

  it('sends every call on the one API channel', async () => {
    const { ipc, invoke } = fakeIpcRenderer();
    const bridge = createBridge(ipc as never);
    await expect(bridge.invoke('contacts.list', { query: 'ada' })).resolves.toEqual({
      ok: true,
      value: 'pong',
    });
    expect(invoke).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, 'contacts.list', { query: 'ada' });
  });

  it('forwards pushes without the IpcRendererEvent, until unsubscribed', () => {
    const { ipc, emitter } = fakeIpcRenderer();
    const bridge = createBridge(ipc as never);
    const listener = vi.fn();
    const off = bridge.on('data-changed', listener);
    const ipcEvent = { sender: { send: () => {} }, senderId: 0 };
    emitter.emit(ipcEventChannel('data-changed'), ipcEvent, { entity: 'contact' });
    expect(listener).toHaveBeenCalledWith({ entity: 'contact' });
    expect(listener.mock.calls[0]).toHaveLength(1);

    off();
    emitter.emit(ipcEventChannel('data-changed'), ipcEvent, { entity: 'event' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(emitter.listenerCount(ipcEventChannel('data-changed'))).toBe(0);
  });

  it('subscribes only to the allowlisted events', () => {
    const { ipc, emitter } = fakeIpcRenderer();
    const bridge = createBridge(ipc as never);
    for (const event of BRIDGE_EVENTS) bridge.on(event, () => {});
    expect(() => bridge.on('electron-store-get-data' as never, () => {})).toThrow(/Unknown event/);
    expect(() => bridge.on('followthrough:invoke' as never, () => {})).toThrow(/Unknown event/);
    expect(emitter.eventNames().sort()).toEqual(BRIDGE_EVENTS.map(ipcEventChannel).sort());
  });

  it('loads nothing but electron at run time (no zod in the sandboxed preload)', () => {
    const deps = runtimeDependencies(resolve(import.meta.dirname, '../../../src/preload/index.ts'));
    expect([...deps]).toEqual(['electron']);
  });
});
