import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DAV_PASSWORD,
  DAV_SERVERS,
  type DavServer,
  listObjects,
  moveOnServer,
  putOnServer,
  startOf,
  uidOf,
} from '../../helpers/dav-servers.ts';
import { type FaultProxy, startFaultProxy } from '../../helpers/fault-proxy.ts';
import { openTempApp, type TempApp, tempDir } from '../../helpers/temp-app.ts';

// The password comes from a variable, as `sync accounts add --password-env` names it.
process.env.FT_TEST_DAV_PASSWORD = DAV_PASSWORD;
const credential = { kind: 'env', variable: 'FT_TEST_DAV_PASSWORD' } as const;

let app: TempApp;
let server: DavServer;
let proxy: FaultProxy | undefined;

/**
 * The VEVENT's content lines without DTSTAMP (when it was written), sorted: both servers store
 * the properties in an order of their own, and each line must come back as it was written.
 */
function eventBlock(ics: string, uid: string): string[] {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  const events = unfolded
    .split('BEGIN:VEVENT')
    .slice(1)
    .map((e) => `BEGIN:VEVENT${e.slice(0, e.indexOf('END:VEVENT'))}END:VEVENT`);
  const mine = events.find((e) => e.includes(`UID:${uid}\r\n`));
  if (!mine) throw new Error(`no event ${uid}`);
  return mine
    .split('\r\n')
    .filter((line) => !line.startsWith('DTSTAMP:'))
    .sort();
}

const CLI = join(import.meta.dirname, '../../../src/main/cli/index.ts');

