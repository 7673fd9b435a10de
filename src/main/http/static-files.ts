import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serves the built renderer (out/renderer). Twenty lines of our own rather than a dependency:
 * it only needs GET of a handful of hashed files plus index.html, with traversal refused.
 */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  const pathname = decodeURIComponentSafe(new URL(req.url ?? '/', 'http://x').pathname);
  const file = pathname === null ? null : resolveInside(root, pathname === '/' ? '/index.html' : pathname);
  const stat = file ? statOrNull(file) : null;
  if (!file || !stat?.isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const type = MIME[extname(file)] ?? 'application/octet-stream';
  // Vite's asset names are content-hashed, so they can be cached; index.html must not be.
  const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, { 'content-type': type, 'content-length': stat.size, 'cache-control': cache });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

/** The absolute file for a URL path, or null when it would leave the root (../, encoded or not). */
export function resolveInside(root: string, urlPath: string): string | null {
  const base = resolve(root);
  const candidate = resolve(join(base, normalize(urlPath)));
  return candidate === base || candidate.startsWith(base + sep) ? candidate : null;
}

function decodeURIComponentSafe(s: string): string | null {
  try {
    const decoded = decodeURIComponent(s);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

function statOrNull(file: string) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
