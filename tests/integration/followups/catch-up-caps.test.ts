// A catch-up keeps each person within the caps against over-following-up, as the engine plans
// an automatic step (caps.ts): never two outbound touches to one person closer than the minimum
// gap, never more than the maximum in 30 days. Run in two zones (one across a DST change, one
// where local midnight is the previous UTC day), so touches are read as local days.
import { afterEach, describe, expect, it } from 'vitest';
import { atLocalHour } from '../../../src/main/time/local-day.ts';
import type { Caps } from '../../../src/shared/settings.ts';
import { openTempApp, type TempApp } from '../../helpers/temp-app.ts';
import { openSteps } from './helpers.ts';

const ZONES = ['Pacific/Auckland', 'America/Los_Angeles'];
let app: TempApp;
afterEach(() => app?.cleanup());

describe.each(ZONES)('catching up in %s', (timeZone) => {
  const at = (day: string, hour: number, minute = 0) =>
    new Date(atLocalHour(day, hour, timeZone).getTime() + minute * 60_000).toISOString();

  function open(caps: Partial<Caps>) {
    // Wednesday 11 Nov 2026, 08:00 local.
    app = openTempApp(at('2026-11-11', 8), {
      timeZone,
      followUpHour: 9,
      workingDays: [1, 2, 3, 4, 5],
      caps: { minGapDays: 3, maxPer30Days: 4, dailyBudget: 10, ...caps },
    });
  }

  async function person(name: string, ...days: string[]) {
    const c = await app.api['contacts.create']({ displayName: name });
    for (const dueOn of days) await app.api['followups.schedule']({ contactId: c.id, dueOn });
    return c;
  }

  const daysOf = async (contactId: number) => (await openSteps(app, contactId)).map((s) => s.dueOn).sort();

  /**
   * Ada: two steps overdue. Bob: one. Dan: one overdue and one planned for Tuesday. Seen on
   * Monday 16 Nov, 10:00 local.
   */
  async function backlog() {
    const ada = await person('Ada', '2026-11-11', '2026-11-12');
    const bob = await person('Bob', '2026-11-12');
    const dan = await person('Dan', '2026-11-12', '2026-11-17');
    app.setNow(at('2026-11-16', 10));
    return { ada, bob, dan };
  }

  it('with no minimum gap, a person’s two overdue steps both come today', async () => {
    open({ minGapDays: 0 });
    const { ada, dan } = await backlog();
    const preview = await app.api['followups.previewCatchUp']({});
    expect(preview).toEqual({
      moved: 4,
      unchanged: 0,
      days: [{ day: '2026-11-16', added: 4, already: 0 }],
      lastDay: '2026-11-16',
      unplaced: 0,
    });
    expect(await app.api['followups.catchUp']({})).toEqual({ ...preview, undoId: expect.any(Number) });
    expect(await daysOf(ada.id)).toEqual(['2026-11-16', '2026-11-16']);
    expect(await daysOf(dan.id)).toEqual(['2026-11-16', '2026-11-17']);
  });

  it('with a gap of three days, the second lands three days after the first, and clear of a planned one', async () => {
    open({ minGapDays: 3 });
    const { ada, bob, dan } = await backlog();
    const preview = await app.api['followups.previewCatchUp']({});
    // Ada's second not before Thursday; Dan's not within three days of Tuesday's: Friday.
    expect(preview).toEqual({
      moved: 4,
      unchanged: 0,
      days: [
        { day: '2026-11-16', added: 2, already: 0 },
        { day: '2026-11-19', added: 1, already: 0 },
        { day: '2026-11-20', added: 1, already: 0 },
      ],
      lastDay: '2026-11-20',
      unplaced: 0,
    });
    expect(await app.api['followups.catchUp']({})).toEqual({ ...preview, undoId: expect.any(Number) });
    expect(await daysOf(ada.id)).toEqual(['2026-11-16', '2026-11-19']);
    expect(await daysOf(bob.id)).toEqual(['2026-11-16']);
    expect(await daysOf(dan.id)).toEqual(['2026-11-17', '2026-11-20']);
    const thursday = (await openSteps(app, ada.id)).find((s) => s.dueOn === '2026-11-19');
    expect(thursday).toMatchObject({ dueAt: at('2026-11-19', 9), capWarning: null });
    // Nothing left to spread.
    expect(await app.api['followups.previewCatchUp']({})).toMatchObject({ moved: 0, unplaced: 0 });
  });

  it('counts messages already sent, on their local day, against the 30-day maximum', async () => {
    open({ minGapDays: 0, maxPer30Days: 2 });
    const cleo = await app.api['contacts.create']({ displayName: 'Cleo' });
    // Just after local midnight and just before it: in each zone one of them is on another UTC day.
    for (const occurredAt of [at('2026-10-27', 0, 30), at('2026-11-06', 23, 30)])
      await app.api['interactions.add']({
        contactId: cleo.id,
        occurredAt,
        channel: 'email',
        direction: 'outbound',
        summary: 'Sent the deck',
      });
    const { followUp } = await app.api['followups.schedule']({ contactId: cleo.id, dueOn: '2026-11-12' });
    app.setNow(at('2026-11-16', 10));
    // Until 25 Nov a 30-day window holds both messages; 26 Nov is the first with room for one more.
    const preview = await app.api['followups.previewCatchUp']({});
    expect(preview).toMatchObject({ moved: 1, days: [{ day: '2026-11-26', added: 1, already: 0 }] });
    expect(await app.api['followups.catchUp']({})).toEqual({ ...preview, undoId: expect.any(Number) });
    const moved = (await openSteps(app, cleo.id)).find((s) => s.id === followUp.id);
    expect(moved).toMatchObject({ dueOn: '2026-11-26', dueAt: at('2026-11-26', 9) });
  });
});
