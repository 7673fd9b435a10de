import { describe, expect, it, vi } from 'vitest';
import { createDispatch, type Dispatch } from '../../../src/main/api/dispatch.ts';
import { type Registry, read } from '../../../src/main/core/registry.ts';
import {
  answerInvoke,
  createEventSender,
  FORBIDDEN_SENDER,
  type InvokeEvent,
  registerInvokeHandler,
} from '../../../src/main/electron/ipc-bridge.ts';
import { IPC_INVOKE_CHANNEL } from '../../../src/shared/api/bridge.ts';

const fromApp: InvokeEvent = { senderFrame: { url: 'app://followthrough/index.html#/contacts' } };

function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => unknown>();
  return {
    handlers,
    handle: (channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}

describe('the IPC API channel', () => {
  it('registers one handler on the shared channel and routes calls to dispatch', async () => {
    const ipc = fakeIpcMain();
    const dispatch = vi.fn<Dispatch>(async (method) => ({ ok: true, value: `ran ${method}` }));
    const unregister = registerInvokeHandler(ipc, dispatch);
    expect([...ipc.handlers.keys()]).toEqual([IPC_INVOKE_CHANNEL]);

    const listener = ipc.handlers.get(IPC_INVOKE_CHANNEL)!;
    const input = { query: 'ada' };
    await expect(listener(fromApp, 'contacts.list', input)).resolves.toEqual({
      ok: true,
      value: 'ran contacts.list',
    });
    expect(dispatch).toHaveBeenCalledWith('contacts.list', input);

    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it.each([
    ['another site', 'https://evil.example/'],
    ['a local file', 'file:///home/me/page.html'],
    ['another app:// host', 'app://elsewhere/index.html'],
    ['a look-alike host', 'app://followthrough.evil/index.html'],
    ['an empty URL', ''],
  ])('refuses calls from %s without touching dispatch', async (_label, url) => {
    const dispatch = vi.fn<Dispatch>();
    await expect(answerInvoke(dispatch, { senderFrame: { url } }, 'contacts.list', {})).resolves.toEqual(
      FORBIDDEN_SENDER,
    );
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses calls from a frame that is already gone', async () => {
    const dispatch = vi.fn<Dispatch>();
    await expect(answerInvoke(dispatch, { senderFrame: null }, 'app.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('never rejects: a throwing dispatch becomes an internal-error envelope', async () => {
    const dispatch: Dispatch = async () => {
      throw new Error('boom');
    };
    await expect(answerInvoke(dispatch, fromApp, 'app.info', {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: expect.any(String) },
    });
  });

  it('passes a non-string method on as a string, for dispatch to reject', async () => {
    const dispatch = vi.fn<Dispatch>(async () => ({
      ok: false,
      error: { code: 'unknown_method', message: 'no' },
    }));
    await answerInvoke(dispatch, fromApp, 42, undefined);
    expect(dispatch).toHaveBeenCalledWith('42', undefined);
  });
});

describe('the IPC channel with the real dispatcher', () => {
  // Only the handler is faked: validation and error mapping are the real ones every shell uses.
  const dispatch = createDispatch({
    'contacts.get': read(async ({ id }: { id: number }) => ({ id, name: 'Ada' })),
  } as unknown as Registry);

  it('answers a valid call', async () => {
    await expect(answerInvoke(dispatch, fromApp, 'contacts.get', { id: 42 })).resolves.toEqual({
      ok: true,
      value: { id: 42, name: 'Ada' },
    });
  });

  it('returns validation failures and unknown methods as envelopes', async () => {
    await expect(answerInvoke(dispatch, fromApp, 'contacts.get', { id: 'x' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    await expect(
      answerInvoke(dispatch, fromApp, 'fs.readFile', { path: '/etc/passwd' }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
  });
});

describe('pushes to the renderer', () => {
  it('send on the event channel of the window that exists now', () => {
    const send = vi.fn();
    let target: { isDestroyed(): boolean; send: typeof send } | null = { isDestroyed: () => false, send };
    const push = createEventSender(() => target);
    expect(push('data-changed', { scopes: ['contacts'] })).toBe(true);
    expect(send).toHaveBeenCalledWith('followthrough:event:data-changed', { scopes: ['contacts'] });
    expect(push('navigate', '/today')).toBe(true);
    expect(send).toHaveBeenLastCalledWith('followthrough:event:navigate', '/today');

    target = { isDestroyed: () => true, send };
    expect(push('navigate', '/contacts')).toBe(false);
    target = null;
    expect(push('navigate', '/contacts')).toBe(false);
    expect(send).toHaveBeenCalledTimes(2);
  });
});
