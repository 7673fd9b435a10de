import type { Envelope } from './errors.ts';
import { PUSH_EVENTS, type PushEvent, type PushPayloads } from './pushes.ts';

/**
 * What the Electron preload exposes on window.followthrough (contextBridge). One typed call,
 * never the raw ipcRenderer: main validates the method name and the payload.
 */
export interface PreloadBridge {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  /**
   * Subscribe to a push from main; returns unsubscribe. The payload is typed by the contract
   * (pushes.ts), and the renderer still checks it with readPush before use.
   */
  on<E extends BridgeEvent>(channel: E, listener: (payload: PushPayloads[E]) => void): () => void;
  /** Desktop only: asks where to save a generated file (an .ics export) and writes it there. */
  saveFile?(filename: string, content: string): Promise<SaveFileResult>;
  /**
   * Desktop only: puts text on the system clipboard through main (Electron's clipboard), which
   * works whether or not the page has focus or a clipboard permission. The browser shell uses
   * navigator.clipboard instead.
   */
  copyText?(text: string): Promise<void>;
}

/** The most the preload and main accept to copy: the composer's 20,000-character message, with room. */
export const MAX_COPY_TEXT_LENGTH = 100_000;

export interface SaveFileResult {
  saved: boolean;
  /** Where it was written (absent when the user cancelled). */
  path?: string;
}

/** The pushes main may send to the renderer; their payloads are in pushes.ts. */
export const BRIDGE_EVENTS = PUSH_EVENTS;
export type BridgeEvent = PushEvent;

/** IPC channel names, shared by preload and main so they cannot drift. */
export const IPC_INVOKE_CHANNEL = 'followthrough:invoke';
export const IPC_SAVE_FILE_CHANNEL = 'followthrough:save-file';
export const IPC_COPY_TEXT_CHANNEL = 'followthrough:copy-text';
export const ipcEventChannel = (event: BridgeEvent) => `followthrough:event:${event}`;

declare global {
  interface Window {
    followthrough?: PreloadBridge;
  }
}

export type { ProgressPayload } from './pushes.ts';
