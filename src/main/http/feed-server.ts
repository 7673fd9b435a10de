import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerFeed, type FeedSource } from './feed-route.ts';
import { checkOrigin } from './guard.ts';

export interface FeedServer {
  port: number;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The desktop app's loopback server for the calendar subscription, and nothing else (the app
 * talks to its window over IPC). Prefers a stable port, so a subscription keeps working across
 * restarts, and falls back to any free one.
 */
export async function startFeedServer(feed: FeedSource, preferredPort: number): Promise<FeedServer> {
  let port = preferredPort;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (!checkOrigin(req, port).ok || !answerFeed(req, res, path, feed)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  });
  port = await listen(server, preferredPort).catch(() => listen(server, 0));
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
