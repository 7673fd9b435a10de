import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerSaveFileHandler } from '../../../src/main/electron/save-file.ts';
import { tempDir } from '../../helpers/temp-app.ts';

type Handler = (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<unknown>;

function setup(choice: { canceled: boolean; filePath?: string }) {
  let handler: Handler | undefined;
  const dialogs: unknown[] = [];
  registerSaveFileHandler(
    {
      handle: (_channel, h) => {
        handler = h as Handler;
      },
      removeHandler: () => {},
    },
    {
      showSaveDialog: async (options) => {
        dialogs.push(options);
        return choice;
      },
      defaultDir: '/home/u/Downloads',
    },
  );
  const app = { senderFrame: { url: 'app://followthrough/index.html' } };
  return { call: (...args: unknown[]) => handler!(app, ...args), raw: handler!, dialogs };
}

describe('saving an export from the desktop app', () => {
  it('asks where to save, starting in Downloads with the proposed name, and writes the file', async () => {
    const target = join(tempDir(), 'mine.ics');
    const { call, dialogs } = setup({ canceled: false, filePath: target });
    expect(await call('followthrough-2026.ics', 'BEGIN:VCALENDAR')).toEqual({ saved: true, path: target });
    expect(readFileSync(target, 'utf8')).toBe('BEGIN:VCALENDAR');
    expect(dialogs[0]).toEqual({
      defaultPath: '/home/u/Downloads/followthrough-2026.ics',
      filters: [{ name: 'Calendar', extensions: ['ics'] }],
    });
  });

  it('reduces a proposed name to a bare file name', async () => {
    const { call, dialogs } = setup({ canceled: true });
    expect(await call('../../etc/passwd', 'x')).toEqual({ saved: false });
    expect((dialogs[0] as { defaultPath: string }).defaultPath).toBe('/home/u/Downloads/passwd');
  });

  it('refuses callers other than the app page, and non-text payloads', async () => {
    const { raw, call } = setup({ canceled: true });
    await expect(raw({ senderFrame: { url: 'https://evil.example/' } }, 'a.ics', 'x')).rejects.toThrow(
      /Followthrough window/,
    );
    await expect(raw({ senderFrame: null }, 'a.ics', 'x')).rejects.toThrow();
    await expect(call('a.ics', { not: 'text' })).rejects.toThrow(TypeError);
  });
});
