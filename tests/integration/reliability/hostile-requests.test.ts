import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpShell, isJsonContentType, startHttpShell } from '../../../src/main/http/server.ts';
import { sendRaw } from '../../helpers/raw-http.ts';
import { openTempApp, type TempApp, tempDir } from '../../helpers/temp-app.ts';

// Requests an outside attack sent to the browser shell: each used to answer 500 or to store
// altered text with a 200. Each now gets a 4xx with words, and nothing is written.

let app: TempApp;
let shell: HttpShell;
beforeAll(async () => {
  app = openTempApp();
  shell = await startHttpShell({ dispatch: app.context.dispatch, staticDir: tempDir(), port: 0 });
});
afterAll(async () => {
  await shell.close();
  app.cleanup();
});

const post = (path: string, body: string | Buffer, contentType = 'application/json') =>
  sendRaw(shell.port, {
    method: 'POST',
    path,
    headers: { authorization: `Bearer ${shell.token}`, 'content-type': contentType },
    body,
  });
const contacts = async () => (await app.api['contacts.list']({})).total;

describe('hostile requests to the HTTP shell', () => {
  it('broken percent-encoding in the method is 404, not a 500 with a stack trace', async () => {
    const reply = await post('/api/%E0%A4%A', '{}');
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('matches Content-Type by media type, not by prefix', async () => {
    expect((await post('/api/contacts.list', '{}', 'application/jsonfoo')).status).toBe(400);
    expect((await post('/api/contacts.list', '{}', 'application/json; charset=latin1')).status).toBe(400);
    expect((await post('/api/contacts.list', '{}', 'Application/JSON; charset="UTF-8"')).status).toBe(200);
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('application/json-patch+json')).toBe(false);
    expect(isJsonContentType(undefined)).toBe(false);
  });

  it('refuses invalid UTF-8 with a 400 naming the field, and stores nothing', async () => {
    const before = await contacts();
    const body = Buffer.concat([
      Buffer.from('{"displayName":"Ada","company":"Bad '),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('"}'),
    ]);
    const reply = await post('/api/contacts.create', body);
    expect(reply.status).toBe(400);
    const error = JSON.parse(reply.body).error;
    expect(error.message).toMatch(/not valid UTF-8/);
    expect(error.issues).toEqual([{ path: 'company', message: 'contains bytes that are not valid UTF-8' }]);
    expect(await contacts()).toBe(before);
  });

  it('refuses lone surrogates in any field, in every shell (checked by the dispatcher)', async () => {
    const before = await contacts();
    // JSON.stringify escapes a lone surrogate as \ud800, which JSON.parse turns back into one.
    const reply = await post(
      '/api/contacts.create',
      JSON.stringify({ displayName: 'Ada', notes: 'x\ud800y' }),
    );
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error.issues).toEqual([
      { path: 'notes', message: 'contains a lone surrogate (text that is not valid Unicode)' },
    ]);
    const nested = await app.context.dispatch('contacts.create', {
      displayName: 'Ada',
      emails: [{ value: 'a@b.c', label: '\udc00' }],
    });
    expect(nested).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'emails.0.label' }] },
    });
    expect(await contacts()).toBe(before);
  });

  it('refuses a phone region that is not a country, and a calendar range that ends before it starts', async () => {
    const region = await app.context.dispatch('settings.update', { phoneRegion: 'XX' });
    expect(region).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'phoneRegion' }] },
    });
    expect(app.context.settings.get().phoneRegion).not.toBe('XX');
    expect((await app.context.dispatch('settings.update', { phoneRegion: 'DE' })).ok).toBe(true);

    const range = await app.context.dispatch('calendar.range', { from: '2026-03-10', to: '2026-03-01' });
    expect(range).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'to', message: 'must not be before from' }] },
    });
    const ics = await app.context.dispatch('calendar.exportIcs', { from: '2026-03-10', to: '2026-03-01' });
    expect(ics).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
