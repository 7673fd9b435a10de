/**
 * The renderer's Content Security Policy: one string, sent as a header by the Electron session
 * and app:// protocol and by the HTTP shell, and repeated in src/renderer/index.html's meta tag
 * (a test keeps them equal). Nothing inline, nothing remote. data: is allowed for images and
 * fonts because Vite inlines small assets as data URIs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The HTTP shell's header adds frame-ancestors, which browsers honour only as a header (they
 * ignore it, with a warning, in a meta tag); an Electron window cannot be framed anyway.
 */
export const HTTP_CONTENT_SECURITY_POLICY = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
