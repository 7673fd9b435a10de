import type { Envelope } from './errors.ts';

/**
 * What the Electron preload exposes on window.followthrough (contextBridge). One typed call,
 * never the raw ipcRenderer: main validates the method name and the payload.
 */
export interface PreloadBridge {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** Subscribe to a push from main (used by later features such as reminders); returns unsubscribe. */
  on(channel: BridgeEvent, listener: (payload: unknown) => void): () => void;
  /** Desktop only: asks where to save a generated file (an .ics export) and writes it there. */
  saveFile?(filename: string, content: string): Promise<SaveFileResult>;
}

export interface SaveFileResult {
  saved: boolean;
  /** Where it was written (absent when the user cancelled). */
  path?: string;
}

/**
 * Pushes main may send to the renderer (over IPC in Electron, as server-sent events from
 * GET /api/events in the HTTP shell): 'navigate' carries a hash route (e.g. a notification
 * click opens "#/today"), 'data-changed' a {scope}, 'reminders' a {items: DueReminder[]},
 * 'progress' a {@link ProgressPayload} while long work (an import) runs.
 */
export const BRIDGE_EVENTS = ['navigate', 'data-changed', 'reminders', 'progress'] as const;
export type BridgeEvent = (typeof BRIDGE_EVENTS)[number];

/** IPC channel names, shared by preload and main so they cannot drift. */
export const IPC_INVOKE_CHANNEL = 'followthrough:invoke';
export const IPC_SAVE_FILE_CHANNEL = 'followthrough:save-file';
export const ipcEventChannel = (event: BridgeEvent) => `followthrough:event:${event}`;

declare global {
  interface Window {
    followthrough?: PreloadBridge;
  }
}

/** Progress of long work in main, pushed a few times a second at most. */
export interface ProgressPayload {
  task: 'import';
  phase: 'reading' | 'matching' | 'writing' | 'done';
  done: number;
  total: number;
}