/** `sync run --json` in a child process on the test's database and clock, in Berlin. */
function cliSyncRun(databasePath: string) {
  const child = spawn(
    process.execPath,
    [
      '--disable-warning=ExperimentalWarning',
      CLI,
      '--db',
      databasePath,
      '--now',
      '2026-03-10T09:00:00.000Z',
      '--json',
      'sync',
      'run',
    ],
    { env: { ...process.env, TZ: 'Europe/Berlin' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const exited = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>(
    (resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, exited };
}

async function addContacts(names: string[]): Promise<void> {
  for (const name of names) await app.api['contacts.create']({ displayName: name, metOn: '2026-03-09' });
}

async function openSteps() {
  return app.api['followups.list']({ statuses: ['pending', 'snoozed'] });
}

describe.each(DAV_SERVERS)('calendar sync with $name', ({ start }) => {
  beforeEach(async () => {
    app = openTempApp('2026-03-10T09:00:00.000Z', { timeZone: 'Europe/Berlin' });
    server = await start(tempDir('ft-dav-'));
  });
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
    await server?.stop();
    app?.cleanup();
  });

  const link = async (url = server.url) =>
    app.api['sync.accounts.add']({ url, user: server.user, credential });

  it('discovers the calendar home (RFC 6764) and makes the "Followthrough follow-ups" calendar once', async () => {
    const account = await link();
    expect(account.calendarUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.+\/$/);
    const test = await app.api['sync.accounts.test']({ id: account.id });
    expect(test).toMatchObject({ ok: true, calendarExists: true, calendarUrl: account.calendarUrl });
    expect(test.principalUrl).toContain(server.user);
    // Both list sync-collection in supported-report-set (Xandikos 0.2 without RFC 3253's
    // DAV:report around it, which tsdav's reader missed); the ctag path has tests of its own.
    expect(test.incremental).toBe('sync-collection');
    // The same server and user again: refused, nothing saved.
    await expect(link()).rejects.toMatchObject({ code: 'conflict' });
    expect(await app.api['sync.accounts.list']({})).toHaveLength(1);
    // A wrong password is refused in words, before anything is saved (Radicale asks for one).
    if (server.name === 'Radicale') {
      process.env.FT_TEST_DAV_WRONG = 'nope';
      await expect(
        app.api['sync.accounts.add']({
          url: server.url,
          user: 'bob',
          credential: { kind: 'env', variable: 'FT_TEST_DAV_WRONG' },
        }),
      ).rejects.toMatchObject({ message: expect.stringMatching(/refused the user name or password/) });
    }
  });

  it('pushes every open step once, with the export’s UID and content, created with If-None-Match: *', async () => {
    proxy = await startFaultProxy(server.base);
    await addContacts(['Ada Lovelace', 'Grace Hopper']);
    const account = await link(`${proxy.base}/`);
    const steps = await openSteps();
    expect(steps.length).toBeGreaterThanOrEqual(2);
    const run = await app.api['sync.run']({});
    expect(run).toMatchObject({ pushed: steps.length, pending: 0, errors: [], conflicts: [] });
    const objects = await listObjects(
      server,
      new URL(new URL(account.calendarUrl!).pathname, server.base).href,
    );
    expect(objects.map((o) => uidOf(o.data)).sort()).toEqual(
      steps.map((s) => `followup-${s.id}@followthrough.app`).sort(),
    );
    const puts = proxy.log.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(steps.length);
    expect(puts.every((p) => p.ifNoneMatch === '*' && p.ifMatch === null)).toBe(true);
    // The same event as the .ics export (DTSTAMP aside), and no METHOD in a stored object.
    const exported = (await app.api['calendar.exportIcs']({})).content;
    for (const object of objects) {
      const uid = uidOf(object.data);
      expect(eventBlock(object.data, uid)).toEqual(eventBlock(exported, uid));
      expect(object.data).not.toMatch(/^METHOD:/m);
    }
    // Nothing changed: a second pass pushes nothing.
    expect(await app.api['sync.run']({})).toMatchObject({ pushed: 0, pulled: 0, pending: 0 });
  });

  it('updates a rescheduled step with If-Match on its ETag, and deletes a done one', async () => {
    proxy = await startFaultProxy(server.base);
    await addContacts(['Ada Lovelace']);
    const account = await link(`${proxy.base}/`);
    await app.api['sync.run']({});
    const [step, ...others] = await openSteps();
    const collection = new URL(new URL(account.calendarUrl!).pathname, server.base).href;
    const before = (await listObjects(server, collection)).find((o) =>
      uidOf(o.data).startsWith(`followup-${step!.id}@`),
    )!;

    await app.api['followups.reschedule']({ id: step!.id, dueOn: '2026-03-20' });
    expect((await app.api['sync.status']({})).pending).toBe(1);
    proxy.clearLog();
    expect(await app.api['sync.run']({})).toMatchObject({ pushed: 1, pending: 0, errors: [] });
    const put = proxy.log.find((r) => r.method === 'PUT');
    expect(put?.ifMatch).toBe(before.etag);
    const after = (await listObjects(server, collection)).find((o) => uidOf(o.data) === uidOf(before.data))!;
    expect(startOf(after.data).slice(0, 10)).toBe('2026-03-20');
    expect(Number(/SEQUENCE:(\d+)/.exec(after.data)?.[1])).toBeGreaterThan(
      Number(/SEQUENCE:(\d+)/.exec(before.data)?.[1]),
    );

    await app.api['followups.done']({ id: step!.id });
    proxy.clearLog();
    const done = await app.api['sync.run']({});
    expect(done).toMatchObject({ pending: 0, errors: [] });
    const del = proxy.log.find((r) => r.method === 'DELETE');
    expect(del?.ifMatch).toBe(after.etag);
    const left = (await listObjects(server, collection)).map((o) => uidOf(o.data));
    expect(left).not.toContain(uidOf(before.data));
    expect(left).toHaveLength((await openSteps()).length);
    void others;
  });

  it('a move made on the server reschedules the step through the engine; other edits are overwritten', async () => {
    await addContacts(['Ada Lovelace']);
    const account = await link();
    await app.api['sync.run']({});
    const [step] = await openSteps();
    const collection = account.calendarUrl!;
    const object = (await listObjects(server, collection)).find(
      (o) => uidOf(o.data) === `followup-${step!.id}@followthrough.app`,
    )!;
    // Dragged on the phone to Thursday 12 March, 15:00 Berlin.
    expect((await moveOnServer(server, object, '2026-03-12T14:00:00.000Z')).ok).toBe(true);
    const run = await app.api['sync.run']({});
    expect(run.errors).toEqual([]);
    expect(run).toMatchObject({
      pulled: 1,
      pushed: 1,
      moved: [{ followUpId: step!.id, dueOn: '2026-03-12' }],
    });
    const moved = (await openSteps()).find((s) => s.id === step!.id)!;
    expect(moved.dueOn).toBe('2026-03-12');
    // The app's version went back: the follow-up hour on the new day.
    let back = (await listObjects(server, collection)).find((o) => uidOf(o.data) === uidOf(object.data))!;
    expect(startOf(back.data)).toBe(moved.dueAt);

    // To Saturday: a day off, and the engine says so.
    expect((await moveOnServer(server, back, '2026-03-14T09:00:00.000Z')).ok).toBe(true);
    const weekend = await app.api['sync.run']({});
    expect(weekend.moved).toEqual([
      {
        followUpId: step!.id,
        dueOn: '2026-03-14',
        warnings: expect.arrayContaining(['falls on one of your days off']),
      },
    ]);
    expect((await openSteps()).find((s) => s.id === step!.id)?.dueOn).toBe('2026-03-14');
    back = (await listObjects(server, collection)).find((o) => uidOf(o.data) === uidOf(object.data))!;

    // To a day already past: not taken, said in words, the app's day put back.
    expect((await moveOnServer(server, back, '2026-03-02T09:00:00.000Z')).ok).toBe(true);
    const past = await app.api['sync.run']({});
    expect(past.moved).toEqual([]);
    expect(past.errors).toEqual([
      expect.stringMatching(/moved to 2026-03-02 in the calendar, which is in the past/),
    ]);
    back = (await listObjects(server, collection)).find((o) => uidOf(o.data) === uidOf(object.data))!;
    expect(startOf(back.data).slice(0, 10)).not.toBe('2026-03-02');

    // A new title on the phone (same day) is not a move: the app's version overwrites it.
    const edited = back.data.replace(/^SUMMARY:.*$/m, 'SUMMARY:Renamed on the phone');
    expect((await putOnServer(server, back, edited)).ok).toBe(true);
    const again = await app.api['sync.run']({});
    expect(again).toMatchObject({ pulled: 1, moved: [], errors: [], pending: 0 });
    const restored = (await listObjects(server, collection)).find(
      (o) => uidOf(o.data) === uidOf(object.data),
    )!;
    expect(restored.data).toContain('SUMMARY:Follow up with Ada Lovelace');
    expect((await openSteps()).find((s) => s.id === step!.id)?.dueOn).toBe('2026-03-14');
    // Quiet afterwards: its own push is not read back as an edit.
    expect(await app.api['sync.run']({})).toMatchObject({ pushed: 0, pulled: 0 });
  });

  it('412: a refused create or update is read again and retried, a move found then is taken in', async () => {
    proxy = await startFaultProxy(server.base);
    await addContacts(['Ada Lovelace', 'Grace Hopper']);
    const account = await link(`${proxy.base}/`);
    proxy.inject({ method: 'PUT', fault: { kind: 'status', status: 412 } });
    const first = await app.api['sync.run']({});
    expect(first).toMatchObject({ pending: 0, errors: [] });
    const collection = new URL(new URL(account.calendarUrl!).pathname, server.base).href;
    const steps = await openSteps();
    expect((await listObjects(server, collection)).length).toBe(steps.length);

    // The phone moves the event after our read and just before our update: it meets 412.
    const [step] = steps;
    await app.api['followups.reschedule']({ id: step!.id, dueOn: '2026-03-19' });
    const uid = `followup-${step!.id}@followthrough.app`;
    proxy.inject({
      method: 'PUT',
      fault: {
        kind: 'before',
        run: async () => {
          const object = (await listObjects(server, collection)).find((o) => uidOf(o.data) === uid)!;
          expect((await moveOnServer(server, object, '2026-03-18T08:00:00.000Z')).ok).toBe(true);
        },
      },
    });
    proxy.clearLog();
    const second = await app.api['sync.run']({});
    expect(second.errors).toEqual([]);
    expect(second.moved).toMatchObject([{ followUpId: step!.id, dueOn: '2026-03-18' }]);
    expect(proxy.log.filter((r) => r.method === 'PUT').map((r) => r.ifMatch !== null)).toEqual([true, true]);
    expect((await openSteps()).find((s) => s.id === step!.id)?.dueOn).toBe('2026-03-18');
    const objects = await listObjects(server, collection);
    expect(objects).toHaveLength(steps.length);
    expect(new Set(objects.map((o) => uidOf(o.data))).size).toBe(steps.length);
    const mine = objects.find((o) => uidOf(o.data) === uid)!;
    expect(startOf(mine.data).slice(0, 10)).toBe('2026-03-18');
    expect(await app.api['sync.run']({})).toMatchObject({ pushed: 0, pending: 0 });
  });

  it('a cut connection and 503: retried with backoff; a lasting failure keeps the change and the error in words', async () => {
    proxy = await startFaultProxy(server.base);
    await addContacts(['Ada Lovelace']);
    const account = await link(`${proxy.base}/`);
    const steps = await openSteps();
    // The connection cut after the server stored the first create: the retry meets that copy
    // (412) and updates it; one 503 after that: the retry gets through. Nothing doubled.
    proxy.inject({ method: 'PUT', fault: { kind: 'drop-after' } });
    proxy.inject({ method: 'PUT', after: 1, fault: { kind: 'status', status: 503 } });
    expect(await app.api['sync.run']({})).toMatchObject({ pushed: steps.length, pending: 0, errors: [] });
    expect(proxy.log.filter((r) => r.method === 'PUT').map((r) => r.fault)).toEqual(
      expect.arrayContaining(['drop-after', 'status']),
    );

    await app.api['followups.reschedule']({ id: steps[0]!.id, dueOn: '2026-03-20' });
    proxy.inject({ method: 'PUT', fault: { kind: 'status', status: 503 }, times: 10 });
    const failed = await app.api['sync.run']({});
    expect(failed.pending).toBe(1);
    expect(failed.errors).toEqual([
      expect.stringMatching(/is unavailable \(503\) when saving a follow-up in the calendar/),
    ]);
    const status = await app.api['sync.status']({});
    expect(status.pending).toBe(1);
    expect(status.accounts[0]?.outboxError).toMatch(/unavailable \(503\)/);
    expect(status.accounts[0]?.lastError).toMatch(/unavailable \(503\)/);

    // The network heals: pushed once, the error cleared.
    proxy.clear();
    expect(await app.api['sync.run']({})).toMatchObject({ pushed: 1, pending: 0, errors: [] });
    expect((await app.api['sync.status']({})).accounts[0]).toMatchObject({
      pending: 0,
      lastError: null,
      outboxError: null,
    });
    const collection = new URL(new URL(account.calendarUrl!).pathname, server.base).href;
    expect(await listObjects(server, collection)).toHaveLength(steps.length);
  });

  it('the outbox survives a crash mid-push: after a restart nothing is doubled or lost', async () => {
    proxy = await startFaultProxy(server.base);
    await addContacts(['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Edsger Dijkstra']);
    const account = await link(`${proxy.base}/`);
    const steps = await openSteps();
    expect(steps.length).toBeGreaterThanOrEqual(4);
    // The third create reaches the server, which stores it; its answer never comes back, and
    // the process is killed right then, before it could record anything.
    const { fired } = proxy.inject({ method: 'PUT', after: 2, fault: { kind: 'hang' } });
    const first = cliSyncRun(app.databasePath);
    await fired;
    expect(first.child.pid).toBeGreaterThan(1);
    first.child.kill('SIGKILL');
    const killed = await first.exited;
    expect(killed.signal).toBe('SIGKILL');
    const collection = new URL(new URL(account.calendarUrl!).pathname, server.base).href;
    expect(await listObjects(server, collection)).toHaveLength(3);
    // Two were recorded as pushed; the third and the rest still wait, in order.
    expect((await app.api['sync.status']({})).pending).toBe(steps.length - 2);

    proxy.clear();
    proxy.clearLog();
    const again = cliSyncRun(app.databasePath);
    const done = await again.exited;
    expect(done.stderr).toBe('');
    expect(JSON.parse(done.stdout)).toMatchObject({ pending: 0, errors: [] });
    const objects = await listObjects(server, collection);
    expect(objects.map((o) => uidOf(o.data)).sort()).toEqual(
      steps.map((s) => `followup-${s.id}@followthrough.app`).sort(),
    );
    // The interrupted create met its own first copy (412) and became an update of it.
    const puts = proxy.log.filter((r) => r.method === 'PUT');
    expect(puts[0]).toMatchObject({ ifNoneMatch: '*' });
    expect(puts[1]?.ifMatch).not.toBeNull();
    expect((await app.api['sync.status']({})).pending).toBe(0);
  });

  it('meetings and open promises’ due days are events too; a closed promise leaves, a moved meeting is put back', async () => {
    const ada = await app.api['contacts.create']({ displayName: 'Ada Lovelace', metOn: '2026-03-09' });
    await app.api['followups.arrangeMeeting']({
      contactId: ada!.id,
      meetingAt: '2026-03-17T13:00:00.000Z',
      note: 'Lunch',
    });
    const promise = await app.api['promises.add']({
      contactId: ada!.id,
      direction: 'mine',
      text: 'Send the paper',
      dueOn: '2026-03-20',
    });
    const account = await link();
    expect(await app.api['sync.run']({})).toMatchObject({ errors: [], pending: 0 });
    const collection = account.calendarUrl!;
    const byUid = async () => new Map((await listObjects(server, collection)).map((o) => [uidOf(o.data), o]));
    let objects = await byUid();
    const meetingUid = [...objects.keys()].find((u) => u.startsWith('meeting-'))!;
    expect(objects.get(meetingUid)?.data).toContain('SUMMARY:Meeting with Ada Lovelace');
    expect(startOf(objects.get(meetingUid)!.data)).toBe('2026-03-17T13:00:00.000Z');
    const promised = objects.get(`promise-${promise.id}@followthrough.app`);
    expect(promised?.data).toMatch(/DTSTART;VALUE=DATE:20260320/);
    expect(promised?.data).toContain('SUMMARY:Promised Ada Lovelace: Send the paper');

    // Moved on the phone: a meeting is the app's, so it goes back where the app has it.
    expect((await moveOnServer(server, objects.get(meetingUid)!, '2026-03-18T13:00:00.000Z')).ok).toBe(true);
    await app.api['promises.done']({ id: promise.id });
    const run = await app.api['sync.run']({});
    expect(run).toMatchObject({ moved: [], errors: [], pending: 0 });
    objects = await byUid();
    expect(startOf(objects.get(meetingUid)!.data)).toBe('2026-03-17T13:00:00.000Z');
    expect(objects.has(`promise-${promise.id}@followthrough.app`)).toBe(false);
  });
});
