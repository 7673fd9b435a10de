import type { IncomingMessage } from 'node:http';
import { sameSecret } from '../core/same-secret.ts';

/**
 * The loopback server trusts nothing it did not hand out itself:
 * - Host must name the loopback address and our port, which defeats DNS rebinding (a hostile
 *   page whose domain re-resolves to 127.0.0.1 still sends its own Host);
 * - a cross-origin browser request (Origin or Sec-Fetch-Site) is refused outright;
 * - API calls carry the per-run random token, so other local users and processes cannot call it.
 */
export interface GuardConfig {
  port: number;
  token: string;
}

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; message: string };

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function checkOrigin(req: IncomingMessage, port: number): GuardVerdict {
  const host = req.headers.host?.toLowerCase();
  if (!host || !allowedHosts(port).includes(host)) {
    return { ok: false, status: 403, message: 'Forbidden host.' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts(port).some((h) => origin === `http://${h}`)) {
    return { ok: false, status: 403, message: 'Forbidden origin.' };
  }
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    return { ok: false, status: 403, message: 'Cross-site requests are not allowed.' };
  }
  return { ok: true };
}

export function checkToken(req: IncomingMessage, token: string): GuardVerdict {
  const header = req.headers.authorization ?? '';
  const presented = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
  if (!presented || !sameSecret(presented, token)) {
    return {
      ok: false,
      status: 401,
      message: 'Missing or wrong access token. Open the link printed by `npm run serve`.',
    };
  }
  return { ok: true };
}
