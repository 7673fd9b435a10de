import { IPC_INVOKE_CHANNEL, ipcEventChannel } from '../../shared/api/bridge.ts';
import type { Envelope } from '../../shared/api/errors.ts';
import type { PushEvent, PushPayloads } from '../../shared/api/pushes.ts';
import type { Dispatch } from '../api/dispatch.ts';
import { isAppUrl } from './app-protocol.ts';

/** What the invoke listener reads from Electron's IpcMainInvokeEvent. */
export interface InvokeEvent {
  /** Null when the frame navigated away or was destroyed before the message arrived. */
  readonly senderFrame: { readonly url: string } | null;
}

export const FORBIDDEN_SENDER: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This call did not come from the Followthrough window.' },
};

/**
 * Answers one renderer call. Only a frame showing the app's own page may call the API: if
 * anything else ever ended up in a window (a bug in the navigation guard, a future iframe),
 * it still could not reach the database. Always resolves to an envelope: a rejected
 * ipcRenderer.invoke would lose the typed error on its way to the renderer.
 */
export async function answerInvoke(
  dispatch: Dispatch,
  event: InvokeEvent,
  method: unknown,
  input: unknown,
): Promise<Envelope<unknown>> {
  if (!isAppUrl(event.senderFrame?.url)) return FORBIDDEN_SENDER;
  try {
    return await dispatch(typeof method === 'string' ? method : String(method), input);
  } catch {
    // dispatch already turns handler failures into envelopes; this only guards against a bug there.
    return { ok: false, error: { code: 'internal', message: 'The call failed unexpectedly.' } };
  }
}

/** The slice of Electron's ipcMain this module needs. */
export interface InvokeRegistry {
  handle(
    channel: string,
    listener: (event: InvokeEvent, ...args: unknown[]) => Promise<Envelope<unknown>>,
  ): void;
  removeHandler(channel: string): void;
}

/** Registers the one API channel; returns a function that removes it (used on shutdown and in tests). */
export function registerInvokeHandler(ipcMain: InvokeRegistry, dispatch: Dispatch): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event: InvokeEvent, method: unknown, input: unknown) =>
    answerInvoke(dispatch, event, method, input),
  );
  return () => ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
}

/** The slice of WebContents a push needs. */
export interface PushTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/**
 * Pushes an event to the renderer (the preload forwards only allowlisted events). getTarget is
 * asked each time because the window may have been closed and re-created (macOS). Returns
 * whether the event was sent.
 */
export function createEventSender(getTarget: () => PushTarget | null | undefined) {
  return <E extends PushEvent>(event: E, payload: PushPayloads[E]): boolean => {
    const target = getTarget();
    if (!target || target.isDestroyed()) return false;
    target.send(ipcEventChannel(event), payload);
    return true;
  };
}
