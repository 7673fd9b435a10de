import { IPC_COPY_TEXT_CHANNEL, MAX_COPY_TEXT_LENGTH } from '../../shared/api/bridge.ts';
import { isAppUrl } from './app-protocol.ts';
import type { InvokeEvent } from './ipc-bridge.ts';

export interface CopyTextRegistry {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => void): void;
  removeHandler(channel: string): void;
}

/**
 * The composer's Copy in the desktop app: main writes the system clipboard (Electron's
 * clipboard.writeText), because the page's Clipboard API needs focus and a permission the
 * sandboxed window does not grant. Only the app's own page may ask, and only with plain text.
 */
export function registerCopyTextHandler(
  ipcMain: CopyTextRegistry,
  deps: { writeText: (text: string) => void },
): () => void {
  ipcMain.handle(IPC_COPY_TEXT_CHANNEL, (event, text) => {
    if (!isAppUrl(event.senderFrame?.url))
      throw new Error('This call did not come from the Followthrough window.');
    if (typeof text !== 'string') throw new TypeError('Expected the text to copy.');
    if (text.length > MAX_COPY_TEXT_LENGTH) throw new RangeError('The text is too long to copy.');
    deps.writeText(text);
  });
  return () => ipcMain.removeHandler(IPC_COPY_TEXT_CHANNEL);
}
