// The Electron side of the renderer's Content Security Policy (the string itself lives in
// src/shared/csp.ts, shared with the HTTP shell): stamped on every response the session loads.
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts';

export { CONTENT_SECURITY_POLICY };

export const CSP_HEADER = 'Content-Security-Policy';

type Headers = Record<string, string | string[]>;

/**
 * Returns the response headers with our policy in place of any policy the response carried.
 * Header names are case-insensitive; leaving a differently cased copy behind would make the
 * browser enforce both policies.
 */
export function withContentSecurityPolicy(headers: Headers | undefined): Headers {
  const out: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== CSP_HEADER.toLowerCase()) out[name] = value;
  }
  out[CSP_HEADER] = [CONTENT_SECURITY_POLICY];
  return out;
}

/** The slice of Electron's session.webRequest this module needs. */
export interface HeaderHook {
  onHeadersReceived(
    listener: (
      details: { responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders?: Headers }) => void,
    ) => void,
  ): void;
}

/** Stamps the policy on every response the session receives. */
export function enforceContentSecurityPolicy(webRequest: HeaderHook): void {
  webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}
