import type { ServerResponse } from 'node:http';
import type { PushEvent, PushPayloads } from '../../shared/api/pushes.ts';

/** The path the browser shell streams pushes from (the Electron shell pushes over IPC instead). */
export const EVENTS_PATH = '/api/events';

/** Proxies and idle-connection reapers drop a silent stream; a comment every 25 s keeps it open. */
export const HEARTBEAT_MS = 25_000;

/** A page that stops reading must not make the server buffer without bound: it is dropped. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export interface EventHubOptions {
  heartbeatMs?: number;
}

/**
 * Server-sent events (WHATWG HTML, "Server-sent events") for the pages connected to the browser
 * shell: the pushes the Electron shell sends over IPC ('reminders', 'data-changed', 'navigate').
 * The caller has already checked Host, Origin and the bearer token: the page reads the stream with
 * fetch(), not EventSource, precisely so the token travels in a header and never in a URL.
 */
export interface EventHub {
  /** Takes over the response and keeps it open until the page or the hub closes it. */
  accept(res: ServerResponse): void;
  /** Sends to every connected page; returns how many it reached. */
  broadcast<E extends PushEvent>(event: E, payload: PushPayloads[E]): number;
  /** How many pages are connected. */
  readonly size: number;
  /** Ends every stream cleanly and resolves once they are flushed. */
  close(): Promise<void>;
}

export function createEventHub(options: EventHubOptions = {}): EventHub {
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const clients = new Set<ServerResponse>();
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  let closing = false;

  const drop = (res: ServerResponse) => {
    clients.delete(res);
    // One timer for all pages, and none while no page listens.
    if (clients.size === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = null;
    }
  };

  const write = (res: ServerResponse, text: string) => {
    if (res.writableLength > MAX_BUFFERED_BYTES) {
      drop(res);
      res.destroy();
      return false;
    }
    res.write(text);
    return true;
  };

  return {
    accept(res) {
      if (closing) {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('Shutting down.');
        return;
      }
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        // Tells a buffering reverse proxy (nginx) to pass events through as they come.
        'x-accel-buffering': 'no',
      });
      // A first line sends the headers now, so fetch() resolves before the first real event.
      res.write(': connected\n\n');
      clients.add(res);
      res.on('close', () => drop(res));
      heartbeat ??= setInterval(() => {
        for (const client of [...clients]) write(client, ': heartbeat\n\n');
      }, heartbeatMs);
      // The heartbeat alone must not keep a finished process alive.
      heartbeat.unref();
    },

    broadcast(event, payload) {
      // JSON.stringify never emits a raw newline, so the data fits one "data:" line.
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload ?? null)}\n\n`;
      let reached = 0;
      for (const client of [...clients]) if (write(client, frame)) reached++;
      return reached;
    },

    get size() {
      return clients.size;
    },

    async close() {
      closing = true;
      const ending = [...clients].map(
        (res) =>
          new Promise<void>((resolve) => {
            res.once('close', () => resolve());
            res.end();
          }),
      );
      // A page that never acknowledges the end must not hold shutdown; the server closes it after.
      await Promise.race([Promise.all(ending), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      for (const res of clients) drop(res);
    },
  };
}
