import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { feedForPath } from '../../../src/main/calendar/feed.ts';
import { startHttpShell } from '../../../src/main/http/server.ts';
import { type TempApp, tempDir } from '../../helpers/temp-app.ts';
import { berlinApp } from '../followups/helpers.ts';

let app: TempApp;
afterEach(() => app?.cleanup());

describe('calendar range', () => {
  it('returns follow-ups, meetings and promises of the visible days only, with filters', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const ada = await app.api['contacts.create']({ displayName: 'Ada', metOn: '2026-11-16', tags: ['math'] });
    const bob = await app.api['contacts.create']({ displayName: 'Bob', metOn: '2026-11-16' });
    await app.api['followups.arrangeMeeting']({ contactId: ada.id, meetingAt: '2026-11-26T10:00:00+01:00' });
    await app.api['promises.add']({
      contactId: bob.id,
      direction: 'mine',
      text: 'Slides',
      dueOn: '2026-11-20',
    });
    await app.api['followups.schedule']({ contactId: bob.id, dueOn: '2026-12-15' });

    const week = await app.api['calendar.range']({ from: '2026-11-16', to: '2026-11-22' });
    expect(week.map((i) => i.key).sort()).toEqual(
      expect.arrayContaining(['promise:1', expect.stringMatching(/^followup:/)]),
    );
    expect(week.some((i) => i.kind === 'meeting')).toBe(false);
    expect(week.find((i) => i.kind === 'promise')).toMatchObject({
      allDay: true,
      start: '2026-11-20',
      title: 'Promised Bob: Slides',
    });

    const month = await app.api['calendar.range']({ from: '2026-11-01', to: '2026-11-30' });
    expect(month.find((i) => i.kind === 'meeting')).toMatchObject({
      start: '2026-11-26T09:00:00.000Z',
      contactName: 'Ada',
    });
    expect(month.some((i) => i.start.startsWith('2026-12-15'))).toBe(false);

    const onlyAda = await app.api['calendar.range']({ from: '2026-11-01', to: '2026-12-31', tag: 'math' });
    expect(new Set(onlyAda.map((i) => i.contactName))).toEqual(new Set(['Ada']));
    const onlyMeetings = await app.api['calendar.range']({
      from: '2026-11-01',
      to: '2026-12-31',
      kinds: ['meeting'],
    });
    expect(onlyMeetings.map((i) => i.kind)).toEqual(['meeting']);
  });

  it('marks overdue follow-ups and can include closed ones', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await app.api['contacts.create']({ displayName: 'Late', metOn: '2026-11-16' });
    app.setNow('2026-11-19T10:00:00Z');
    const [late] = await app.api['calendar.range']({ from: '2026-11-16', to: '2026-11-22' });
    expect(late).toMatchObject({ kind: 'followup', overdue: true, status: 'pending' });
    await app.api['followups.done']({ id: late!.followUpId! });
    expect(
      (await app.api['calendar.range']({ from: '2026-11-16', to: '2026-11-22' })).filter(
        (i) => i.contactId === c.id && i.purpose === 'refresher',
      ),
    ).toEqual([]);
    const history = await app.api['calendar.range']({
      from: '2026-11-16',
      to: '2026-11-22',
      includeClosed: true,
    });
    expect(history.find((i) => i.purpose === 'refresher')).toMatchObject({ status: 'done', overdue: false });
  });
});

describe('subscription feed', () => {
  it('is served under a secret token; a wrong or rotated token gets 404 and reveals nothing', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    await app.api['contacts.create']({ displayName: 'Feed person', metOn: '2026-11-16' });
    const staticDir = tempDir();
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
    const shell = await startHttpShell({
      dispatch: app.context.dispatch,
      staticDir,
      port: 0,
      feed: (path) => feedForPath(app.context, path),
    });
    try {
      expect(await app.api['calendar.feed']({})).toEqual({ url: null, webcalUrl: null });
      app.context.feed.baseUrl = `http://127.0.0.1:${shell.port}`;
      const feed = await app.api['calendar.feed']({});
      expect(feed.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${shell.port}/feed/[\\w-]{32}\\.ics$`));
      expect(feed.webcalUrl).toBe(feed.url!.replace('http:', 'webcal:'));

      const ok = await fetch(feed.url!);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toMatch(/^text\/calendar/);
      const body = await ok.text();
      expect(body).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
      expect(body).toContain('X-PUBLISHED-TTL:PT1H');
      const root = new ICAL.Component(ICAL.parse(body));
      expect(root.getAllSubcomponents('vevent')).toHaveLength(1);

      for (const path of [
        '/feed/wrong-token-wrong-token.ics',
        '/feed/.ics',
        `/feed/${'x'.repeat(200)}.ics`,
      ]) {
        const wrong = await fetch(`http://127.0.0.1:${shell.port}${path}`);
        expect(wrong.status, path).toBe(404);
        expect(await wrong.text()).not.toContain('VCALENDAR');
      }
      const rotated = await app.api['calendar.rotateFeedToken']({});
      expect(rotated.url).not.toBe(feed.url);
      expect((await fetch(feed.url!)).status).toBe(404);
      expect((await fetch(rotated.url!)).status).toBe(200);
    } finally {
      await shell.close();
    }
  });
});
