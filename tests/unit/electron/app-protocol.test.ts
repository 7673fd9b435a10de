import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  contentTypeFor,
  createAppProtocolHandler,
  isAppUrl,
  resolveAppRequestPath,
} from '../../../src/main/electron/app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/electron/csp.ts';

const ROOT = '/srv/app/out/renderer';

describe('app:// origin', () => {
  it('is a standard, secure scheme that does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).toBeFalsy();
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
  });

  it.each([
    ['app://followthrough', true],
    ['app://followthrough/deep/route?x=1#y', true],
    ['APP://FOLLOWTHROUGH/index.html', true],
    ['app://followthrough.evil/', false],
    ['app://user@followthrough/', false],
    ['app://other/', false],
    ['https://followthrough/', false],
    ['file:///index.html', false],
    ['', false],
    [null, false],
  ])('%s belongs to the app: %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('request path resolution', () => {
  it('maps app URLs into the renderer folder', () => {
    expect(resolveAppRequestPath(ROOT, 'app://followthrough/')).toBe(join(ROOT, 'index.html'));
    expect(resolveAppRequestPath(ROOT, 'app://followthrough/assets/index-abc.js')).toBe(
      join(ROOT, 'assets/index-abc.js'),
    );
    expect(resolveAppRequestPath(ROOT, 'app://followthrough/assets/My%20Font.woff2?v=2#x')).toBe(
      join(ROOT, 'assets/My Font.woff2'),
    );
  });

  it.each([
    'app://followthrough/../../etc/passwd',
    'app://followthrough/%2e%2e/%2e%2e/etc/passwd',
    'app://followthrough/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://followthrough/assets/..%2f..%2f..%2fhome%2fme%2f.ssh%2fid_rsa',
    'app://followthrough/..%5C..%5Cwindows%5Cwin.ini',
    'app://followthrough/%2Fetc%2Fpasswd',
    'app://followthrough/index.html%00.png',
    'app://followthrough/%E0%A4%A',
    'app://followthrough/..',
    'app://elsewhere/index.html',
    'https://followthrough/index.html',
  ])('never resolves %s outside the renderer folder', (url) => {
    const resolved = resolveAppRequestPath(ROOT, url);
    if (resolved !== null) expect(resolved.startsWith(`${ROOT}/`)).toBe(true);
  });

  it('refuses an encoded traversal outright rather than folding it', () => {
    expect(resolveAppRequestPath(ROOT, 'app://followthrough/..%2F..%2Fetc%2Fpasswd')).toBeNull();
    expect(resolveAppRequestPath(ROOT, 'app://followthrough/index.html%00.png')).toBeNull();
    expect(resolveAppRequestPath(ROOT, 'app://followthrough/%E0%A4%A')).toBeNull();
    expect(resolveAppRequestPath(ROOT, 'app://elsewhere/index.html')).toBeNull();
  });

  it('labels what it serves', () => {
    expect(contentTypeFor('a/index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('a/x.JS')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('a/x.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a/x.bin')).toBe('application/octet-stream');
  });
});

describe('the protocol handler', () => {
  let dir: string;
  let secret: string;
  let handle: (request: Request) => Promise<Response>;

  beforeAll(() => {
    const base = mkdtempSync(join(tmpdir(), 'ft-protocol-'));
    dir = join(base, 'renderer');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Followthrough</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    secret = join(base, 'secret.txt');
    writeFileSync(secret, 'do not serve');
    handle = createAppProtocolHandler(dir);
  });
  afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

  it('serves files with their type and the CSP', async () => {
    const res = await get('app://followthrough/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('serves index.html for the root and for client-side routes', async () => {
    for (const url of ['app://followthrough/', 'app://followthrough/contacts/42']) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>Followthrough</title>');
    }
  });

  it('answers 404 for missing files and never reads outside the folder', async () => {
    expect((await get('app://followthrough/assets/missing.js')).status).toBe(404);
    const outside = await get('app://followthrough/..%2Fsecret.txt');
    expect(outside.status).toBe(404);
    expect(await outside.text()).not.toContain('do not serve');
  });

  it('only answers GET and HEAD', async () => {
    expect((await get('app://followthrough/index.html', 'POST')).status).toBe(405);
    const head = await get('app://followthrough/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
