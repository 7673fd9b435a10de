import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ApiError, type Envelope, type ErrorIssue } from '../../shared/api/errors.ts';
import { HTTP_CONTENT_SECURITY_POLICY } from '../../shared/csp.ts';
import type { Dispatch } from '../api/dispatch.ts';
import { createEventHub, EVENTS_PATH, type EventHub } from './events.ts';
import { answerFeed, type FeedSource } from './feed-route.ts';
import { checkOrigin, checkToken } from './guard.ts';
import { serveStatic } from './static-files.ts';
import { HTTP_STATUS } from './status.ts';

export interface HttpShellOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer); the API works without it. */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Generated per run unless given (tests pass one). */
  token?: string;
  /** Largest accepted request body; imports of big files go through the CLI. */
  maxBodyBytes?: number;
  /** Pushes to connected pages (GET /api/events); created here unless given. */
  events?: EventHub;
  /**
   * The calendar subscription feed for GET /feed/<token>.ics: the .ics text, or null for a wrong
   * or old token (answered 404, revealing nothing). The secret in the path is the guard here,
   * because calendar apps cannot send our header.
   */
  feed?: FeedSource;
}

export interface HttpShell {
  url: string;
  port: number;
  token: string;
  server: Server;
  events: EventHub;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'content-security-policy': HTTP_CONTENT_SECURITY_POLICY,
};

/** Binds to 127.0.0.1 only: the shell is for this machine's user, never the network. */
export async function startHttpShell(options: HttpShellOptions): Promise<HttpShell> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  // An import sends its file as base64 in the body: 64 MB of file is ~86 MB of JSON.
  const maxBody = options.maxBodyBytes ?? 96 * 1024 * 1024;
  let port = options.port;
  const events = options.events ?? createEventHub();

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof ApiError) return sendEnvelope(res, HTTP_STATUS[error.code], failure(error));
      console.error('[followthrough] HTTP request failed:', error);
      sendEnvelope(res, 500, failure(new ApiError('internal', 'Internal error.')));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = checkOrigin(req, port);
    if (!origin.ok)
      return sendEnvelope(res, origin.status, failure(new ApiError('forbidden', origin.message)));

    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === EVENTS_PATH && req.method === 'GET') {
      // The same token as the API, in the header only (see events.ts).
      const auth = checkToken(req, token);
      if (!auth.ok)
        return sendEnvelope(res, auth.status, failure(new ApiError('unauthorized', auth.message)));
      return events.accept(res);
    }
    if (options.feed && answerFeed(req, res, path, options.feed)) return;
    if (path.startsWith('/api/')) {
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        return sendEnvelope(res, 405, failure(new ApiError('invalid_input', 'API calls use POST.')));
      }
      const auth = checkToken(req, token);
      if (!auth.ok)
        return sendEnvelope(res, auth.status, failure(new ApiError('unauthorized', auth.message)));
      const method = methodOf(path);
      if (method === null) {
        return sendEnvelope(
          res,
          404,
          failure(
            new ApiError('unknown_method', 'The API method in the path is not valid percent-encoding.'),
          ),
        );
      }
      const input = await readJson(req, maxBody);
      const envelope = await options.dispatch(method, input);
      return sendEnvelope(res, envelope.ok ? 200 : HTTP_STATUS[envelope.error.code], envelope);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (!existsSync(join(options.staticDir, 'index.html'))) {
      res
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
        .end(
          'The app has not been built yet. Run `npm run build` (npm run serve does it for you), then reload.',
        );
      return;
    }
    serveStatic(options.staticDir, req, res);
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;
  // Event streams are ended first, so pages see a clean end rather than a reset. Keep-alive
  // sockets from the browser would otherwise hold close() open.
  const close = async () => {
    await events.close();
    await new Promise<void>((resolvePromise) => {
      server.close(() => resolvePromise());
      server.closeAllConnections();
    });
  };
  return { url: `http://127.0.0.1:${port}/?token=${token}`, port, token, server, events, close };
}

function failure(error: ApiError): Envelope<never> {
  return { ok: false, error: error.toJSON() };
}

function sendEnvelope(res: ServerResponse, status: number, envelope: Envelope<unknown>): void {
  const body = JSON.stringify(envelope);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

/** "/api/contacts.get" → "contacts.get"; null when the percent-encoding is broken ("%E0%A4%A"). */
function methodOf(path: string): string | null {
  try {
    return decodeURIComponent(path.slice('/api/'.length));
  } catch {
    return null;
  }
}

/**
 * The media type alone, without parameters (RFC 9110 §8.3.1): "application/json; charset=utf-8"
 * is JSON, "application/jsonfoo" is not.
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type = '', ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  // JSON is UTF-8 (RFC 8259 §8.1); a caller announcing another charset would be misread.
  return params.every((p) => !p.startsWith('charset=') || /^charset="?utf-8"?$/.test(p));
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  // Requiring JSON also forces a CORS preflight on any cross-origin attempt.
  if (!isJsonContentType(req.headers['content-type'])) {
    throw new ApiError('invalid_input', 'API calls must send Content-Type: application/json (UTF-8).');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes)
      throw new ApiError(
        'invalid_input',
        `The request is larger than the browser shell takes (${Math.round(maxBytes / 1024 / 1024)} MB). Import or restore a file this large with the CLI, which reads it from disk: npm run cli -- import FILE, or npm run cli -- restore FILE.`,
      );
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  const body = Buffer.concat(chunks);
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    // Decoding leniently would store U+FFFD in place of the bad bytes: refuse, naming the field.
    throw new ApiError('invalid_input', 'Request body is not valid UTF-8.', invalidUtf8Fields(body));
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError('invalid_input', `Request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** Which fields hold the bad bytes: the strings that only a lenient decode turns into U+FFFD. */
function invalidUtf8Fields(body: Buffer): ErrorIssue[] {
  const message = 'contains bytes that are not valid UTF-8';
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return [{ path: '', message }];
  }
  const paths: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      if (value.includes('\uFFFD')) paths.push(path);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
    }
  };
  walk(parsed, '');
  return (paths.length ? paths : ['']).map((path) => ({ path, message }));
}
