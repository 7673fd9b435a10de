import { BRIDGE_EVENTS, type BridgeEvent, type PreloadBridge } from '../../../shared/api/bridge.ts';
import { type PushPayloads, readPush } from '../../../shared/api/pushes.ts';
import { createSseParser } from './sse.ts';

export type { ReminderItem } from '../../../shared/api/pushes.ts';

export type PushListener<E extends BridgeEvent> = (payload: PushPayloads[E]) => void;

/** Pushes from main, whatever the shell: screens subscribe here and never see the transport. */
export interface PushSource {
  on<E extends BridgeEvent>(event: E, listener: PushListener<E>): () => void;
}

type Emit = (event: BridgeEvent, raw: unknown) => void;

/**
 * Fans one connection out to every subscriber. The connection opens with the first subscriber
 * and closes with the last, so nothing is held open for a screen that is gone.
 */
function createPushHub(connect: (emit: Emit) => () => void): PushSource {
  const listeners = new Map<BridgeEvent, Set<(payload: unknown) => void>>();
  let disconnect: (() => void) | null = null;
  const count = () => [...listeners.values()].reduce((n, set) => n + set.size, 0);

  const emit: Emit = (event, raw) => {
    const payload = readPush(event, raw);
    if (payload === undefined) return;
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        // One faulty screen must not stop the others from hearing about the push.
        console.warn('[followthrough] push listener failed:', error);
      }
    }
  };

  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      disconnect ??= connect(emit);
      return () => {
        set.delete(wrapped);
        if (count() === 0 && disconnect) {
          disconnect();
          disconnect = null;
        }
      };
    },
  };
}

/** Electron: the preload's typed `on`, one IPC channel per push. */
export function ipcPushes(bridge: PreloadBridge): PushSource {
  return createPushHub((emit) => {
    const offs = BRIDGE_EVENTS.map((event) => bridge.on(event, (payload: unknown) => emit(event, payload)));
    return () => {
      for (const off of offs) off();
    };
  });
}

const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30_000;

/**
 * Browser: GET /api/events as server-sent events. EventSource cannot send the Authorization
 * header the server requires, so this reads the stream with fetch and parses it. A dropped
 * stream reconnects with exponential backoff (and jitter, so tabs do not reconnect in step); a
 * server without the endpoint (404/405) is left alone, and the app works without pushes.
 */
export function httpPushes(token: string, onUnauthorized: () => void): PushSource {
  return createPushHub((emit) => {
    let stopped = false;
    let controller: AbortController | null = null;
    let timer = 0;
    let delay = RETRY_FIRST_MS;

    const retry = () => {
      if (stopped) return;
      const wait = delay * (0.75 + Math.random() * 0.5);
      delay = Math.min(delay * 2, RETRY_MAX_MS);
      timer = window.setTimeout(() => void connect(), wait);
    };

    const connect = async () => {
      controller = new AbortController();
      try {
        const response = await fetch('/api/events', {
          headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
          cache: 'no-store',
          signal: controller.signal,
        });
        if (response.status === 404 || response.status === 405 || response.status === 501) return;
        if (response.status === 401) return onUnauthorized();
        if (!response.ok || !response.body) return retry();
        delay = RETRY_FIRST_MS;
        const parse = createSseParser(({ event, data }) => {
          if (!(BRIDGE_EVENTS as readonly string[]).includes(event)) return;
          let payload: unknown = data;
          try {
            payload = JSON.parse(data);
          } catch {
            // 'navigate' may come as a bare route; anything else unparsable is dropped by readPush.
          }
          emit(event as BridgeEvent, payload);
        });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parse(value);
        }
        retry();
      } catch {
        if (!stopped) retry();
      }
    };

    void connect();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      controller?.abort();
    };
  });
}

/** For a shell without pushes (nothing to subscribe to). */
export const noPushes: PushSource = { on: () => () => {} };
