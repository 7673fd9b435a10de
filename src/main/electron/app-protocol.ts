// The renderer is served from app://followthrough/ rather than file://. Electron's security
// guidance: file:// pages share one opaque origin with every file on disk and get file-system
// privileges; a standard, secure custom scheme gives the app a real origin of its own, so
// 'self' in the CSP, the IPC sender check and the permission checks all mean "our bundle".
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { CONTENT_SECURITY_POLICY, CSP_HEADER } from './csp.ts';

export const APP_SCHEME = 'app';
export const APP_HOST = 'followthrough';
/** What the window loads. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Registered before the app is ready. standard: real origin and relative URLs; secure: treated
 * like https (secure context, so notifications work). No bypassCSP: the policy applies here too.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/**
 * Whether a URL (or an origin such as "app://followthrough") belongs to the app. Compared by
 * scheme and host, not URL.origin: Node's URL reports "null" as the origin of custom schemes.
 */
export function isAppUrl(raw: string | undefined | null): boolean {
  if (!raw) return false;
  try {
    const url = new URL(raw);
    // Chromium lowercases the host of a standard scheme; Node's parser leaves a custom scheme's as is.
    const host = url.host.toLowerCase();
    return url.protocol === `${APP_SCHEME}:` && host === APP_HOST && !url.username && !url.password;
  } catch {
    return false;
  }
}

/**
 * Maps a request URL to a file inside rendererDir, or null when the URL is not ours or tries
 * to leave the folder. The WHATWG parser already folds "../" segments, but an encoded slash
 * ("..%2F..%2Fetc") survives parsing and only becomes a separator after decoding, so the
 * decoded path is resolved and then checked to still lie inside rendererDir.
 */
export function resolveAppRequestPath(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (!isAppUrl(url.href)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const root = resolve(rendererDir);
  const target = resolve(root, `.${pathname}`);
  const rel = relative(root, target);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return target;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type ReadFile = (path: string) => Promise<Uint8Array>;

/**
 * The protocol.handle handler. Unknown files answer 404; an extension-less path that is not a
 * file falls back to index.html so a reload on a client-side route still opens the app.
 */
export function createAppProtocolHandler(
  rendererDir: string,
  read: ReadFile = readFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const path = resolveAppRequestPath(rendererDir, request.url);
    if (!path) return plain(404, 'Not found');
    const candidates = extname(path) ? [path] : [path, resolve(rendererDir, 'index.html')];
    for (const candidate of candidates) {
      let body: Uint8Array;
      try {
        body = await read(candidate);
      } catch {
        continue;
      }
      const headers = {
        'Content-Type': contentTypeFor(candidate),
        [CSP_HEADER]: CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      };
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
    }
    return plain(404, 'Not found');
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
