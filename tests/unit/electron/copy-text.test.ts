import { describe, expect, it } from 'vitest';
import { registerCopyTextHandler } from '../../../src/main/electron/copy-text.ts';
import { IPC_COPY_TEXT_CHANNEL, MAX_COPY_TEXT_LENGTH } from '../../../src/shared/api/bridge.ts';

type Handler = (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => unknown;

function setup() {
  const handlers = new Map<string, Handler>();
  const copied: string[] = [];
  const off = registerCopyTextHandler(
    {
      handle: (channel, h) => handlers.set(channel, h as Handler),
      removeHandler: (channel) => handlers.delete(channel),
    },
    { writeText: (text) => copied.push(text) },
  );
  const raw = (...args: Parameters<Handler>) => handlers.get(IPC_COPY_TEXT_CHANNEL)!(...args);
  const app = { senderFrame: { url: 'app://followthrough/index.html' } };
  return { call: (...args: unknown[]) => raw(app, ...args), raw, copied, off, handlers };
}

describe('copying from the desktop app', () => {
  it('writes the text to the clipboard as given, line breaks and Unicode included', () => {
    const { call, copied } = setup();
    call('Hi Zoë,\nthanks for the chat — 🌞');
    expect(copied).toEqual(['Hi Zoë,\nthanks for the chat — 🌞']);
  });

  it('refuses callers other than the app page, non-text and over-long text', () => {
    const { raw, call, copied } = setup();
    expect(() => raw({ senderFrame: { url: 'https://evil.example/' } }, 'x')).toThrow(/Followthrough window/);
    expect(() => raw({ senderFrame: null }, 'x')).toThrow();
    expect(() => call(42)).toThrow(TypeError);
    expect(() => call('x'.repeat(MAX_COPY_TEXT_LENGTH + 1))).toThrow(RangeError);
    expect(copied).toEqual([]);
  });

  it('removes its handler when asked', () => {
    const { off, handlers } = setup();
    off();
    expect(handlers.has(IPC_COPY_TEXT_CHANNEL)).toBe(false);
  });
});
