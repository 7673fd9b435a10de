import { afterEach, describe, expect, it } from 'vitest';
import { dueCountsText } from '../../../src/shared/domain/due-counts.ts';
import { cli } from '../../helpers/run-cli.ts';
import type { TempApp } from '../../helpers/temp-app.ts';
import { berlinApp, openSteps } from './helpers.ts';

// 2026-11-16 is a Monday; Berlin is UTC+1, so the follow-up hour (09:00) is 08:00Z.
const MONDAY = '2026-11-16T10:00:00Z';
let app: TempApp;
afterEach(() => app?.cleanup());

/** `n` people, each with one step planned by hand on `day` (scheduled `at` that moment). */
async function stepsOn(day: string, n: number, extra: Record<string, unknown> = {}) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = await app.api['contacts.create']({ displayName: `${day} #${i + 1}`, ...extra });
    ids.push((await app.api['followups.schedule']({ contactId: c.id, dueOn: day })).followUp.id);
  }
  return ids;
}

/** 25 overdue (five each day of the week before) and 3 due today: 28 due, budget 10. */
async function backlog(): Promise<void> {
  app = berlinApp('2026-11-09T07:00:00Z');
  for (const day of ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'])
    await stepsOn(day, 5);
  await stepsOn('2026-11-16', 3);
  app.setNow(MONDAY);
}

const dueNowIds = (t: Awaited<ReturnType<TempApp['api']['followups.today']>>) =>
  [...t.overdue, ...t.dueToday].map((i) => i.id);

describe('one definition of due, in budget and waiting', () => {
  it('Today, the tray, the calendar and the CLI agree, and say it in the same words', async () => {
    await backlog();
    const today = await app.api['followups.today']({});
    expect(today.counts).toEqual({
      due: 28,
      inBudget: 10,
      waiting: 18,
      doneToday: 0,
      dailyBudget: 10,
      goingCold: 0,
    });
    expect(dueNowIds(today)).toHaveLength(10);
    expect(today.waiting).toHaveLength(18);
    expect(dueCountsText(today.counts)).toBe('10 of 28 today (your daily budget); 18 waiting.');

    // The tray lists the same ten, most important first.
    const tray = app.context.reminders.dueNow(new Date(MONDAY));
    expect(tray.map((r) => r.id)).toEqual(dueNowIds(today));

    // The calendar's today (whatever the filters) comes from the same query.
    const range = await app.api['calendar.range']({ from: '2026-11-09', to: '2026-11-22', tag: 'nobody' });
    expect(range.today).toEqual(today.counts);
    const nextWeek = await app.api['calendar.range']({ from: '2026-11-23', to: '2026-11-29' });
    expect(nextWeek.today).toBeUndefined();

    // The CLI, in another process on the same file (its zone from TZ, the other settings default).
    const run = await cli(['--db', app.databasePath, '--now', MONDAY, '--json', 'today'], {
      TZ: 'Europe/Berlin',
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).counts).toEqual(today.counts);
    const text = await cli(['--db', app.databasePath, '--now', MONDAY, 'today'], { TZ: 'Europe/Berlin' });
    expect(text.stdout).toContain('10 of 28 today (your daily budget); 18 waiting.');
    expect(text.stdout).toContain('Waiting, over the daily budget (18)');
  });

  it('counts what was done today against the budget: Done does not pull the next one in', async () => {
    await backlog();
    const first = await app.api['followups.today']({});
    const [a, b, c] = dueNowIds(first);
    for (const id of [a, b, c]) await app.api['followups.done']({ id: id! });
    const after = await app.api['followups.today']({});
    expect(after.counts).toMatchObject({ due: 25, doneToday: 3, inBudget: 7, waiting: 18 });
    expect(dueNowIds(after)).toEqual(dueNowIds(first).slice(3));
    expect(app.context.reminders.dueNow(new Date(MONDAY))).toHaveLength(7);
    expect(dueCountsText(after.counts)).toBe('7 of 25 today (your daily budget; 3 done); 18 waiting.');

    // Skipping or snoozing is not doing one: the next one takes its place.
    await app.api['followups.skip']({ id: dueNowIds(after)[0]! });
    const skipped = await app.api['followups.today']({});
    expect(skipped.counts).toMatchObject({ due: 24, doneToday: 3, inBudget: 7, waiting: 17 });

    for (const id of dueNowIds(skipped)) await app.api['followups.done']({ id });
    const spent = await app.api['followups.today']({});
    expect(spent.counts).toMatchObject({ due: 17, doneToday: 10, inBudget: 0, waiting: 17 });
    expect(dueNowIds(spent)).toEqual([]);
    expect(app.context.reminders.dueNow(new Date(MONDAY))).toEqual([]);
    expect(dueCountsText(spent.counts)).toBe(
      'Daily budget of 10 reached (10 done today); 17 waiting for the coming days.',
    );

    // A new day, a new budget.
    app.setNow('2026-11-17T10:00:00Z');
    const tuesday = await app.api['followups.today']({});
    expect(tuesday.counts).toMatchObject({ due: 17, doneToday: 0, inBudget: 10, waiting: 7 });
  });

  it('counts the week and the streak of working days with something done', async () => {
    app = berlinApp('2026-11-13T07:00:00Z'); // the Friday before
    const days = ['2026-11-13', '2026-11-16', '2026-11-17', '2026-11-18'];
    for (const day of days) await stepsOn(day, 1);
    const steps = await openSteps(app);
    for (const [i, day] of days.entries()) {
      app.setNow(`${day}T16:30:00Z`); // 17:30 in Berlin
      await app.api['followups.done']({ id: steps[i]!.id });
    }
    app.setNow('2026-11-19T07:00:00Z'); // Thursday morning: nothing done yet today
    // Monday to Wednesday this week; the weekend is not a working day, so Friday joins the streak.
    expect((await app.api['followups.today']({})).stats).toEqual({
      doneThisWeek: 3,
      streakDays: 4,
      dailyBudget: 10,
    });
    app.setNow('2026-11-20T07:00:00Z'); // Friday: Thursday had nothing
    expect((await app.api['followups.today']({})).stats).toMatchObject({ doneThisWeek: 3, streakDays: 0 });
  });

  it('leaves out steps so old the sweep expires them, before and after it runs', async () => {
    app = berlinApp('2026-09-01T07:00:00Z');
    await stepsOn('2026-09-01', 2);
    await stepsOn('2026-11-16', 1);
    app.setNow(MONDAY);
    // The tray reads without sweeping first: the same count as Today, which sweeps.
    expect(app.context.reminders.dueNow(new Date(MONDAY))).toHaveLength(1);
    expect((await app.api['followups.today']({})).counts).toMatchObject({ due: 1, inBudget: 1, waiting: 0 });
  });
});

describe('catching up', () => {
  it('previews, then spreads what is due over the coming working days within the budget', async () => {
    app = berlinApp('2026-11-09T07:00:00Z');
    for (const day of ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'])
      await stepsOn(day, 9);
    await stepsOn('2026-11-16', 3);
    await stepsOn('2026-11-17', 4); // Tuesday already holds four
    await stepsOn('2026-11-18', 10); // Wednesday is full
    app.setNow(MONDAY);
    expect((await app.api['followups.today']({})).counts).toMatchObject({
      due: 48,
      inBudget: 10,
      waiting: 38,
    });

    const before = (await openSteps(app)).map((s) => `${s.id}@${s.dueOn}`).sort();
    const preview = await app.api['followups.previewCatchUp']({});
    // In Today's order (all planned by hand: the oldest first): today the ten oldest, Tuesday six
    // more beside its four, Wednesday nothing (full), the weekend nothing; today's own three wait.
    expect(preview).toEqual({
      moved: 48,
      unchanged: 0,
      days: [
        { day: '2026-11-16', added: 10, already: 0 },
        { day: '2026-11-17', added: 6, already: 4 },
        { day: '2026-11-19', added: 10, already: 0 },
        { day: '2026-11-20', added: 10, already: 0 },
        { day: '2026-11-23', added: 10, already: 0 },
        { day: '2026-11-24', added: 2, already: 0 },
      ],
      lastDay: '2026-11-24',
      unplaced: 0,
    });
    // A preview writes nothing.
    expect((await openSteps(app)).map((s) => `${s.id}@${s.dueOn}`).sort()).toEqual(before);

    // Everything overdue was announced already: what comes today is not announced twice.
    const overdue = (await openSteps(app)).filter((x) => x.dueOn < '2026-11-16').map((x) => x.id);
    app.context.reminders.markNotified(overdue, new Date(MONDAY));
    // What it did is what the preview said, and it can be undone (backlog-undo.test.ts).
    expect(await app.api['followups.catchUp']({})).toEqual({ ...preview, undoId: expect.any(Number) });
    const notified = new Map((await openSteps(app)).map((x) => [x.id, x]));
    const brought = overdue.map((id) => notified.get(id)!);
    expect(brought.filter((x) => x.dueOn === '2026-11-16').every((x) => x.notifiedAt !== null)).toBe(true);
    expect(brought.filter((x) => x.dueOn > '2026-11-16').every((x) => x.notifiedAt === null)).toBe(true);
    const after = await app.api['followups.today']({});
    expect(after.counts).toMatchObject({ due: 10, inBudget: 10, waiting: 0 });
    expect(after.overdue).toEqual([]);
    const perDay = new Map<string, number>();
    for (const s of await openSteps(app)) perDay.set(s.dueOn, (perDay.get(s.dueOn) ?? 0) + 1);
    expect(Object.fromEntries(perDay)).toEqual({
      '2026-11-16': 10,
      '2026-11-17': 10,
      '2026-11-18': 10,
      '2026-11-19': 10,
      '2026-11-20': 10,
      '2026-11-23': 10,
      '2026-11-24': 2,
    });
    // At the follow-up hour of their new day.
    const moved = (await openSteps(app)).find((s) => s.dueOn === '2026-11-23');
    expect(moved?.dueAt).toBe('2026-11-23T08:00:00.000Z');
    // Nothing left to spread.
    expect(await app.api['followups.previewCatchUp']({})).toMatchObject({
      moved: 0,
      days: [],
      lastDay: null,
    });
  });

  it('leaves room for what was done today', async () => {
    await backlog();
    for (const id of dueNowIds(await app.api['followups.today']({})).slice(0, 4))
      await app.api['followups.done']({ id });
    const preview = await app.api['followups.previewCatchUp']({});
    expect(preview.days[0]).toEqual({ day: '2026-11-16', added: 6, already: 4 });
    expect(preview.moved + preview.unchanged).toBe(24);
    // A step due today and more important than the backlog stays where it is.
    const vip = await app.api['contacts.create']({ displayName: 'Promised' });
    await app.api['promises.add']({
      contactId: vip.id,
      direction: 'mine',
      text: 'Intro',
      dueOn: '2026-11-16',
    });
    expect(await app.api['followups.previewCatchUp']({})).toMatchObject({ unchanged: 1, moved: 24 });
  });
});

describe('the CLI for catching up', () => {
  it('previews and commits the same plan, and skips by filter, refusing unknown kinds', async () => {
    await backlog();
    const env = { TZ: 'Europe/Berlin' };
    const run = (...args: string[]) => cli(['--db', app.databasePath, '--now', MONDAY, ...args], env);
    const preview = await app.api['followups.previewCatchUp']({});
    const cliPreview = await run('--json', 'followups', 'catch-up', '--preview');
    expect(cliPreview.code, cliPreview.stderr).toBe(0);
    expect(JSON.parse(cliPreview.stdout)).toEqual(preview);
    const skip = await run(
      '--json',
      'followups',
      'skip',
      '--purpose',
      'manual',
      '--older-than',
      '5',
      '--preview',
    );
    // The ten oldest are today's budget; of what waits, Wednesday's five are five days old.
    expect(JSON.parse(skip.stdout)).toMatchObject({ count: 5, byPurpose: [{ purpose: 'manual', count: 5 }] });
    const wrong = await run('followups', 'skip', '--purpose', 'nudge');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--purpose nudge: use one of refresher, second');
    const none = await run('followups', 'end');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--waiting for everything waiting');
    const text = await run('followups', 'catch-up');
    expect(text.stdout).toContain(`Moved ${preview.moved} follow-ups`);
    expect((await app.api['followups.today']({})).counts).toMatchObject({ waiting: 0, inBudget: 10 });
  });
});

describe('bulk skip and end', () => {
  /** Twelve re-engagements (spread by the engine over two days), five tagged steps a week old. */
  async function mixed(): Promise<void> {
    app = berlinApp('2026-11-02T07:00:00Z');
    for (let i = 0; i < 12; i++)
      await app.api['contacts.create']({ displayName: `Old ${i}`, metOn: '2026-01-05', metWhere: 'a fair' });
    app.setNow('2026-11-09T07:00:00Z');
    await stepsOn('2026-11-09', 5, { tags: ['alumni'] });
    app.setNow(MONDAY);
  }

  it('selects by purpose, tag and age, only what waits unless asked', async () => {
    await mixed();
    const today = await app.api['followups.today']({});
    // Hand-planned steps (45) come before re-engagements (60): five of each in the budget.
    expect(today.counts).toMatchObject({ due: 17, inBudget: 10, waiting: 7 });
    const reengage = await app.api['followups.previewBulkClose']({ purposes: ['reengage'] });
    expect(reengage.count).toBe(7);
    expect(reengage.byPurpose).toEqual([{ purpose: 'reengage', count: 7 }]);
    // The least important first in the sample: the ones the user is letting go.
    expect(reengage.sample[0]?.id).toBe(today.waiting.at(-1)?.id);
    expect(
      (await app.api['followups.previewBulkClose']({ purposes: ['reengage'], among: 'due' })).count,
    ).toBe(12);
    expect((await app.api['followups.previewBulkClose']({ tag: 'alumni' })).count).toBe(0);
    expect((await app.api['followups.previewBulkClose']({ tag: 'alumni', among: 'due' })).count).toBe(5);
    // Due 13 or 14 days ago (the re-engagements), not 7 (the tagged ones).
    expect((await app.api['followups.previewBulkClose']({ olderThanDays: 10, among: 'due' })).count).toBe(12);
    expect((await app.api['followups.previewBulkClose']({ olderThanDays: 14, among: 'due' })).count).toBe(10);
    expect((await app.api['followups.previewBulkClose']({ olderThanDays: 20, among: 'due' })).count).toBe(0);
  });

  it('skips the waiting ones by purpose; their cycles end; Today keeps its budget', async () => {
    await mixed();
    const result = await app.api['followups.bulkClose']({ purposes: ['reengage'], action: 'skip' });
    expect(result).toEqual({ closed: 7, cyclesEnded: 7, undoId: expect.any(Number) });
    const today = await app.api['followups.today']({});
    expect(today.counts).toMatchObject({ due: 10, inBudget: 10, waiting: 0, doneToday: 0 });
    const skipped = (await app.api['followups.list']({ statuses: ['skipped'] })).map((s) => s.cancelReason);
    expect(skipped).toEqual(Array(7).fill('Skipped in bulk while catching up.'));
    await expect(
      app.api['followups.bulkClose']({ purposes: ['nonsense' as never], action: 'skip' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('a skipped check-in comes again one cadence on; an ended rhythm waits until they come up', async () => {
    app = berlinApp('2026-08-03T07:00:00Z');
    const skip = await app.api['contacts.create']({ displayName: 'Skip me', cadenceDays: 30, tags: ['a'] });
    const end = await app.api['contacts.create']({ displayName: 'End me', cadenceDays: 30, tags: ['b'] });
    app.setNow('2026-09-10T07:00:00Z');
    expect((await app.api['followups.today']({})).counts.goingCold).toBe(2);
    expect(
      await app.api['followups.bulkClose']({ purposes: ['check_in'], tag: 'a', action: 'skip' }),
    ).toEqual({
      closed: 1,
      cyclesEnded: 1,
      undoId: expect.any(Number),
    });
    // Thirty days from the skip is a Saturday: the Monday after.
    expect((await openSteps(app, skip.id)).map((s) => s.dueOn)).toEqual(['2026-10-12']);
    expect(await app.api['followups.bulkClose']({ tag: 'b', action: 'end' })).toEqual({
      closed: 1,
      cyclesEnded: 1,
      undoId: expect.any(Number),
    });
    expect(await openSteps(app, end.id)).toEqual([]);
    // It comes back with them: a call plans the next check-in.
    await app.api['interactions.add']({
      contactId: end.id,
      channel: 'call',
      direction: 'inbound',
      summary: 'Hi',
    });
    expect((await openSteps(app, end.id)).map((s) => `${s.purpose}@${s.dueOn}`)).toEqual([
      'check_in@2026-10-12',
    ]);
  });
});
