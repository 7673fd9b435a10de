import { basename, extname, join } from 'node:path';
import { IPC_SAVE_FILE_CHANNEL, type SaveFileResult } from '../../shared/api/bridge.ts';
import { writeAtomically } from '../files/atomic-write.ts';
import { isAppUrl } from './app-protocol.ts';
import type { InvokeEvent } from './ipc-bridge.ts';

/** Largest file the renderer may ask main to write (a year of follow-ups is a few MB). */
const MAX_BYTES = 50 * 1024 * 1024;

export interface SaveFileDeps {
  showSaveDialog(options: {
    defaultPath: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  /** Where the dialog starts (the user's Downloads folder). */
  defaultDir: string;
  write?: (path: string, content: string) => void;
}

export interface SaveFileRegistry {
  handle(
    channel: string,
    listener: (event: InvokeEvent, ...args: unknown[]) => Promise<SaveFileResult>,
  ): void;
  removeHandler(channel: string): void;
}

/**
 * The desktop side of an export: main shows the OS save dialog and writes the file, so the
 * renderer never touches the file system. Only the app's own page may ask, and the name it
 * proposes is reduced to a bare file name (no path can be smuggled in).
 */
export function registerSaveFileHandler(ipcMain: SaveFileRegistry, deps: SaveFileDeps): () => void {
  ipcMain.handle(IPC_SAVE_FILE_CHANNEL, async (event, filename, content) => {
    if (!isAppUrl(event.senderFrame?.url))
      throw new Error('This call did not come from the Followthrough window.');
    if (typeof filename !== 'string' || typeof content !== 'string')
      throw new TypeError('Expected a file name and text.');
    if (Buffer.byteLength(content) > MAX_BYTES) throw new RangeError('The file is too large to save.');
    const name =
      basename(filename)
        .replace(/[^\p{L}\p{N}._ -]/gu, '_')
        .slice(0, 120) || 'export.txt';
    const extension = extname(name).slice(1);
    const choice = await deps.showSaveDialog({
      defaultPath: join(deps.defaultDir, name),
      filters:
        extension === 'ics'
          ? [{ name: 'Calendar', extensions: ['ics'] }]
          : [{ name: 'File', extensions: [extension || '*'] }],
    });
    if (choice.canceled || !choice.filePath) return { saved: false };
    (deps.write ?? writeAtomically)(choice.filePath, content);
    return { saved: true, path: choice.filePath };
  });
  return () => ipcMain.removeHandler(IPC_SAVE_FILE_CHANNEL);
}
