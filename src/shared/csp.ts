/**
 * The renderer's Content Security Policy, sent as a header by both the Electron shell and the
 * HTTP shell, and repeated in src/renderer/index.html's meta tag (a test keeps them equal).
 * No inline script, no eval, nothing from the network: the renderer only talks to its own origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
