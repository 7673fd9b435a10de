import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { maxInAnyWindow } from '../../../src/main/insights/forecast/forecast.ts';
import type { Forecast } from '../../../src/shared/domain/forecast.ts';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';

let app: TempApp | null = null;
afterEach(() => {
  app?.cleanup();
  app = null;
});

// Tuesday 10 March 2026, 09:00 in UTC (the follow-up hour): Monday's people are due today.
const NOW = '2026-03-10T09:00:00.000Z';

async function threeMetYesterday(settings = {}): Promise<TempApp> {
  const opened = openTempApp(NOW, { timeZone: 'UTC', ...settings });
  for (const name of ['Ada', 'Grace', 'Edsger'])
    await opened.api['contacts.create']({ displayName: name, metOn: '2026-03-09' });
  return opened;
}

const day = (f: Forecast, date: string) => f.days.find((d) => d.date === date)!;

describe('the forecast (insights.forecast)', () => {
  it('runs the engine forward: refreshers today, second notes a week on, then long-term check-ins', async () => {
    app = await threeMetYesterday();
    const f = await app.api['insights.forecast']({ days: 30, replyRate: 0, capturesPerWeek: 0 });
    expect(f.from).toBe('2026-03-10');
    expect(f.through).toBe('2026-04-08');
    expect(f.days).toHaveLength(30);
    expect(day(f, '2026-03-10')).toMatchObject({
      prompts: 3,
      done: 3,
      waiting: 0,
      budget: 10,
      workingDay: true,
    });
    expect(day(f, '2026-03-17')).toMatchObject({ prompts: 3, done: 3 });
    expect(day(f, '2026-03-14')).toMatchObject({ workingDay: false, budget: 0, prompts: 0 });
    expect(f.days.filter((d) => d.prompts > 0).map((d) => d.date)).toEqual(['2026-03-10', '2026-03-17']);
    expect(f.peaks).toEqual([
      { date: '2026-03-10', prompts: 3, budget: 10 },
      { date: '2026-03-17', prompts: 3, budget: 10 },
    ]);
    expect(f.summary).toMatchObject({
      newContacts: 0,
      refreshedWithin48h: null,
      maxTouchesPer30Days: 2,
      touchCap: 4,
      daysOverBudget: 0,
      totalDone: 6,
      // No reply: each cycle ends "no response" three days after the second note, and the
      // long-term check-in 90 days on goes past the horizon.
      openCyclesAtEnd: 0,
      cyclesWaiting: 0,
      cyclesContinuing: 3,
    });
    expect(f.assumptions.replyRate).toEqual({ value: 0, source: 'given', messages: 0 });
  });

  it('lets replies end the cycles: nobody gets a second note when everyone answers', async () => {
    app = await threeMetYesterday();
    const f = await app.api['insights.forecast']({ days: 30, replyRate: 1, capturesPerWeek: 0 });
    expect(f.summary).toMatchObject({
      totalDone: 3,
      maxTouchesPer30Days: 1,
      openCyclesAtEnd: 0,
      cyclesWaiting: 0,
      cyclesContinuing: 0,
    });
    expect(f.days.reduce((n, d) => n + d.replies, 0)).toBe(3);
  });

  it('tries a budget before it is saved: what does not fit waits for the next day', async () => {
    app = await threeMetYesterday();
    const saved = await app.api['settings.get']({});
    const f = await app.api['insights.forecast']({
      days: 10,
      replyRate: 0,
      capturesPerWeek: 0,
      settings: { caps: { ...saved.caps, dailyBudget: 2 } },
    });
    expect(day(f, '2026-03-10')).toMatchObject({ prompts: 3, done: 2, waiting: 1, budget: 2 });
    expect(day(f, '2026-03-11')).toMatchObject({ prompts: 1, done: 1, waiting: 0 });
    expect(f.summary.daysOverBudget).toBe(1);
    expect(f.assumptions.dailyBudget).toBe(2);
    expect((await app.api['settings.get']({})).caps.dailyBudget).toBe(10);
  });

  it('simulates captures at the pace given: a Friday capture waits out the weekend, past 48 h', async () => {
    app = openTempApp(NOW, { timeZone: 'UTC' });
    const f = await app.api['insights.forecast']({ days: 28, replyRate: 0, capturesPerWeek: 5 });
    // One a working day, Tuesday 10 March to Monday 6 April: 20 people.
    expect(f.summary.newContacts).toBe(20);
    expect(f.days.filter((d) => d.workingDay).every((d) => d.captured === 1)).toBe(true);
    // The last day's person is not judged yet; of the 19 others, the four met on Fridays get
    // their refresher on Monday, three days after.
    expect(f.summary.refreshed).toEqual({ within48h: 15, measured: 19 });
    expect(f.summary.refreshedWithin48h).toBeCloseTo(15 / 19, 3);
    expect(f.assumptions.capturesPerWeek).toEqual({ value: 5, source: 'given' });
  });

  it('reads the reply rate and the capture pace from the user’s own history', async () => {
    app = openTempApp(NOW, { timeZone: 'UTC' });
    const api = app.api;
    // Six people met on Mondays of the past weeks, each written to; two answered.
    for (let i = 1; i <= 6; i++) {
      const metOn = new Date(Date.parse('2026-03-09T00:00:00Z') - i * 7 * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const c = await api['contacts.create']({ displayName: `Person ${i}`, metOn });
      const sentAt = `${metOn}T15:00:00.000Z`;
      await api['interactions.add']({
        contactId: c.id,
        occurredAt: sentAt,
        channel: 'email',
        direction: 'outbound',
        summary: 'Hello',
      });
      if (i <= 2)
        await api['interactions.add']({
          contactId: c.id,
          occurredAt: `${metOn}T18:00:00.000Z`,
          channel: 'email',
          direction: 'inbound',
          summary: 'Hi!',
        });
    }
    const f = await api['insights.forecast']({ days: 14 });
    expect(f.assumptions.replyRate).toEqual({ value: 0.333, source: 'history', messages: 6 });
    // Six Monday captures in 12 weeks: half a person a week, on Mondays.
    expect(f.assumptions.capturesPerWeek).toEqual({ value: 0.5, source: 'history' });
    expect(f.days.filter((d) => d.captured > 0).map((d) => d.date)).toEqual(['2026-03-16']);

    // Remembered while nothing changes; read afresh after this process's write or another's commit.
    expect(await api['insights.forecast']({ days: 14 })).toEqual(f);
    await api['contacts.create']({ displayName: 'Person 7', metOn: '2026-03-02' });
    expect((await api['insights.forecast']({ days: 14 })).assumptions.capturesPerWeek.value).toBe(0.58);
    const other = new Database(app.databasePath);
    other.prepare("DELETE FROM contacts WHERE display_name = 'Person 7'").run();
    other.close();
    expect((await api['insights.forecast']({ days: 14 })).assumptions.capturesPerWeek.value).toBe(0.5);
  });

  it('says when there is too little history for a reply rate, and uses the documented default', async () => {
    app = await threeMetYesterday();
    const f = await app.api['insights.forecast']({ days: 5 });
    expect(f.assumptions.replyRate).toEqual({ value: 0.3, source: 'default', messages: 0 });
  });

  it('gives the same forecast for the same inputs', async () => {
    app = await threeMetYesterday({});
    for (let i = 0; i < 12; i++)
      await app.api['contacts.create']({ displayName: `Extra ${i}`, metOn: '2026-03-02', cadenceDays: 30 });
    const query = { days: 60, replyRate: 0.4, capturesPerWeek: 3 };
    const first = await app.api['insights.forecast'](query);
    const second = await app.api['insights.forecast'](query);
    expect(second).toEqual(first);
    expect(first.days.some((d) => d.replies > 0)).toBe(true);
  });

  it('keeps to local days across a DST change (Berlin springs forward on 29 March)', async () => {
    app = openTempApp('2026-03-23T08:00:00.000Z', { timeZone: 'Europe/Berlin' });
    for (const name of ['Ada', 'Grace'])
      await app.api['contacts.create']({ displayName: name, metOn: '2026-03-22' });
    const f = await app.api['insights.forecast']({ days: 14, replyRate: 0, capturesPerWeek: 0 });
    expect(f.timeZone).toBe('Europe/Berlin');
    expect(f.days.map((d) => d.date).slice(5, 9)).toEqual([
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
      '2026-03-31',
    ]);
    // Refreshers on the Monday before, second notes on the Monday after the change.
    expect(f.days.filter((d) => d.prompts > 0).map((d) => [d.date, d.prompts])).toEqual([
      ['2026-03-23', 2],
      ['2026-03-30', 2],
    ]);
  });

  it('refuses bad input, naming the field', async () => {
    app = openTempApp(NOW);
    const bad = async (input: unknown) => {
      const result = await app!.context.dispatch('insights.forecast', input);
      expect(result.ok).toBe(false);
      return result.ok ? null : result.error;
    };
    expect((await bad({ days: 0 }))?.issues?.[0]?.path).toBe('days');
    expect((await bad({ days: 366 }))?.issues?.[0]?.path).toBe('days');
    expect((await bad({ replyRate: 1.5 }))?.issues?.[0]?.path).toBe('replyRate');
    expect((await bad({ settings: { caps: { dailyBudget: 0 } } }))?.issues?.[0]?.path).toBe(
      'settings.caps.dailyBudget',
    );
    expect((await bad({ settings: { theme: 'dark' } }))?.code).toBe('invalid_input');
  });
});

describe('the forecast never writes to the user’s data', () => {
  const fingerprint = (path: string) =>
    [path, `${path}-wal`].map((file) =>
      existsSync(file)
        ? {
            file,
            sha: createHash('sha256').update(readFileSync(file)).digest('hex'),
            mtime: statSync(file).mtimeMs,
          }
        : { file, sha: null, mtime: null },
    );

  it('leaves the file’s bytes, its modification time and SQLite’s data_version as they were', async () => {
    app = await threeMetYesterday();
    for (let i = 0; i < 20; i++)
      await app.api['contacts.create']({ displayName: `Extra ${i}`, metOn: '2026-02-20', cadenceDays: 30 });
    const observer = new Database(app.databasePath, { readonly: true });
    try {
      const version = () => observer.pragma('data_version', { simple: true });
      const counts = () =>
        observer
          .prepare(
            'SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM followups), (SELECT count(*) FROM interactions)',
          )
          .raw()
          .get();
      const before = { files: fingerprint(app.databasePath), version: version(), counts: counts() };
      const changes = app.context.db.prepare('SELECT total_changes()').pluck().get();
      const f = await app.api['insights.forecast']({ days: 90, replyRate: 0.5, capturesPerWeek: 10 });
      expect(f.summary.newContacts).toBeGreaterThan(0);
      expect(f.summary.totalDone).toBeGreaterThan(0);
      expect(fingerprint(app.databasePath)).toEqual(before.files);
      expect(version()).toBe(before.version);
      expect(counts()).toEqual(before.counts);
      expect(app.context.db.prepare('SELECT total_changes()').pluck().get()).toBe(changes);
    } finally {
      observer.close();
    }
  });

  it('runs while another connection (another process, say) holds the write lock, and sees only what was committed', async () => {
    app = await threeMetYesterday();
    const writer = new Database(app.databasePath);
    try {
      writer.pragma('busy_timeout = 0');
      writer.exec('BEGIN IMMEDIATE');
      writer.exec("UPDATE contacts SET cadence_days = 30 WHERE display_name = 'Ada'");
      const started = Date.now();
      const f = await app.api['insights.forecast']({ days: 30, replyRate: 0, capturesPerWeek: 0 });
      // It did not wait for the lock (busy_timeout is 5 s), and the uncommitted cadence is not in it.
      expect(Date.now() - started).toBeLessThan(4000);
      expect(f.summary.totalDone).toBe(6);
      writer.exec('ROLLBACK');
    } finally {
      writer.close();
    }
  });
});

describe('touches in any 30 days', () => {
  it('counts the most that fit in one window, per person', () => {
    expect(maxInAnyWindow(new Map(), 30)).toBe(0);
    expect(
      maxInAnyWindow(
        new Map([
          [1, [0, 29, 30, 59]],
          [2, [10, 11, 12]],
        ]),
        30,
      ),
    ).toBe(3);
    expect(maxInAnyWindow(new Map([[1, [0, 30, 60]]]), 30)).toBe(1);
  });
});

describe('a long forecast', () => {
  it('lets other calls through while it runs, and a write meanwhile changes neither it nor them', async () => {
    app = await threeMetYesterday();
    const order: string[] = [];
    const running = app.api['insights.forecast']({ days: 90, replyRate: 0.5, capturesPerWeek: 20 }).then(
      (f) => {
        order.push('forecast');
        return f;
      },
    );
    const added = await app.api['contacts.create']({ displayName: 'Barbara', metOn: '2026-03-09' });
    order.push('write');
    const listed = await app.api['contacts.list']({});
    order.push('read');
    const f = await running;
    expect(order).toEqual(['write', 'read', 'forecast']);
    expect(listed.items.map((c) => c.id)).toContain(added.id);
    // It forecast the three it copied at its start, not Barbara, who came during its run.
    expect(day(f, '2026-03-10').prompts).toBe(3);
  });
});
