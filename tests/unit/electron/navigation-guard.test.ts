import { describe, expect, it, vi } from 'vitest';
import { openExternalIfAllowed } from '../../../src/main/electron/external-links.ts';
import {
  denyWindowOpen,
  type GuardedContents,
  guardWebContents,
} from '../../../src/main/electron/navigation-guard.ts';

type Listener = (event: { preventDefault(): void; url: string }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents: GuardedContents = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler) {
      openHandler = handler;
    },
  };
  const fire = (event: string, url = '') => {
    const e = { url, preventDefault: vi.fn() };
    listeners.get(event)?.(e);
    return e;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

function setup() {
  const openExternal = vi.fn(async (_url: string) => {});
  const log = vi.fn();
  const fake = fakeContents();
  guardWebContents(fake.contents, { openExternal, log });
  return { ...fake, openExternal, log };
}

describe('navigation', () => {
  it('never lets the window navigate away; allowed links go to the system', () => {
    const { fire, openExternal } = setup();
    const e = fire('will-navigate', 'https://example.com/profile');
    expect(e.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://example.com/profile');
  });

  it.each([
    'file:///etc/passwd',
    'http://example.com/',
    'javascript:alert(1)',
    'smb://host/share',
    'https://user:pass@example.com/',
    'app://followthrough/other.html',
  ])('blocks %s without opening it', (url) => {
    const { fire, openExternal, log } = setup();
    expect(fire('will-navigate', url).preventDefault).toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });

  it('refuses to attach a webview', () => {
    const { fire } = setup();
    expect(fire('will-attach-webview').preventDefault).toHaveBeenCalled();
  });
});

describe('new windows', () => {
  it('are always denied; mailto, tel and https links open outside the app', () => {
    const { open, openExternal } = setup();
    for (const url of ['https://example.com/', 'mailto:ada@example.com', 'tel:+15551234']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls.map((c) => c[0])).toEqual([
      'https://example.com/',
      'mailto:ada@example.com',
      'tel:+15551234',
    ]);
  });

  it('are denied and dropped for anything else', () => {
    const openExternal = vi.fn(async () => {});
    for (const url of ['about:blank', 'file:///tmp/x.html', 'app://followthrough/index.html', 'not a url']) {
      expect(denyWindowOpen(url, { openExternal, log: () => {} })).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('openExternal', () => {
  it('logs a failure from the operating system instead of leaving a rejected promise', async () => {
    const log = vi.fn();
    const handed = openExternalIfAllowed(
      'https://example.com/',
      () => Promise.reject(new Error('no browser')),
      log,
    );
    expect(handed).toBe(true);
    await vi.waitFor(() =>
      expect(log).toHaveBeenCalledWith(expect.stringContaining('Could not open'), expect.any(Error)),
    );
  });

  it('does not echo a long or multi-line URL into the log', () => {
    const log = vi.fn();
    openExternalIfAllowed(`file:///${'a'.repeat(500)}\nsecond line`, async () => {}, log);
    const message = String(log.mock.calls[0]?.[0]);
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThan(260);
  });
});
