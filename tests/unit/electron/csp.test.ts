import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CSP_HEADER,
  enforceContentSecurityPolicy,
  type HeaderHook,
  withContentSecurityPolicy,
} from '../../../src/main/electron/csp.ts';

const directives = (policy: string) =>
  policy
    .split(';')
    .map((d) => d.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .sort();

describe('the content security policy', () => {
  it('allows nothing inline, nothing evaluated and nothing remote', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|\*|https?:/);
    expect(directives(CONTENT_SECURITY_POLICY)).toContain("default-src 'none'");
    expect(directives(CONTENT_SECURITY_POLICY)).toContain("script-src 'self'");
    expect(directives(CONTENT_SECURITY_POLICY)).toContain("object-src 'none'");
    expect(directives(CONTENT_SECURITY_POLICY)).toContain("base-uri 'none'");
  });

  it('replaces any policy a response carried, whatever its case', () => {
    const headers = withContentSecurityPolicy({
      'content-security-policy': ['default-src *'],
      'Content-Type': ['text/html'],
    });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], [CSP_HEADER]: [CONTENT_SECURITY_POLICY] });
  });

  it('is stamped on every response the session receives', () => {
    const listeners: Parameters<HeaderHook['onHeadersReceived']>[0][] = [];
    enforceContentSecurityPolicy({ onHeadersReceived: (l) => listeners.push(l) });
    expect(listeners).toHaveLength(1);
    const answers: unknown[] = [];
    const answer = (r: unknown) => {
      answers.push(r);
    };
    listeners[0]?.({ responseHeaders: { 'X-Other': ['1'] } }, answer);
    listeners[0]?.({}, answer);
    expect(answers).toEqual([
      { responseHeaders: { 'X-Other': ['1'], [CSP_HEADER]: [CONTENT_SECURITY_POLICY] } },
      { responseHeaders: { [CSP_HEADER]: [CONTENT_SECURITY_POLICY] } },
    ]);
  });

  // The meta tag protects the same renderer when the HTTP shell serves it to a browser.
  const indexHtml = resolve(import.meta.dirname, '../../../src/renderer/index.html');
  it.skipIf(!existsSync(indexHtml))("matches the meta tag in the renderer's index.html", () => {
    const html = readFileSync(indexHtml, 'utf8');
    const metas = [...html.matchAll(/<meta\b[^>]*>/gi)].map((m) => m[0]);
    const csp = metas.find((tag) => /http-equiv\s*=\s*["']?content-security-policy/i.test(tag));
    expect(csp, 'index.html needs <meta http-equiv="Content-Security-Policy" content="...">').toBeDefined();
    const content =
      /content\s*=\s*"([^"]*)"/i.exec(csp ?? '')?.[1] ?? /content\s*=\s*'([^']*)'/i.exec(csp ?? '')?.[1];
    const decoded = (content ?? '')
      .replace(/&#39;|&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    expect(directives(decoded), `set the meta tag's content to: ${CONTENT_SECURITY_POLICY}`).toEqual(
      directives(CONTENT_SECURITY_POLICY),
    );
  });
});
