// Kept free of zod and of anything else heavy: sandboxed preloads run in a restricted context,
// and main validates every call anyway. Only the tiny shared bridge constants are imported.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import {
  BRIDGE_EVENTS,
  type BridgeEvent,
  IPC_COPY_TEXT_CHANNEL,
  IPC_INVOKE_CHANNEL,
  IPC_SAVE_FILE_CHANNEL,
  ipcEventChannel,
  MAX_COPY_TEXT_LENGTH,
  type PreloadBridge,
  type SaveFileResult,
} from '../shared/api/bridge.ts';
import type { Envelope } from '../shared/api/errors.ts';
import type { PushPayloads } from '../shared/api/pushes.ts';

const ALLOWED_EVENTS: ReadonlySet<string> = new Set(BRIDGE_EVENTS);

/**
 * What window.followthrough holds. invoke only ever uses the one API channel; on only listens
 * to the allowlisted push events and never hands the IpcRendererEvent (which carries `sender`,
 * a way back into ipcRenderer) to page code.
 */
export function createBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>) {
  return {
    invoke(method: string, input: unknown): Promise<Envelope<unknown>> {
      return ipc.invoke(IPC_INVOKE_CHANNEL, method, input) as Promise<Envelope<unknown>>;
    },
    saveFile(filename: string, content: string): Promise<SaveFileResult> {
      if (typeof filename !== 'string' || typeof content !== 'string') {
        return Promise.reject(new TypeError('saveFile takes a file name and the text to save.'));
      }
      return ipc.invoke(IPC_SAVE_FILE_CHANNEL, filename, content) as Promise<SaveFileResult>;
    },
    async copyText(text: string): Promise<void> {
      if (typeof text !== 'string') throw new TypeError('copyText takes the text to copy.');
      if (text.length > MAX_COPY_TEXT_LENGTH)
        throw new RangeError(`copyText takes at most ${MAX_COPY_TEXT_LENGTH} characters.`);
      await ipc.invoke(IPC_COPY_TEXT_CHANNEL, text);
    },
    on<E extends BridgeEvent>(channel: E, listener: (payload: PushPayloads[E]) => void): () => void {
      if (!ALLOWED_EVENTS.has(channel)) throw new Error(`Unknown event "${String(channel)}".`);
      if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
      const ipcChannel = ipcEventChannel(channel);
      // Typed by the contract, not checked here: the renderer reads every push with readPush.
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload as PushPayloads[E]);
      ipc.on(ipcChannel, forward);
      return () => {
        ipc.removeListener(ipcChannel, forward);
      };
    },
  } satisfies PreloadBridge;
}
