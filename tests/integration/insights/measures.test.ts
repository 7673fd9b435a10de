import { afterEach, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../../src/main/seed/seed-database.ts';
import type { InsightsMeasure, InsightsQuery } from '../../../src/shared/domain/insights.ts';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';
import { everyMeasure } from './every-measure.ts';

let app: TempApp | null = null;
afterEach(() => {
  app?.cleanup();
  app = null;
});

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

type Api = TempApp['api'];

/** The names behind one number, reading every page. */
async function namesOf(api: Api, q: InsightsQuery, measure: InsightsMeasure): Promise<string[]> {
  const names: string[] = [];
  for (let offset = 0; ; offset += 2) {
    const page = await api['insights.people']({ ...q, measure, offset, limit: 2 });
    names.push(...page.people.map((p) => p.name));
    if (page.people.length < 2) {
      expect(names.length).toBe(page.total);
      return names;
    }
  }
}

/** Every number of the report equals the length of the list it clicks through to. */
async function expectClickThroughMatches(api: Api, q: InsightsQuery): Promise<number> {
  const report = await api['insights.report'](q);
  const measures = everyMeasure(report);
  for (const { measure, count } of measures) {
    const page = await api['insights.people']({ ...q, measure, limit: 500 });
    expect({ measure, total: page.total }).toEqual({ measure, total: count });
    expect(page.people.length).toBe(Math.min(count, 500));
  }
  return measures.length;
}

// The user lives in Berlin (CET, CEST from 29 March 2026); every day and hour below is theirs.
const ZONE = 'Europe/Berlin';

describe('insights measures on a hand-built history', () => {
  it('answers each measure as defined, and each number clicks through to as many people', async () => {
    app = openTempApp('2026-03-01T08:00:00.000Z', { timeZone: ZONE, defaultPacing: 'standard' });
    const { api } = app;
    const a = app;
    const send = (contactId: number, occurredAt: string) =>
      api['interactions.add']({
        contactId,
        occurredAt,
        channel: 'email',
        direction: 'outbound',
        summary: 'Hi',
      });
    const hear = (contactId: number, occurredAt: string) =>
      api['interactions.add']({
        contactId,
        occurredAt,
        channel: 'email',
        direction: 'inbound',
        summary: 'Hi!',
      });
    const openStep = async (contactId: number) =>
      (await api['followups.list']({ contactId, statuses: ['pending', 'snoozed'] }))[0]!;
    /** Met on the day `addedAt` falls on, then their first step done at `sentAt` from template variant 2. */
    const metAndWrittenFromVariant = async (
      displayName: string,
      pacing: 'fast' | 'deliberate',
      addedAt: string,
      sentAt: string,
    ) => {
      a.setNow(addedAt);
      const c = await api['contacts.create']({ displayName, metOn: addedAt.slice(0, 10), pacing });
      a.setNow(new Date(Date.parse(sentAt) + 30 * 60_000).toISOString());
      const step = await openStep(c.id);
      await api['followups.done']({ id: step.id, channel: 'email', at: sentAt, variant: 2 });
      return c;
    };

    // Long ago, written to once, silent since: going cold by 20 April.
    a.setNow('2025-12-01T09:00:00.000Z');
    const cold = await api['contacts.create']({ displayName: 'Cold Carl', metOn: '2025-12-01' });
    await send(cold.id, '2025-12-02T09:00:00.000Z');

    // Week of 2 March: three met, one followed up within 48 h, one late, one never.
    a.setNow('2026-03-02T08:00:00.000Z');
    const cleo = await api['contacts.create']({ displayName: 'Cleo Default', metOn: '2026-03-02' });
    a.setNow('2026-03-02T13:00:00.000Z');
    await send(cleo.id, '2026-03-02T09:00:00.000Z'); // Monday 10:00 CET
    await hear(cleo.id, '2026-03-02T12:00:00.000Z'); // 3 h later
    a.setNow('2026-03-04T18:00:00.000Z');
    await api['contacts.create']({ displayName: 'Dan Never', metOn: '2026-03-03' });
    const eve = await api['contacts.create']({ displayName: 'Eve Late', metOn: '2026-03-04' });
    a.setNow('2026-03-21T08:00:00.000Z');
    await send(eve.id, '2026-03-20T09:00:00.000Z');

    // Week of 23 March: Ann, fast pacing, met on Friday, written to on Saturday from a template
    // variant, answers on Monday after the DST change: 50 real hours.
    const ann = await metAndWrittenFromVariant(
      'Ann Fast',
      'fast',
      '2026-03-27T18:00:00.000Z',
      '2026-03-28T08:30:00.000Z',
    );
    a.setNow('2026-03-30T11:00:00.000Z');
    await hear(ann.id, '2026-03-30T10:30:00.000Z');

    // Week of 30 March: Ben, deliberate, written to on Tuesday 09:30 CEST from the same variant; silent.
    const ben = await metAndWrittenFromVariant(
      'Ben Slow',
      'deliberate',
      '2026-03-30T18:00:00.000Z',
      '2026-03-31T07:30:00.000Z',
    );
    // Ben promises an intro; I nudge him about it once.
    const promise = await api['promises.add']({
      contactId: ben.id,
      direction: 'theirs',
      text: 'An intro',
      dueOn: '2026-04-03',
    });
    a.setNow('2026-04-04T08:00:00.000Z');
    const nudge = (await api['followups.list']({ contactId: ben.id, statuses: ['pending', 'snoozed'] })).find(
      (s) => s.purpose === 'promise_theirs',
    );
    expect(nudge).toBeDefined();
    await api['followups.done']({ id: nudge!.id, channel: 'email' });

    // Week of 6 April: five met, two written to the next day: enough for shares.
    a.setNow('2026-04-06T18:00:00.000Z');
    const five = [];
    for (const n of [1, 2, 3, 4, 5])
      five.push(await api['contacts.create']({ displayName: `Five ${n}`, metOn: '2026-04-06' }));
    a.setNow('2026-04-07T12:00:00.000Z');
    await send(five[0]!.id, '2026-04-07T09:00:00.000Z');
    await send(five[1]!.id, '2026-04-07T09:00:00.000Z');

    // Week of 13 April: the same person twice, merged (counts once); a Tokyo contact written to
    // at 18:00 Berlin on the next day, 01:00 the day after in Tokyo: my day counts, within 24 h.
    a.setNow('2026-04-13T18:00:00.000Z');
    const g1 = await api['contacts.create']({ displayName: 'Gia Twice', metOn: '2026-04-13' });
    const g2 = await api['contacts.create']({ displayName: 'Gia Twice (copy)', metOn: '2026-04-13' });
    a.setNow('2026-04-14T18:00:00.000Z');
    const tokyo = await api['contacts.create']({
      displayName: 'Hiro Tokyo',
      metOn: '2026-04-14',
      timeZone: 'Asia/Tokyo',
    });
    a.setNow('2026-04-16T08:00:00.000Z');
    await send(g2.id, '2026-04-14T09:00:00.000Z');
    await send(tokyo.id, '2026-04-15T16:00:00.000Z');
    await api['contacts.merge']({ keepId: g1.id, mergeId: g2.id });

    // Imported, not reviewed: left out, and said so.
    const vcard = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ivy Imported\r\nEMAIL:ivy@example.com\r\nEND:VCARD\r\n';
    const preview = await api['imports.preview']({ fileName: 'people.vcf', content: b64(vcard) });
    await api['imports.commit']({ previewId: preview.previewId });

    a.setNow('2026-04-20T12:00:00.000Z');
    const q = { from: '2026-03-01', to: '2026-04-20' };
    const r = await api['insights.report'](q);

    // Follow-through: 3 + 1 + 1 + 5 + 2 met (Gia once, Carl before the period, Ivy left out).
    expect(r.followThrough).toMatchObject({ met: 12, within24h: 7, within48h: 7, within7d: 7, never: 4 });
    expect(await namesOf(api, q, { measure: 'followThrough', bucket: 'within24h' })).toEqual([
      'Cleo Default',
      'Ann Fast',
      'Ben Slow',
      'Five 1',
      'Five 2',
      'Gia Twice',
      'Hiro Tokyo',
    ]);
    expect(r.excluded).toEqual({ unreviewedImports: 1 });
    expect(await namesOf(api, q, { measure: 'unreviewedImports' })).toEqual(['Ivy Imported']);
    expect(await namesOf(api, q, { measure: 'followThrough', bucket: 'never' })).toEqual([
      'Dan Never',
      'Five 3',
      'Five 4',
      'Five 5',
    ]);

    // Trend: the week of 2 March is too small for shares; the week of 6 April is not.
    expect(r.trend.baseline).toBe(0.3);
    expect(r.trend.weeks.map((w) => w.week)).toEqual([
      '2026-03-02',
      '2026-03-23',
      '2026-03-30',
      '2026-04-06',
      '2026-04-13',
    ]);
    expect(r.trend.weeks[0]).toEqual({
      week: '2026-03-02',
      met: 3,
      within48h: 1,
      ever: 2,
      within48hShare: null,
      everShare: null,
      small: true,
    });
    expect(r.trend.weeks[3]).toEqual({
      week: '2026-04-06',
      met: 5,
      within48h: 2,
      ever: 2,
      within48hShare: 0.4,
      everShare: 0.4,
      small: false,
    });

    // Replies by pacing, weekday and hour (mine, across the DST change), template variant.
    expect(r.replyRate.pacing.fast).toEqual({ sent: 1, replied: 1, rate: null, small: true });
    expect(r.replyRate.pacing.deliberate).toMatchObject({ sent: 2, replied: 0 });
    // Ann on Saturday 28 March, the nudge to Ben on Saturday 4 April.
    expect(r.replyRate.weekday.sat).toEqual({ sent: 2, replied: 1, rate: null, small: true });
    expect(r.replyRate.hour['09']).toMatchObject({ sent: 2, replied: 1 });
    // Cleo and Eve at 10:00 CET, the nudge to Ben at 10:00 CEST.
    expect(r.replyRate.hour['10']).toMatchObject({ sent: 3, replied: 1 });
    expect(r.replyRate.hour['18']).toMatchObject({ sent: 1, replied: 0 });
    expect(
      Object.entries(r.replyRate.template).map(([k, v]) => [k.split('/')[1], v.sent, v.replied]),
    ).toEqual([['2', 2, 1]]);
    expect(r.replyTime).toEqual({ replied: 2, medianHours: 26.5 });
    expect(await namesOf(api, q, { measure: 'replyTime' })).toEqual(['Cleo Default', 'Ann Fast']);

    // Promises: Ben's was nudged and is still open.
    expect(r.promises.theirs).toEqual({ fulfilled: 0, nudged: 1, open: 1 });
    expect(promise.direction).toBe('theirs');

    // Network: Carl is going cold; never followed up: Dan and three of the five (not Ivy).
    expect(r.network.goingCold).toBe(1);
    expect(await namesOf(api, q, { measure: 'goingCold' })).toEqual(['Cold Carl']);
    expect(r.network.neverFollowedUp).toBe(4);
    expect(r.network.backlog.at(-1)?.week).toBe('2026-04-20');
    expect(r.network.backlog.length).toBe(9);

    // Cycles: each started in the period counted once by ending and once by touches.
    const cycles = Object.values(r.cycles).reduce((s, n) => s + n, 0);
    expect(Object.values(r.cycleTouches).reduce((s, n) => s + n, 0)).toBe(cycles);
    expect(r.cycleTouches['0'] + r.cycleTouches['1']).toBeGreaterThan(0);

    expect(await expectClickThroughMatches(api, q)).toBeGreaterThan(40);
    expect(await expectClickThroughMatches(api, { ...q, from: '2026-04-01' })).toBeGreaterThan(20);
  });

  it('refuses a measure key it does not know, naming the field', async () => {
    app = openTempApp('2026-04-20T12:00:00.000Z', { timeZone: ZONE });
    await expect(
      app.api['insights.people']({ measure: { measure: 'followThrough', bucket: 'soon' } } as never),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [expect.objectContaining({ path: 'measure.bucket' })],
    });
  });
});

describe('insights click-through on a seeded network', () => {
  it('lists exactly as many as every number says, whole and by tag', async () => {
    app = openTempApp('2026-11-20T09:00:00.000Z', { timeZone: ZONE });
    seedDatabase(
      app.context.db,
      { contacts: 150, interactionsPerContact: 5, seed: 3, now: new Date('2026-11-20T09:00:00.000Z') },
      () => {},
      { settings: app.context.settings },
    );
    expect(await expectClickThroughMatches(app.api, {})).toBeGreaterThan(60);
    expect(await expectClickThroughMatches(app.api, { from: '2026-09-01', tag: 'investor' })).toBeGreaterThan(
      20,
    );
  }, 60_000);
});
