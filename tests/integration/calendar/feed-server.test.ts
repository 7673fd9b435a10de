import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startFeedServer } from '../../../src/main/http/feed-server.ts';

const feed = (path: string) =>
  path === '/feed/secret-secret-secret.ics' ? 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' : null;

describe("the desktop app's feed server", () => {
  it('serves only the feed, with the right token, to loopback hosts', async () => {
    const server = await startFeedServer(feed, 0);
    try {
      const ok = await fetch(`${server.baseUrl}/feed/secret-secret-secret.ics`);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('BEGIN:VCALENDAR');
      for (const path of ['/feed/wrong.ics', '/', '/api/app.info', '/index.html']) {
        expect((await fetch(`${server.baseUrl}${path}`)).status, path).toBe(404);
      }
    } finally {
      await server.close();
    }
  });

  it('falls back to a free port when the preferred one is taken', async () => {
    const blocker = createServer();
    const taken = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
    );
    const server = await startFeedServer(feed, taken);
    try {
      expect(server.port).not.toBe(taken);
      expect((await fetch(`${server.baseUrl}/feed/secret-secret-secret.ics`)).status).toBe(200);
    } finally {
      await server.close();
      blocker.close();
    }
  });
});
