// GET /api/events on a real server: the guard, pushes from the real scheduler over the real
// store, heartbeats, and a clean end when a page leaves or the server stops.
import { mkdirSync } from 'node:fs';
import { type IncomingHttpHeaders, request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventHub } from '../../src/main/http/events.ts';
import { startHttpReminders } from '../../src/main/http/reminders.ts';
import { type HttpShell, startHttpShell } from '../../src/main/http/server.ts';
import type { ReminderService } from '../../src/main/reminders/reminder-service.ts';
import { openTempApp, type TempApp, tempDir } from '../helpers/temp-app.ts';

let app: TempApp;
let shell: HttpShell;
let staticDir: string;
let reminders: ReminderService;
const reminderErrors: unknown[] = [];

beforeAll(async () => {
  // Tuesday 08:00 UTC: inside the default working hours once the zone is UTC.
  app = openTempApp('2026-03-10T08:00:00.000Z');
  app.context.settings.update({ timeZone: 'UTC' });
  staticDir = tempDir();
  mkdirSync(join(staticDir, 'assets'));
  shell = await startHttpShell({ dispatch: app.context.dispatch, staticDir, port: 0 });
  // Wired as `serve` wires it.
  reminders = startHttpReminders(app.context, shell.events, {
    log: () => {},
    onError: (error) => reminderErrors.push(error),
  });
});
afterAll(async () => {
  reminders.stop();
  await shell.close();
  app.cleanup();
});

interface Stream {
  status: number;
  headers: IncomingHttpHeaders;
  /** Everything received so far. */
  text(): string;
  /** Resolves once the received text contains `fragment`. */
  waitFor(fragment: string): Promise<string>;
  /** Resolves with how the response ended: 'complete' (a clean end) or 'aborted'. */
  ended: Promise<'complete' | 'aborted'>;
  close(): void;
}

function openStream(options: { target?: HttpShell; path?: string; headers?: Record<string, string> } = {}) {
  const target = options.target ?? shell;
  return new Promise<Stream>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: target.port,
        method: 'GET',
        path: options.path ?? '/api/events',
        headers: { host: `127.0.0.1:${target.port}`, accept: 'text/event-stream', ...options.headers },
      },
      (res) => {
        let text = '';
        const waiters: Array<() => void> = [];
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          for (const waiter of [...waiters]) waiter();
        });
        const ended = new Promise<'complete' | 'aborted'>((done) => {
          res.on('end', () => done(res.complete ? 'complete' : 'aborted'));
          res.on('error', () => done('aborted'));
          res.on('aborted', () => done('aborted'));
        });
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: () => text,
          ended,
          close: () => req.destroy(),
          waitFor: (fragment) =>
            new Promise((found, fail) => {
              const timer = setTimeout(() => fail(new Error(`no "${fragment}" in:\n${text}`)), 5000);
              const check = () => {
                if (!text.includes(fragment)) return;
                clearTimeout(timer);
                waiters.splice(waiters.indexOf(check), 1);
                found(text);
              };
              waiters.push(check);
              check();
            }),
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const authorized = () => ({ authorization: `Bearer ${shell.token}` });

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}

describe('GET /api/events', () => {
  it('requires the bearer token in the header (401), never in the URL', async () => {
    for (const options of [
      {},
      { headers: { authorization: 'Bearer wrong' } },
      { headers: { authorization: `Basic ${shell.token}` } },
      { path: `/api/events?token=${shell.token}` },
    ]) {
      const stream = await openStream(options);
      expect(stream.status).toBe(401);
      await stream.ended;
      expect(JSON.parse(stream.text())).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(shell.events.size).toBe(0);
  });

  it('refuses a foreign origin or host even with the token (403)', async () => {
    const foreign: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { host: 'evil.example' },
    ];
    for (const headers of foreign) {
      const stream = await openStream({ headers: { ...authorized(), ...headers } });
      expect(stream.status).toBe(403);
      await stream.ended;
    }
  });

  it('streams pushes as named events with JSON data', async () => {
    const stream = await openStream({ headers: authorized() });
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers['cache-control']).toBe('no-store');
    await stream.waitFor(': connected\n\n');
    expect(shell.events.size).toBe(1);

    expect(shell.events.broadcast('navigate', '#/today')).toBe(1);
    await stream.waitFor('event: navigate\ndata: "#/today"\n\n');
    stream.close();
    await until(() => shell.events.size === 0);
  });

  it('pushes the data change and the reminder when a follow-up falls due', async () => {
    const stream = await openStream({ headers: authorized() });
    await stream.waitFor(': connected');
    const contact = await app.api['contacts.create']({ displayName: 'Ada Lovelace' });
    await stream.waitFor('event: data-changed\ndata: {"scopes":["contacts","followups","events"]}');

    const { followUp } = await app.api['followups.schedule']({ contactId: contact.id, dueOn: '2026-03-10' });
    await stream.waitFor('event: data-changed\ndata: {"scopes":["followups"]}');
    // Move the clock past the due time, as testing.setNow does, and announce it on the bus.
    const after = new Date(Math.max(Date.parse(followUp.dueAt), Date.parse('2026-03-10T08:00:00Z')) + 60_000);
    app.setNow(after.toISOString());
    app.context.bus.emit({ type: 'clock-changed', now: after.toISOString() });

    const text = await stream.waitFor('event: reminders');
    const frame = text.slice(text.indexOf('event: reminders'));
    const data = JSON.parse(frame.split('\n')[1]!.slice('data: '.length)) as { items: unknown[] };
    expect(data.items).toEqual([
      expect.objectContaining({ id: followUp.id, contactId: contact.id, contactName: 'Ada Lovelace' }),
    ]);
    expect(reminderErrors).toEqual([]);
    stream.close();
    await until(() => shell.events.size === 0);
  });

  it('sends a comment heartbeat while idle', async () => {
    const beating = await startHttpShell({
      dispatch: app.context.dispatch,
      staticDir,
      port: 0,
      events: createEventHub({ heartbeatMs: 30 }),
    });
    try {
      const stream = await openStream({
        target: beating,
        headers: { authorization: `Bearer ${beating.token}` },
      });
      await stream.waitFor(': heartbeat\n\n');
    } finally {
      await beating.close();
    }
  });

  it('ends every stream cleanly when the server stops', async () => {
    const stopping = await startHttpShell({ dispatch: app.context.dispatch, staticDir, port: 0 });
    const headers = { authorization: `Bearer ${stopping.token}` };
    const streams = await Promise.all([
      openStream({ target: stopping, headers }),
      openStream({ target: stopping, headers }),
    ]);
    await Promise.all(streams.map((s) => s.waitFor(': connected')));
    expect(stopping.events.size).toBe(2);
    await stopping.close();
    expect(await Promise.all(streams.map((s) => s.ended))).toEqual(['complete', 'complete']);
    expect(stopping.events.size).toBe(0);
  });

  it('leaves the rest of /api/ as it was: other methods on the path go to the API', async () => {
    const stream = await openStream({ path: '/api/events.list', headers: authorized() });
    expect(stream.status).toBe(405);
    await stream.ended;
  });
});
