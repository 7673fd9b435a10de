// A small fault-injecting HTTP proxy on loopback, put between the app and a test DAV server so the
// outbox tests see what a flaky network and a busy server do: the connection dropped before or
// after the server acted, a 412 or 503 answered in its place, a delay, or no answer at all.
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  /** The client's connection is cut before anything reaches the server. */
  | { kind: 'drop-before' }
  /** The server receives and applies the request, then the client's connection is cut. */
  | { kind: 'drop-after' }
  /** The proxy answers this status itself; the server never sees the request. */
  | { kind: 'status'; status: 412 | 503 | 500; retryAfter?: number }
  /** Forwarded after this many milliseconds. */
  | { kind: 'delay'; ms: number }
  /** The server applies it; its answer is held until the client gives up (a timeout). */
  | { kind: 'hang' }
  /** Something else happens first (another client writes), then the request goes through. */
  | { kind: 'before'; run: () => Promise<unknown> };

export interface FaultRule {
  method?: string;
  /** Matched against the request path. */
  path?: RegExp;
  fault: Fault;
  /** How many matching requests it applies to (then it is spent); default 1. */
  times?: number;
  /** Let this many matching requests through untouched first; default 0. */
  after?: number;
}

export interface SeenRequest {
  method: string;
  path: string;
  /** The conditional headers a well-behaved client sends (RFC 7232). */
  ifMatch: string | null;
  ifNoneMatch: string | null;
  fault: Fault['kind'] | null;
}

export interface FaultProxy {
  /** http://127.0.0.1:<port> */
  base: string;
  /** Adds a rule; resolves its `fired` when the fault has been applied (for drop-after/hang: once the server answered). */
  inject(rule: FaultRule): { fired: Promise<void> };
  clear(): void;
  /** Every request seen, in order. */
  readonly log: readonly SeenRequest[];
  clearLog(): void;
  close(): Promise<void>;
}

interface LiveRule extends FaultRule {
  left: number;
  skip: number;
  fire: () => void;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  let rules: LiveRule[] = [];
  const log: SeenRequest[] = [];
  const held = new Set<ServerResponse>();

  const take = (req: IncomingMessage): LiveRule | null => {
    for (const rule of rules) {
      if (rule.left <= 0) continue;
      if (rule.method && rule.method !== req.method) continue;
      if (rule.path && !rule.path.test(req.url ?? '')) continue;
      if (rule.skip > 0) {
        rule.skip -= 1;
        return null;
      }
      rule.left -= 1;
      return rule;
    }
    return null;
  };

  const forward = (
    req: IncomingMessage,
    body: Buffer,
    then: (res: IncomingMessage, data: Buffer) => void,
  ) => {
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => then(res, Buffer.concat(chunks)));
      },
    );
    out.on('error', () => req.socket.destroy());
    out.end(body);
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const rule = take(req);
      const fault = rule?.fault ?? null;
      log.push({
        method: req.method ?? '',
        path: req.url ?? '',
        ifMatch: header(req, 'if-match'),
        ifNoneMatch: header(req, 'if-none-match'),
        fault: fault?.kind ?? null,
      });
      const answer = (up: IncomingMessage, data: Buffer) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        res.end(data);
      };
      if (!fault) return forward(req, body, answer);
      switch (fault.kind) {
        case 'drop-before':
          req.socket.destroy();
          rule?.fire();
          return;
        case 'drop-after':
          return forward(req, body, () => {
            req.socket.destroy();
            rule?.fire();
          });
        case 'status':
          res.writeHead(fault.status, {
            'content-type': 'text/plain',
            ...(fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {}),
          });
          res.end(`fault proxy: ${fault.status}\n`);
          rule?.fire();
          return;
        case 'delay':
          setTimeout(() => forward(req, body, answer), fault.ms);
          rule?.fire();
          return;
        case 'before':
          fault.run().then(
            () => forward(req, body, answer),
            () => req.socket.destroy(),
          );
          rule?.fire();
          return;
        case 'hang':
          return forward(req, body, () => {
            held.add(res);
            rule?.fire();
          });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    inject(rule) {
      let fire = () => {};
      const fired = new Promise<void>((resolve) => {
        fire = resolve;
      });
      rules.push({ ...rule, left: rule.times ?? 1, skip: rule.after ?? 0, fire });
      return { fired };
    },
    clear() {
      rules = [];
    },
    log,
    clearLog() {
      log.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.socket?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}
