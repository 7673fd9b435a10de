import type { IncomingMessage, ServerResponse } from 'node:http';

/** Produces the feed for a request path, or null for a wrong or old token. */
export type FeedSource = (path: string) => string | null;

/**
 * GET /feed/<token>.ics: the calendar subscription. The secret in the path is the guard, because
 * calendar apps cannot send our header; a wrong token gets a bare 404 that reveals nothing.
 * Returns false when the request is not for the feed.
 */
export function answerFeed(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  feed: FeedSource,
): boolean {
  if (!path.startsWith('/feed/') || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  const ics = feed(path);
  if (ics === null) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return true;
  }
  res.writeHead(200, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-length': Buffer.byteLength(ics),
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : ics);
  return true;
}
