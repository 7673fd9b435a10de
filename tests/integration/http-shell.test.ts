import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpShell, startHttpShell } from '../../src/main/http/server.ts';
import { resolveInside } from '../../src/main/http/static-files.ts';
import { type Reply, sendRaw } from '../helpers/raw-http.ts';
import { openTempApp, type TempApp, tempDir } from '../helpers/temp-app.ts';

let app: TempApp;
let shell: HttpShell;
let staticDir: string;

beforeAll(async () => {
  app = openTempApp();
  staticDir = tempDir();
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Followthrough</title>');
  writeFileSync(join(staticDir, 'assets', 'app-1234.js'), 'console.log(1)');
  writeFileSync(join(app.dir, 'secret.txt'), 'do not serve');
  shell = await startHttpShell({ dispatch: app.context.dispatch, staticDir, port: 0 });
});
afterAll(async () => {
  await shell.close();
  app.cleanup();
});

/** A raw request, so tests control Host, Origin and the path exactly as an attacker could. */
const send = (options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  port?: number;
}): Promise<Reply> => sendRaw(options.port ?? shell.port, options);

const api = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  send({
    method: 'POST',
    path: `/api/${method}`,
    headers: { authorization: `Bearer ${shell.token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });

describe('HTTP shell', () => {
  it('listens on loopback only and prints a URL carrying a fresh random token', () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    expect(shell.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('serves the API with the token', async () => {
    const created = await api('contacts.create', { displayName: 'Via HTTP', company: 'Loopback Ltd' });
    expect(created.status).toBe(200);
    const found = JSON.parse((await api('contacts.list', { query: 'loopb' })).body);
    expect(found).toMatchObject({ ok: true, value: { total: 1, items: [{ displayName: 'Via HTTP' }] } });
  });

  it('refuses API calls without the right token (401), revealing nothing', async () => {
    for (const authorization of [
      undefined,
      'Bearer wrong',
      `Bearer ${shell.token}x`,
      `Basic ${shell.token}`,
    ]) {
      const r = await send({
        method: 'POST',
        path: '/api/contacts.list',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: '{}',
      });
      expect(r.status, authorization).toBe(401);
      expect(r.body).not.toContain('Via HTTP');
    }
  });

  it('refuses a foreign Host (DNS rebinding) even with the token', async () => {
    for (const host of [
      'evil.example',
      `evil.example:${shell.port}`,
      '127.0.0.1:1',
      `127.0.0.1.nip.io:${shell.port}`,
    ]) {
      const r = await api('contacts.list', {}, { host });
      expect(r.status, host).toBe(403);
    }
    const page = await send({ path: '/', headers: { host: 'attacker.example' } });
    expect(page.status).toBe(403);
  });

  it('refuses cross-origin browser requests', async () => {
    expect((await api('contacts.list', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('contacts.list', {}, { origin: 'null' })).status).toBe(403);
    expect((await api('contacts.list', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(
      (
        await api(
          'contacts.list',
          {},
          { origin: `http://localhost:${shell.port}`, host: `localhost:${shell.port}` },
        )
      ).status,
    ).toBe(200);
  });

  it('maps API errors to HTTP statuses with a JSON envelope', async () => {
    const bad = await api('contacts.create', { displayName: '' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'displayName' }] },
    });
    expect((await api('contacts.get', { id: 999 })).status).toBe(404);
    expect((await api('nope.nothing', {})).status).toBe(404);
    const notJson = await api('contacts.list', {}, { 'content-type': 'text/plain' });
    expect(notJson.status).toBe(400);
    const broken = await send({
      method: 'POST',
      path: '/api/contacts.list',
      headers: { authorization: `Bearer ${shell.token}`, 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error.message).toMatch(/not valid JSON/);
    expect(
      (await send({ path: '/api/contacts.list', headers: { authorization: `Bearer ${shell.token}` } }))
        .status,
    ).toBe(405);
  });

  it('serves the renderer with a strict CSP and security headers', async () => {
    const page = await send({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Followthrough</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');
    const asset = await send({ path: '/assets/app-1234.js' });
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/%00',
    ]) {
      const r = await send({ path });
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('do not serve');
    }
    expect(resolveInside('/srv/app', '/../etc/passwd')).toBe('/srv/app/etc/passwd');
    expect(resolveInside('/srv/app', '../../etc/passwd')).toBeNull();
  });

  it('explains what to do when the renderer has not been built', async () => {
    const empty = await startHttpShell({ dispatch: app.context.dispatch, staticDir: tempDir(), port: 0 });
    try {
      const r = await send({ path: '/', port: empty.port });
      expect(r.status).toBe(503);
      expect(r.body).toMatch(/npm run build/);
    } finally {
      await empty.close();
    }
  });
});
