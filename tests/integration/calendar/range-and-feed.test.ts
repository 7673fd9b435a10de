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
  const range = async (q: Parameters<TempApp['api']['calendar.range']>[0]) =>
    (await app.api['calendar.range'](q)).items;

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

    const week = await range({ from: '2026-11-16', to: '2026-11-22' });
    expect(week.map((i) => i.key).sort()).toEqual(
      expect.arrayContaining(['promise:1', expect.stringMatching(/^followup:/)]),
    );
    expect(week.some((i) => i.kind === 'meeting')).toBe(false);
    expect(week.find((i) => i.kind === 'promise')).toEqual({
      key: 'promise:1',
      kind: 'promise',
      title: 'Promised Bob: Slides',
      contactId: bob.id,
      contactName: 'Bob',
      start: '2026-11-20',
      end: null,
      allDay: true,
      status: 'open',
      overdue: false,
      followUpId: null,
      purpose: null,
      channel: null,
      promiseId: 1,
      direction: 'mine',
    });
    // The promise's reminder step says which promise it is about.
    const reminder = week.find((i) => i.purpose === 'promise_mine');
    expect(reminder).toMatchObject({ kind: 'followup', promiseId: 1, contactId: bob.id, direction: null });
    // A follow-up is a half-hour slot, the same as its .ics event.
    expect(Date.parse(reminder!.end!) - Date.parse(reminder!.start)).toBe(30 * 60_000);

    const month = await range({ from: '2026-11-01', to: '2026-11-30' });
    expect(month.find((i) => i.kind === 'meeting')).toMatchObject({
      start: '2026-11-26T09:00:00.000Z',
      end: null,
      contactName: 'Ada',
    });
    expect(month.some((i) => i.start.startsWith('2026-12-15'))).toBe(false);

    const onlyAda = await range({ from: '2026-11-01', to: '2026-12-31', tag: 'math' });
    expect(new Set(onlyAda.map((i) => i.contactName))).toEqual(new Set(['Ada']));
    const onlyBob = await range({ from: '2026-11-01', to: '2026-12-31', contactId: bob.id });
    expect(new Set(onlyBob.map((i) => i.contactName))).toEqual(new Set(['Bob']));
    const onlyMeetings = await range({ from: '2026-11-01', to: '2026-12-31', kinds: ['meeting'] });
    expect(onlyMeetings.map((i) => i.kind)).toEqual(['meeting']);
  });

  it('carries the channel a follow-up is planned for, and no text (the card asks for it)', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await app.api['contacts.create']({ displayName: 'Chan', metOn: '2026-11-16' });
    await app.api['followups.schedule']({ contactId: c.id, dueOn: '2026-11-18', channel: 'call' });
    const items = await range({ from: '2026-11-16', to: '2026-11-22' });
    expect(items.find((i) => i.purpose === 'manual')).toMatchObject({ channel: 'call' });
    for (const item of items) {
      expect(item).not.toHaveProperty('reason');
      expect(item).not.toHaveProperty('context');
    }
  });

  it('marks overdue follow-ups and includes done ones when asked, never skipped or cancelled', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const c = await app.api['contacts.create']({ displayName: 'Late', metOn: '2026-11-16' });
    app.setNow('2026-11-19T10:00:00Z');
    const [late] = await range({ from: '2026-11-16', to: '2026-11-22' });
    expect(late).toMatchObject({ kind: 'followup', overdue: true, status: 'pending' });
    await app.api['followups.done']({ id: late!.followUpId! });
    expect(
      (await range({ from: '2026-11-16', to: '2026-11-22' })).filter(
        (i) => i.contactId === c.id && i.purpose === 'refresher',
      ),
    ).toEqual([]);
    const history = await range({ from: '2026-11-16', to: '2026-11-22', includeDone: true });
    expect(history.find((i) => i.purpose === 'refresher')).toMatchObject({ status: 'done', overdue: false });

    const other = await app.api['contacts.create']({ displayName: 'Skipped', metOn: '2026-11-19' });
    const [step] = await app.api['followups.list']({ contactId: other.id });
    await app.api['followups.skip']({ id: step!.id });
    const withDone = await range({ from: '2026-11-01', to: '2026-11-30', includeDone: true });
    expect(withDone.some((i) => i.contactId === other.id)).toBe(false);
    // Archiving hides the done steps too.
    await app.api['contacts.setArchived']({ id: c.id, archived: true });
    expect(
      (await range({ from: '2026-11-16', to: '2026-11-22', includeDone: true })).some(
        (i) => i.contactId === c.id,
      ),
    ).toBe(false);
  });

  it('returns the most important follow-ups of a crowded day and counts the rest', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) {
      const c = await app.api['contacts.create']({
        displayName: `Person ${i}`,
        tags: i < 5 ? ['crowd'] : [],
      });
      await app.api['followups.schedule']({ contactId: c.id, dueOn: '2026-11-18' });
      ids.push(c.id);
    }
    const anna = await app.api['contacts.create']({ displayName: 'Anna', metOn: '2026-11-16' });
    const [annaStep] = await app.api['followups.list']({ contactId: anna.id });
    await app.api['followups.reschedule']({ id: annaStep!.id, dueOn: '2026-11-18' });

    const all = await app.api['calendar.range']({ from: '2026-11-16', to: '2026-11-22' });
    expect(all.crowded).toEqual([]);
    expect(all.items.filter((i) => i.start.startsWith('2026-11-18'))).toHaveLength(8);

    const capped = await app.api['calendar.range']({
      from: '2026-11-16',
      to: '2026-11-22',
      followUpsPerDay: 3,
    });
    expect(capped.crowded).toEqual([{ day: '2026-11-18', total: 8, shown: 3 }]);
    const shown = capped.items.filter((i) => i.kind === 'followup');
    expect(shown).toHaveLength(3);
    // Today's order: the refresher (priority 20) comes before manual steps (45), then by id.
    expect(shown.map((i) => i.contactName)).toEqual(['Anna', 'Person 0', 'Person 1']);

    const tagged = await app.api['calendar.range']({
      from: '2026-11-16',
      to: '2026-11-22',
      tag: 'crowd',
      followUpsPerDay: 3,
    });
    expect(tagged.crowded).toEqual([{ day: '2026-11-18', total: 5, shown: 3 }]);
  });

  it('keeps a crowded day’s total right through scheduling, moving, done, skip, archive and delete', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const week = { from: '2026-11-16', to: '2026-11-22' };
    // The totals of a capped query (kept by triggers) must match counting every item.
    const expectTotals = async () => {
      for (const includeDone of [false, true]) {
        const all = await app.api['calendar.range']({ ...week, includeDone, followUpsPerDay: 1000 });
        const perDay = new Map<string, number>();
        for (const i of all.items)
          if (i.kind === 'followup')
            perDay.set(i.start.slice(0, 10), (perDay.get(i.start.slice(0, 10)) ?? 0) + 1);
        const capped = await app.api['calendar.range']({ ...week, includeDone, followUpsPerDay: 1 });
        expect(
          Object.fromEntries(capped.crowded.map((c) => [c.day, c.total])),
          `includeDone ${includeDone}`,
        ).toEqual(Object.fromEntries([...perDay].filter(([, n]) => n > 1)));
      }
    };
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      const c = await app.api['contacts.create']({ displayName: `P${i}` });
      await app.api['followups.schedule']({ contactId: c.id, dueOn: '2026-11-18' });
      ids.push(c.id);
    }
    await expectTotals();
    const step = async (contactId: number) => (await app.api['followups.list']({ contactId }))[0]!;
    await app.api['followups.reschedule']({ id: (await step(ids[0]!)).id, dueOn: '2026-11-19' });
    await app.api['followups.schedule']({ contactId: ids[0]!, dueOn: '2026-11-19' });
    await expectTotals();
    await app.api['followups.done']({ id: (await step(ids[1]!)).id });
    await app.api['followups.skip']({ id: (await step(ids[2]!)).id });
    await app.api['followups.snooze']({ id: (await step(ids[3]!)).id, preset: 'tomorrow' });
    await expectTotals();
    await app.api['contacts.setArchived']({ id: ids[1]!, archived: true });
    await app.api['contacts.setArchived']({ id: ids[4]!, archived: true });
    await expectTotals();
    await app.api['contacts.delete']({ id: ids[5]!, confirm: true });
    await expectTotals();
    const last = await app.api['calendar.range']({ ...week, followUpsPerDay: 1 });
    // P0's moved step and their second one.
    expect(last.crowded).toEqual([{ day: '2026-11-19', total: 2, shown: 1 }]);
  });

  it('gives a card its text: why and what to mention, a meeting’s note, a promise’s words', async () => {
    app = berlinApp('2026-11-16T10:00:00Z');
    const ada = await app.api['contacts.create']({
      displayName: 'Ada',
      metOn: '2026-11-16',
      metWhere: 'Royal Society',
      nextStep: 'Send the notes',
    });
    await app.api['followups.arrangeMeeting']({
      contactId: ada.id,
      meetingAt: '2026-11-26T10:00:00+01:00',
      note: 'Coffee',
    });
    await app.api['promises.add']({
      contactId: ada.id,
      direction: 'theirs',
      text: 'Diagrams',
      dueOn: '2026-11-20',
    });
    const items = await range({ from: '2026-11-01', to: '2026-11-30' });
    const refresher = items.find((i) => i.purpose === 'refresher')!;
    const detail = await app.api['calendar.item']({ key: refresher.key });
    expect(detail.key).toBe(refresher.key);
    expect(detail.reason).toMatch(/Royal Society/);
    expect(detail.context).toMatch(/Send the notes/);
    const meeting = items.find((i) => i.kind === 'meeting')!;
    expect(await app.api['calendar.item']({ key: meeting.key })).toMatchObject({
      reason: 'Coffee',
      context: null,
    });
    const promise = items.find((i) => i.kind === 'promise')!;
    expect(promise.direction).toBe('theirs');
    expect(await app.api['calendar.item']({ key: promise.key })).toMatchObject({ reason: 'Diagrams' });

    await expect(app.api['calendar.item']({ key: 'followup:999' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(app.api['calendar.item']({ key: 'contact:1' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
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
